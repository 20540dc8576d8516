/** `answer_value` and `value_id` as the legacy answer-distribution serializer cleaned them. */
import { htmlText } from './html-text.js';
import { parsePythonJson, pythonJsonDumps } from './python-json.js';

/**
 * A list answer (`["a", 1]`) becomes `[a|1]`: strings cleaned, anything else as Python's json.dumps writes it. Any
 * other value is cleaned as text: HTML reduced to its text, slug placeholders turned back into backslashes. A null
 * value becomes "None", as Python's str(None).
 */
export function formatAnswerValue(value: string | null): string {
  if (value === null) return 'None';
  // The legacy code read the value as JSON after Python's unicode_escape encoding, so backslashes survive and, for
  // example, Latin-1 characters (escaped as \xNN) make the value plain text.
  const parsed = parsePythonJson(unicodeEscape(value));
  if (!Array.isArray(parsed)) return cleanText(value);
  return `[${parsed.map((item) => (typeof item === 'string' ? cleanText(item) : pythonJsonDumps(item))).join('|')}]`;
}

function cleanText(text: string): string {
  return unslug(htmlText(text));
}

/** Placeholders an upstream export put in place of backslash sequences. Earlier entries win where both match. */
const SLUGS: readonly [string, string][] = [
  ['**FOURBACKSLASHQUOTE**', '\\\\\\\\"'],
  ['**THREEBACKSLASHQUOTE**', '\\\\\\"'],
  ['**TWOBACKSLASHQUOTE**', '\\\\"'],
  ['**ONEBACKSLASHQUOTE**', '\\"'],
  ['**TWOBACKSLASH**', '\\\\'],
  ['**BACKSLASHSPACE**', '\\ '],
  ['**BACKSLASHQUOTE**', '\\"'],
];
const SLUG_PATTERN = new RegExp(SLUGS.map(([slug]) => slug.replace(/\*/g, '\\*')).join('|'), 'g');
const SLUG_VALUES = new Map(SLUGS);

function unslug(text: string): string {
  return text.replace(SLUG_PATTERN, (slug) => SLUG_VALUES.get(slug) ?? slug);
}

/** Python's `str.encode('unicode_escape')`, as text. */
function unicodeEscape(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (code >= 0x10000) out += `\\U${code.toString(16).padStart(8, '0')}`;
    else if (code >= 0x100) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else if (code < 0x20 || code >= 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out;
}
