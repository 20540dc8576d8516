/**
 * An answer value as the legacy report showed it: a string trimmed (or, when `html`, reduced to its text), a list as
 * `[a|b|c]`, anything else as Python printed it.
 */
export function answerText(value: unknown, html = false): string {
  const normalize = (item: unknown) => (typeof item === 'string' ? (html ? textOfHtml(item) : item.trim()) : pythonText(item));
  if (Array.isArray(value)) return `[${value.map(normalize).join('|')}]`;
  return normalize(value);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The text of HTML markup, its words separated by single spaces (comments and tags dropped, entities decoded). */
export function textOfHtml(markup: string): string {
  const text = markup
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (entity, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
      return ENTITIES[name.toLowerCase()] ?? entity;
    });
  return text.split(/\s+/).filter((word) => word !== '').join(' ');
}

/** Python's `float(text)` for a finite number; null when it does not parse or is infinite or NaN (as the legacy). */
export function answerNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

function pythonText(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
