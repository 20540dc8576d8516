/**
 * The text of an answer's HTML, as the legacy serializer took it from an html5lib tree: every text node and tail,
 * stripped, joined by one space. This follows the HTML tokenizer (tags, comments, raw-text elements, EOF inside a tag)
 * and the few tree rules that decide where text nodes split; it does not rebuild the full HTML5 tree.
 */

const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'textarea', 'title']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Start tags html5lib drops in body (merged into the implied html/body, or table parts outside a table). */
const MERGED = new Set(['html', 'body', 'head']);
const TABLE_PARTS = new Set(['caption', 'col', 'colgroup', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr']);

/** Python's str.strip() whitespace, which differs from String.prototype.trim (\x1c-\x1f, \x85, but not \ufeff). */
const PY_SPACE = '[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const PY_STRIP = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, 'g');

export function htmlText(markup: string): string {
  const input = markup.replace(/\r\n?/g, '\n').replace(/\0/g, '');
  const texts: string[] = [];
  const open: string[] = [];
  let text = '';
  let started = false;
  const boundary = (): void => {
    // Whitespace before the first element or character is dropped by html5lib's pre-body insertion modes.
    if (text !== '' && (started || !/^[\t\n\f ]*$/.test(text))) texts.push(text);
    text = '';
  };
  let i = 0;
  while (i < input.length) {
    const ch = input[i] ?? '';
    if (ch === '&') {
      const [decoded, length] = characterReference(input, i);
      text += decoded;
      i += length;
      continue;
    }
    if (ch !== '<') {
      text += ch;
      i++;
      continue;
    }
    const rest = input.slice(i);
    const tag = /^<(\/?)([A-Za-z][^\t\n\f />]*)/.exec(rest);
    if (tag) {
      const end = tagEnd(input, i + tag[0].length);
      if (end < 0) break; // EOF inside a tag: html5lib drops the tag and everything after it.
      const name = (tag[2] ?? '').toLowerCase();
      i = end;
      const closing = tag[1] === '/';
      if (closing) {
        const at = open.lastIndexOf(name);
        if (at < 0 && name !== 'br' && name !== 'p') continue;
        if (at >= 0) open.length = at;
      } else {
        if (MERGED.has(name) || (TABLE_PARTS.has(name) && !open.includes('table'))) continue;
        if (!VOID.has(name)) open.push(name);
      }
      boundary();
      started = true;
      if (!closing && RAW_TEXT.has(name)) i = rawText(input, i, name, (raw) => (text += raw));
      continue;
    }
    if (rest.startsWith('</>')) {
      i += 3;
      continue;
    }
    if (/^<!doctype/i.test(rest)) {
      const close = input.indexOf('>', i);
      i = close < 0 ? input.length : close + 1;
      continue;
    }
    const comment = commentEnd(input, i);
    if (comment > i) {
      boundary();
      started = true;
      i = comment;
      continue;
    }
    text += ch;
    i++;
  }
  boundary();
  return texts.map((chunk) => chunk.replace(PY_STRIP, '')).join(' ');
}

/** The index after the `>` closing a tag whose name ends at `from`, skipping quoted attribute values; -1 at EOF. */
function tagEnd(input: string, from: number): number {
  let i = from;
  while (i < input.length) {
    const ch = input[i];
    if (ch === '>') return i + 1;
    if (ch === '=') {
      i++;
      while (/[\t\n\f ]/.test(input[i] ?? '')) i++;
      const quote = input[i];
      if (quote === '"' || quote === "'") {
        const close = input.indexOf(quote, i + 1);
        if (close < 0) return -1;
        i = close + 1;
      }
      continue;
    }
    i++;
  }
  return -1;
}

/** Reads the content of a raw-text element up to its end tag; returns where that end tag starts. */
function rawText(input: string, from: number, name: string, append: (raw: string) => void): number {
  const close = new RegExp(`</${name}[\\t\\n\\f />]`, 'i').exec(input.slice(from));
  const end = close ? from + close.index : input.length;
  const raw = input.slice(from, end);
  append(name === 'textarea' || name === 'title' ? decodeReferences(raw) : raw);
  return end;
}

/** The index after a comment (`<!--…-->`, or a bogus `<!…>`, `<?…>`, `</…>`) starting at `from`, else `from`. */
function commentEnd(input: string, from: number): number {
  if (input.startsWith('<!--', from)) {
    if (input.startsWith('<!-->', from)) return from + 5;
    if (input.startsWith('<!--->', from)) return from + 6;
    const match = /--!?>/.exec(input.slice(from + 4));
    return match ? from + 4 + match.index + match[0].length : input.length;
  }
  if (/^<[!?/]/.test(input.slice(from, from + 2))) {
    const close = input.indexOf('>', from);
    return close < 0 ? input.length : close + 1;
  }
  return from;
}

/** The common named references; others (html5lib knows all 2,231) are left as written. */
const NAMED: ReadonlyMap<string, string> = new Map([
  ['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"], ['nbsp', '\u00a0'],
  ['copy', '\u00a9'], ['reg', '\u00ae'], ['deg', '\u00b0'], ['plusmn', '\u00b1'], ['sup2', '\u00b2'], ['sup3', '\u00b3'],
  ['micro', '\u00b5'], ['middot', '\u00b7'], ['frac12', '\u00bd'], ['times', '\u00d7'], ['divide', '\u00f7'],
  ['ndash', '\u2013'], ['mdash', '\u2014'], ['lsquo', '\u2018'], ['rsquo', '\u2019'], ['ldquo', '\u201c'], ['rdquo', '\u201d'],
  ['hellip', '\u2026'], ['le', '\u2264'], ['ge', '\u2265'], ['ne', '\u2260'], ['pi', '\u03c0'], ['minus', '\u2212'],
]);
/** References html5lib also reads without their semicolon (a subset of the legacy ones). */
const LEGACY_NAMED = ['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg', 'deg', 'plusmn', 'micro', 'middot', 'times', 'divide'];

/** A character reference at `from`: its text and how many characters it used (an unknown one stays literal). */
function characterReference(input: string, from: number): [string, number] {
  const rest = input.slice(from);
  const numeric = /^&#(?:[xX]([0-9a-fA-F]+)|(\d+));?/.exec(rest);
  if (numeric) {
    const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]);
    const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return [valid ? String.fromCodePoint(code) : '\ufffd', numeric[0].length];
  }
  // In text, html5lib also reads the legacy references that lack their semicolon.
  const named = /^&([A-Za-z0-9]+);/.exec(rest);
  const known = named && NAMED.get(named[1] ?? '');
  if (named && known) return [known, named[0].length];
  const legacy = LEGACY_NAMED.find((name) => rest.startsWith(name, 1));
  if (legacy) return [NAMED.get(legacy) ?? '', legacy.length + 1];
  return ['&', 1];
}

function decodeReferences(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; ) {
    if (raw[i] === '&') {
      const [decoded, length] = characterReference(raw, i);
      out += decoded;
      i += length;
    } else {
      out += raw[i++];
    }
  }
  return out;
}
