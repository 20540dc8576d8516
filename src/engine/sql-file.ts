import { readFileSync } from 'node:fs';

const cache = new Map<string, string>();

/** The text of a .sql file that sits beside the module `moduleUrl` (pass `import.meta.url`). */
export function sqlFile(moduleUrl: string, name: string): string {
  const url = new URL(name, moduleUrl).href;
  let text = cache.get(url);
  if (text === undefined) {
    // Named in a first comment line, so that an engine error can say which file failed.
    text = `-- file: ${name}\n${readFileSync(new URL(url), 'utf8')}`;
    cache.set(url, text);
  }
  return text;
}

/** Quotes a string literal, for the rare statements that cannot take bound parameters. */
export function quotedString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Quotes an identifier (a table name chosen by code, never by users). */
export function quotedIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
