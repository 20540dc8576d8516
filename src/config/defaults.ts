/** Settings every command shares, before config files exist: flags override them, then `LANTERN_*` variables. */
export const DEFAULT_DATA_DIR = './lantern-data';

export function defaultDataDir(): string {
  return process.env.LANTERN_DATA_DIR ?? DEFAULT_DATA_DIR;
}
