/**
 * JSON as Python's `json.loads` reads it and `json.dumps` writes it, where that differs from JavaScript: ints and
 * floats stay apart (`1.0` is not `1`), NaN/Infinity are accepted, and output uses `", "`/`": "` with ASCII escapes.
 */

export type PyValue =
  | { kind: 'int'; text: string }
  | { kind: 'float'; value: number }
  | string
  | boolean
  | null
  | PyValue[]
  | Map<string, PyValue>;

class Reader {
  position = 0;
  constructor(readonly text: string) {}

  fail(): never {
    throw new SyntaxError(`Invalid JSON at ${this.position}`);
  }

  skipSpace(): void {
    while (/[ \t\n\r]/.test(this.text[this.position] ?? '')) this.position++;
  }

  take(token: string): boolean {
    if (!this.text.startsWith(token, this.position)) return false;
    this.position += token.length;
    return true;
  }
}

/** The value `json.loads` would return, or undefined where it would raise. */
export function parsePythonJson(text: string): PyValue | undefined {
  const reader = new Reader(text);
  try {
    reader.skipSpace();
    const value = readValue(reader);
    reader.skipSpace();
    return reader.position === text.length ? value : undefined;
  } catch {
    return undefined;
  }
}

function readValue(reader: Reader): PyValue {
  const ch = reader.text[reader.position];
  if (ch === '"') return readString(reader);
  if (ch === '[') return readArray(reader);
  if (ch === '{') return readObject(reader);
  for (const [token, value] of LITERALS) if (reader.take(token)) return value;
  const number = /^(-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?/.exec(reader.text.slice(reader.position));
  if (!number) return reader.fail();
  reader.position += number[0].length;
  if (number[2] === undefined && number[3] === undefined) return { kind: 'int', text: BigInt(number[0]).toString() };
  return { kind: 'float', value: Number(number[0]) };
}

const LITERALS: readonly [string, PyValue][] = [
  ['null', null],
  ['true', true],
  ['false', false],
  ['NaN', { kind: 'float', value: NaN }],
  ['Infinity', { kind: 'float', value: Infinity }],
  ['-Infinity', { kind: 'float', value: -Infinity }],
];

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function readString(reader: Reader): string {
  reader.position++;
  let out = '';
  for (;;) {
    const ch = reader.text[reader.position++];
    if (ch === undefined || ch < ' ') return reader.fail();
    if (ch === '"') return out;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const escape = reader.text[reader.position++] ?? '';
    if (escape === 'u') {
      const hex = reader.text.slice(reader.position, reader.position + 4);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return reader.fail();
      out += String.fromCharCode(parseInt(hex, 16));
      reader.position += 4;
    } else if (Object.hasOwn(ESCAPES, escape)) {
      out += ESCAPES[escape];
    } else {
      return reader.fail();
    }
  }
}

function readArray(reader: Reader): PyValue[] {
  reader.position++;
  const items: PyValue[] = [];
  reader.skipSpace();
  if (reader.take(']')) return items;
  for (;;) {
    reader.skipSpace();
    items.push(readValue(reader));
    reader.skipSpace();
    if (reader.take(']')) return items;
    if (!reader.take(',')) return reader.fail();
  }
}

function readObject(reader: Reader): Map<string, PyValue> {
  reader.position++;
  const entries = new Map<string, PyValue>();
  reader.skipSpace();
  if (reader.take('}')) return entries;
  for (;;) {
    reader.skipSpace();
    if (reader.text[reader.position] !== '"') return reader.fail();
    const key = readString(reader);
    reader.skipSpace();
    if (!reader.take(':')) return reader.fail();
    reader.skipSpace();
    // A repeated key keeps its first position and takes the last value, as a Python dict does.
    entries.set(key, readValue(reader));
    reader.skipSpace();
    if (reader.take('}')) return entries;
    if (!reader.take(',')) return reader.fail();
  }
}

/** `json.dumps(value)` with Python's defaults. */
export function pythonJsonDumps(value: PyValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return quoteAscii(value);
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  if (value instanceof Map) {
    return `{${[...value].map(([key, item]) => `${quoteAscii(key)}: ${pythonJsonDumps(item)}`).join(', ')}}`;
  }
  return value.kind === 'int' ? value.text : pythonFloatRepr(value.value);
}

function quoteAscii(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    const code = text.charCodeAt(i);
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (Object.hasOwn(SHORT_ESCAPES, ch)) out += SHORT_ESCAPES[ch];
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** `repr(float)` as json.dumps writes it: `1.0`, `1e+16`, `1.5e-05`, `Infinity`. */
function pythonFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  if (exponent < -4 || exponent >= 16) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const power = `${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
    return `${sign}${digits[0]}${fraction}e${power}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}.${fraction === '' ? '0' : fraction}`;
}
