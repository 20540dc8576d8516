import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { SettingsError } from './settings-error.js';

/** A MySQL credentials file as the legacy pipeline used them: `{host, port, username, password}`. */
export interface DatabaseCredentials {
  readonly host: string;
  readonly port: number;
  readonly username: string;
  readonly password: string;
}

const MYSQL_PORT = 3306;

const credentialsSchema = z.object({
  host: z.string().min(1),
  port: z.union([z.number().int().positive(), z.string().regex(/^\d+$/).transform(Number)]).default(MYSQL_PORT),
  username: z.string().min(1),
  password: z.string(),
});

/** Reads a credentials file from a path or an `s3://bucket/key` URL. Messages never quote the file's contents. */
export async function readCredentials(location: string, options: { readonly s3Endpoint?: string } = {}): Promise<DatabaseCredentials> {
  let text: string;
  try {
    if (location.startsWith('s3://')) {
      // The AWS SDK is loaded only for an s3:// file, so that runs without S3 do not pay for it.
      const { readS3Text } = await import('./s3-object.js');
      text = await readS3Text(location, { endpoint: options.s3Endpoint });
    } else {
      text = await readFile(location, 'utf8');
    }
  } catch (error) {
    if (location.startsWith('s3://')) throw new Error(`cannot read the credentials file: ${(error as Error).message}`, { cause: error });
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (error as Error).message;
    throw new SettingsError(`cannot read the credentials file ${location}: ${reason}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text around the mistake, which may be the password.
    throw new SettingsError(`the credentials file ${location} is not JSON`);
  }
  const parsed = credentialsSchema.safeParse(json);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '(the whole file)')))];
    throw new SettingsError(`the credentials file ${location} needs {host, port, username, password}; wrong or missing: ${fields.join(', ')}`);
  }
  return parsed.data;
}

/** `mysql://username:password@host:port/database`, user and password URL-encoded. */
export function databaseUrlFromCredentials(credentials: DatabaseCredentials, databaseName: string): string {
  const host = credentials.host.includes(':') ? `[${credentials.host}]` : credentials.host;
  const user = encodeURIComponent(credentials.username);
  const password = encodeURIComponent(credentials.password);
  return `mysql://${user}:${password}@${host}:${credentials.port}/${encodeURIComponent(databaseName)}`;
}
