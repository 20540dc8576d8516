/** Database URLs as users write them: `sqlite:PATH`, `mysql://user:pass@host:port/db`, `postgres://…`. */
export type DatabaseKind = 'sqlite' | 'mysql' | 'postgres';

export interface DatabaseUrl {
  readonly kind: DatabaseKind;
  /** The URL as given. */
  readonly url: string;
  /** SQLite only: the file path (`:memory:` allowed). */
  readonly path?: string;
}

const SCHEMES: Record<string, DatabaseKind> = {
  'sqlite:': 'sqlite',
  'mysql:': 'mysql',
  'mariadb:': 'mysql',
  'postgres:': 'postgres',
  'postgresql:': 'postgres',
};

export class DatabaseUrlError extends Error {
  override readonly name = 'DatabaseUrlError';
}

/** Parses and checks a database URL; the error names the URL with its password masked. */
export function parseDatabaseUrl(url: string): DatabaseUrl {
  const scheme = /^[a-z]+:/i.exec(url)?.[0].toLowerCase();
  const kind = scheme ? SCHEMES[scheme] : undefined;
  if (!kind) {
    throw new DatabaseUrlError(
      `"${maskUrl(url)}" is not a database URL: use sqlite:PATH, mysql://user:password@host:port/database or postgres://user:password@host:port/database`,
    );
  }
  if (kind === 'sqlite') {
    const path = url.slice(scheme!.length).replace(/^\/\/(?=\/)/, '');
    if (!path) throw new DatabaseUrlError(`"${url}" names no SQLite file: use sqlite:PATH`);
    return { kind, url, path };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseUrlError(`"${maskUrl(url)}" is not a valid URL`);
  }
  if (!parsed.hostname) throw new DatabaseUrlError(`"${maskUrl(url)}" names no host`);
  if (parsed.pathname.length <= 1) throw new DatabaseUrlError(`"${maskUrl(url)}" names no database (…/DATABASE)`);
  return { kind, url };
}

/** The URL with any password replaced by `***`, for messages and `config show`. */
export function maskUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}
