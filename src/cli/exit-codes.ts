/** What `lantern` exit codes mean. */
export const EXIT = {
  ok: 0,
  /** The work failed: a source could not be read, the engine failed. */
  failed: 1,
  /** The command line was wrong: nothing was done. */
  usage: 2,
  /** `--strict` and the audit found problems. */
  findings: 3,
} as const;

/** An error the user can fix on the command line; reported without a stack and exits with EXIT.usage. */
export class UsageError extends Error {}
