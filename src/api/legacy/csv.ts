/** The legacy `PaginatedCsvRenderer`: djangorestframework-csv plus the data API's header and list rules. */
import { courseKeyParts } from './course-key.js';

type Cell = string | number | boolean | null | undefined;
type FlatRow = Map<string, Cell>;

/**
 * The CSV body for `data`. A non-array is reduced to its `results` (a paginated page); like the legacy renderer, an
 * object without `results` therefore renders as an empty body. Headers are the flattened keys (`country.alpha2`) in
 * code-point order, or `fields` in the order given with unknown names dropped (all unknown: every header, sorted).
 */
export function toCsv(data: unknown, fields?: readonly string[]): string {
  const items = Array.isArray(data) ? data : isRecord(data) ? data['results'] : undefined;
  if (!Array.isArray(items) || items.length === 0) return '';
  const rows = items.map((item) => flatten(item));
  const all = [...new Set(rows.flatMap((row) => [...row.keys()]))].sort(byCodePoint);
  const requested = fields ? [...new Set(fields)].filter((field) => all.includes(field)) : [];
  const header = requested.length > 0 ? requested : all;
  const lines = [header, ...rows.map((row) => header.map((key) => row.get(key)))];
  return lines.map((cells) => csvLine(cells)).join('');
}

/** `{a: {b: 1}, l: ['x', 'y']}` → `a.b: 1`, `l: "x, y"`; a scalar item is one column named ''. */
function flatten(value: unknown, prefix = '', row: FlatRow = new Map()): FlatRow {
  if (Array.isArray(value)) {
    row.set(prefix, value.map((element) => cellText(isCell(element) ? element : JSON.stringify(element))).join(', '));
  } else if (isRecord(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix === '' ? key : `${prefix}.${key}`, row);
  } else {
    row.set(prefix, isCell(value) ? value : String(value));
  }
  return row;
}

/** One record as Python's csv.writer (QUOTE_MINIMAL, `"` doubled, CRLF) writes it. */
function csvLine(cells: readonly Cell[]): string {
  // A record holding one empty field is written as `""` so that it is not an empty line.
  if (cells.length === 1 && cellText(cells[0]) === '') return '""\r\n';
  return `${cells.map((cell) => quote(cellText(cell))).join(',')}\r\n`;
}

function quote(text: string): string {
  return /[,"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A value as Python's str() prints it: None is empty, booleans are True/False. */
function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'True' : 'False';
  return String(cell);
}

function isCell(value: unknown): value is Cell {
  return value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function byCodePoint(a: string, b: string): number {
  const left = [...a].map((ch) => ch.codePointAt(0) ?? 0);
  const right = [...b].map((ch) => ch.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

/** `edX-DemoX-Demo_Course--enrollment-gender.csv`: the Content-Disposition name for an `Accept: text/csv` response. */
export function csvFileName(courseId: string, slug: string): string {
  const { org, course, run } = courseKeyParts(courseId);
  return `${org}-${course}-${run}--${slug}.csv`;
}
