import type { CourseSummary, Program } from '../lib/types.js';

export const PAGE_SIZE = 100;

export const AVAILABILITY = ['Upcoming', 'Current', 'Archived', 'Unknown'] as const;
export const PACING = [
  { value: 'instructor_paced', label: 'Instructor-Paced' },
  { value: 'self_paced', label: 'Self-Paced' },
] as const;

export type SortKey =
  | 'catalog_course_title'
  | 'start_date'
  | 'end_date'
  | 'cumulative_count'
  | 'count'
  | 'count_change_7_days'
  | 'verified_enrollment';

export const SORT_KEYS: ReadonlyArray<SortKey> = [
  'catalog_course_title', 'start_date', 'end_date', 'cumulative_count', 'count', 'count_change_7_days', 'verified_enrollment',
];

export interface ListState {
  search: string;
  availability: string[];
  pacing: string[];
  programs: string[];
  sort: SortKey;
  order: 'asc' | 'desc';
  page: number;
}

export const DEFAULT_STATE: ListState = {
  search: '', availability: [], pacing: [], programs: [], sort: 'catalog_course_title', order: 'asc', page: 1,
};

/** Reads the state from a query string; `valid` is false when a parameter could not be understood. */
export function parseListState(query: string): { state: ListState; valid: boolean } {
  const params = new URLSearchParams(query);
  let valid = true;
  const list = (key: string, allowed?: ReadonlyArray<string>): string[] => {
    const raw = params.get(key);
    if (!raw) return [];
    const values = raw.split(',').filter((v) => v !== '');
    if (allowed && values.some((v) => !allowed.includes(v))) valid = false;
    return allowed ? values.filter((v) => allowed.includes(v)) : values;
  };
  const sortRaw = params.get('sort');
  const sort = sortRaw === null ? DEFAULT_STATE.sort : (SORT_KEYS.find((k) => k === sortRaw) ?? null);
  if (sort === null) valid = false;
  const orderRaw = params.get('order');
  if (orderRaw !== null && orderRaw !== 'asc' && orderRaw !== 'desc') valid = false;
  const pageRaw = params.get('page');
  const page = pageRaw === null ? 1 : Number(pageRaw);
  if (!Number.isInteger(page) || page < 1) valid = false;
  for (const key of params.keys()) {
    if (!['search', 'availability', 'pacing_type', 'program_ids', 'sort', 'order', 'page'].includes(key)) valid = false;
  }
  return {
    state: {
      search: params.get('search') ?? '',
      availability: list('availability', AVAILABILITY),
      pacing: list('pacing_type', PACING.map((p) => p.value)),
      programs: list('program_ids'),
      sort: sort ?? DEFAULT_STATE.sort,
      order: orderRaw === 'desc' ? 'desc' : 'asc',
      page: Number.isInteger(page) && page >= 1 ? page : 1,
    },
    valid,
  };
}

/** The query string of a state (defaults left out), with a leading "?" or empty. */
export function serializeListState(state: ListState): string {
  const params = new URLSearchParams();
  if (state.search) params.set('search', state.search);
  if (state.availability.length) params.set('availability', state.availability.join(','));
  if (state.pacing.length) params.set('pacing_type', state.pacing.join(','));
  if (state.programs.length) params.set('program_ids', state.programs.join(','));
  if (state.sort !== DEFAULT_STATE.sort) params.set('sort', state.sort);
  if (state.order !== DEFAULT_STATE.order) params.set('order', state.order);
  if (state.page !== 1) params.set('page', String(state.page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function availabilityOf(c: CourseSummary): string {
  const a = c.availability === 'Starting Soon' ? 'Upcoming' : c.availability;
  return a === 'Upcoming' || a === 'Current' || a === 'Archived' ? a : 'Unknown';
}

export function verifiedCount(c: CourseSummary): number {
  return c.enrollment_modes?.verified?.count ?? 0;
}

/** program id → course ids, from `/programs/`. */
export function programIndex(programs: ReadonlyArray<Program>): Map<string, Set<string>> {
  return new Map(programs.map((p) => [p.program_id, new Set(p.course_ids)]));
}

/** OR within a filter group, AND between the groups and the search (course name or id, case-insensitive). */
export function filterCourses(
  courses: ReadonlyArray<CourseSummary>, state: ListState, programs: Map<string, Set<string>>,
): CourseSummary[] {
  const needle = state.search.trim().toLowerCase();
  return courses.filter((c) => {
    if (needle && !(c.catalog_course_title ?? '').toLowerCase().includes(needle) && !c.course_id.toLowerCase().includes(needle)) {
      return false;
    }
    if (state.availability.length && !state.availability.includes(availabilityOf(c))) return false;
    if (state.pacing.length && !state.pacing.includes(c.pacing_type ?? '')) return false;
    if (state.programs.length && !state.programs.some((p) => programs.get(p)?.has(c.course_id))) return false;
    return true;
  });
}

function sortValue(c: CourseSummary, key: SortKey): string | number | null {
  switch (key) {
    case 'catalog_course_title': return c.catalog_course_title ? c.catalog_course_title.toLowerCase() : null;
    case 'start_date': return c.start_date ?? null;
    case 'end_date': return c.end_date ?? null;
    case 'verified_enrollment': return verifiedCount(c);
    default: return c[key] ?? null;
  }
}

/** Sorts a copy; blanks (null) go last whatever the order; ties by course id. */
export function sortCourses(courses: ReadonlyArray<CourseSummary>, key: SortKey, order: 'asc' | 'desc'): CourseSummary[] {
  const dir = order === 'asc' ? 1 : -1;
  return [...courses].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === null && vb === null) return a.course_id.localeCompare(b.course_id);
    if (va === null) return 1;
    if (vb === null) return -1;
    const cmp = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
    return cmp !== 0 ? cmp * dir : a.course_id.localeCompare(b.course_id);
  });
}

export function pageCount(n: number): number {
  return Math.max(1, Math.ceil(n / PAGE_SIZE));
}

export function pageOf<T>(rows: ReadonlyArray<T>, page: number): T[] {
  return rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
}

export interface SummaryTotals {
  totalEnrollment: number;
  currentEnrollment: number;
  changeLastWeek: number;
  verifiedEnrollment: number;
  mastersEnrollment: number;
  hasMasters: boolean;
}

export function summaryTotals(courses: ReadonlyArray<CourseSummary>): SummaryTotals {
  const sum = (f: (c: CourseSummary) => number | null | undefined) => courses.reduce((s, c) => s + (f(c) ?? 0), 0);
  return {
    totalEnrollment: sum((c) => c.cumulative_count),
    currentEnrollment: sum((c) => c.count),
    changeLastWeek: sum((c) => c.count_change_7_days),
    verifiedEnrollment: sum(verifiedCount),
    mastersEnrollment: sum((c) => c.enrollment_modes?.masters?.count),
    hasMasters: courses.some((c) => (c.enrollment_modes?.masters?.cumulative_count ?? 0) > 0),
  };
}
