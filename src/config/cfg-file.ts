import { SettingsError } from './settings-error.js';

/**
 * Config files in the syntax of the legacy `override.cfg` (Python ConfigParser): `[section]` headers, `key = value`
 * or `key: value`, `#`/`;` comment lines, ` ;` inline comments, indented continuation lines, case-insensitive keys.
 * Values are kept verbatim otherwise, so a legacy regex or JSON list reads as it did (no backslash unescaping).
 */
export interface CfgEntry {
  readonly value: string;
  readonly line: number;
}

export type CfgDocument = ReadonlyMap<string, ReadonlyMap<string, CfgEntry>>;

const SECTION = /^\[([^\]]+)\]\s*(?:[#;].*)?$/;
const OPTION = /^([^:=\s][^:=]*?)\s*[:=]\s*(.*)$/;

/** Parses the text of a config file; `where` names it in errors (`file /etc/lantern.cfg`). */
export function parseCfg(text: string, where: string): CfgDocument {
  const sections = new Map<string, Map<string, { value: string; line: number }>>();
  let section: Map<string, { value: string; line: number }> | undefined;
  let last: { value: string; line: number } | undefined;
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const number = index + 1;
    if (/^\s*(?:[#;].*)?$/.test(line)) continue;
    if (/^\s/.test(line)) {
      if (!last) throw new SettingsError(`${where}, line ${number}: an indented line continues no value`);
      last.value = `${last.value}\n${stripInlineComment(line.trim())}`;
      continue;
    }
    const header = SECTION.exec(line);
    if (header) {
      const name = header[1]!.trim();
      section = sections.get(name) ?? new Map();
      sections.set(name, section);
      last = undefined;
      continue;
    }
    const option = OPTION.exec(line);
    if (!option) throw new SettingsError(`${where}, line ${number}: expected [section], key = value or a comment, found "${line}"`);
    if (!section) throw new SettingsError(`${where}, line ${number}: "${option[1]}" comes before any [section] header`);
    last = { value: stripInlineComment(option[2]!), line: number };
    section.set(option[1]!.trim().toLowerCase(), last);
  }
  return sections;
}

// ConfigParser's rule: a `;` starts a comment only after whitespace, so `a;b` is a value.
function stripInlineComment(value: string): string {
  return value.replace(/\s;.*$/, '').trim();
}
