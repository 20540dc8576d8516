/** Why the LMS database could not be used; callers fail only the tasks that need the LMS. */
export type LmsDatabaseErrorCode =
  | 'invalid-url'
  | 'unsupported-backend'
  | 'missing-file'
  | 'unreachable'
  | 'query-failed'
  | 'invalid-value';

/** A failure opening or reading the LMS database; the message names the URL with its password masked. */
export class LmsDatabaseError extends Error {
  readonly code: LmsDatabaseErrorCode;

  constructor(code: LmsDatabaseErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LmsDatabaseError';
    this.code = code;
  }
}

// Failures of the connection itself rather than of one query: the server is down, refuses us or has no such database.
const CONNECTION_FAILURES = /^(E[A-Z]+|PROTOCOL_.*|ER_ACCESS_DENIED_ERROR|ER_DBACCESS_DENIED_ERROR|ER_BAD_DB_ERROR|ER_CON_COUNT_ERROR|SQLITE_CANTOPEN|SQLITE_NOTADB)$/;

/** Wraps a driver error; `doing` says what was attempted, e.g. "reading auth_user from". */
export function lmsDatabaseFailure(maskedUrl: string, error: unknown, doing = 'querying'): LmsDatabaseError {
  if (error instanceof LmsDatabaseError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const unreachable = typeof code === 'string' && CONNECTION_FAILURES.test(code);
  const message = unreachable
    ? `cannot reach the LMS database ${maskedUrl}: ${describeCause(error)}`
    : `${doing} the LMS database ${maskedUrl} failed: ${describeCause(error)}`;
  return new LmsDatabaseError(unreachable ? 'unreachable' : 'query-failed', message, { cause: error });
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  // Node reports a refused connection to a name with several addresses as an AggregateError with an empty message.
  const text = error.message || (error instanceof AggregateError ? error.errors.map(describeCause).join('; ') : '');
  if (typeof code === 'string' && !text.includes(code)) return text ? `${code}: ${text}` : code;
  return text || error.name;
}
