/** Store rows reshaped into the items of the legacy enrollment/mode, enrollment/gender and activity endpoints. */
import { formatLegacyDate, formatLegacyDateTime, toDate } from './dates.js';

type When = Date | string;

export interface ModeRow {
  course_id: string;
  date: When;
  mode: string;
  count: number | null;
  cumulative_count: number | null;
  created: When;
}

export interface GenderRow {
  course_id: string;
  date: When;
  gender: string | null;
  count: number | null;
  created: When;
}

export interface ActivityRow {
  course_id: string;
  interval_start: When;
  interval_end: When;
  label: string;
  count: number | null;
  created: When;
}

export const ENROLLMENT_MODES = ['audit', 'credit', 'honor', 'professional', 'verified', 'masters'] as const;
export type EnrollmentMode = (typeof ENROLLMENT_MODES)[number];

export type ModeItem = { course_id: string; date: string; count: number; cumulative_count: number; created: string } & Record<
  EnrollmentMode,
  number
>;

export interface GenderItem {
  course_id: string;
  date: string;
  female: number;
  male: number;
  other: number;
  unknown: number;
  created: string;
}

export interface ActivityItem {
  interval_start: string;
  interval_end: string;
  course_id: string;
  any?: number | null;
  attempted_problem?: number | null;
  played_video?: number | null;
  posted_forum?: number | null;
  created: string;
}

/**
 * One item per (course, date), ordered so: each of the six modes (0 when absent), `no-id-professional` added to
 * professional, and count/cumulative_count summed over every stored mode, including modes the API does not list.
 */
export function enrollmentByMode(rows: readonly ModeRow[]): ModeItem[] {
  return groupRows(rows, (row) => [row.course_id, toDate(row.date)]).map((group) => {
    const counts = new Map<string, number>();
    for (const row of group) counts.set(row.mode, row.count ?? 0);
    const modes = Object.fromEntries(ENROLLMENT_MODES.map((mode) => [mode, counts.get(mode) ?? 0])) as Record<EnrollmentMode, number>;
    modes.professional += counts.get('no-id-professional') ?? 0;
    const head = group[0] as ModeRow;
    return {
      course_id: head.course_id,
      date: formatLegacyDate(head.date),
      count: sum(group.map((row) => row.count)),
      cumulative_count: sum(group.map((row) => row.cumulative_count)),
      created: latestCreated(group),
      ...modes,
    };
  });
}

const GENDERS: ReadonlyMap<string | null, 'female' | 'male' | 'other'> = new Map([
  ['f', 'female'],
  ['m', 'male'],
  ['o', 'other'],
]);

/** One item per (course, date), ordered so: `f`/`m`/`o` counted as female/male/other, anything else (NULL too) as unknown. */
export function enrollmentByGender(rows: readonly GenderRow[]): GenderItem[] {
  return groupRows(rows, (row) => [row.course_id, toDate(row.date)]).map((group) => {
    const counts = { female: 0, male: 0, other: 0, unknown: 0 };
    for (const row of group) counts[GENDERS.get(row.gender) ?? 'unknown'] += row.count ?? 0;
    const head = group[0] as GenderRow;
    return { course_id: head.course_id, date: formatLegacyDate(head.date), ...counts, created: latestCreated(group) };
  });
}

const ACTIVITY_TYPES = new Set(['any', 'attempted_problem', 'played_video', 'posted_forum']);

/**
 * courses/{id}/activity items: one per (course, interval), ordered so, with each label lower-cased (ACTIVE is `any`) as a
 * key; a type with no row is left out, not 0.
 */
export function activityByWeek(rows: readonly ActivityRow[]): ActivityItem[] {
  return groupRows(rows, (row) => [row.course_id, toDate(row.interval_start), toDate(row.interval_end)]).map((group) => {
    const head = group[0] as ActivityRow;
    const counts: Record<string, number | null> = {};
    for (const row of group) {
      const type = activityType(row.label);
      if (ACTIVITY_TYPES.has(type)) counts[type] = row.count;
    }
    const ordered = Object.fromEntries([...ACTIVITY_TYPES].filter((type) => type in counts).map((type) => [type, counts[type]]));
    return {
      interval_start: formatLegacyDateTime(head.interval_start),
      interval_end: formatLegacyDateTime(head.interval_end),
      course_id: head.course_id,
      ...ordered,
      created: latestCreated(group),
    };
  });
}

/** A course_activity label as the API names it: lower-cased, with the pipeline's `active` shown as `any`. */
export function activityType(label: string): string {
  const type = label.toLowerCase();
  return type === 'active' ? 'any' : type;
}

type SortKey = readonly (string | Date)[];

/** Rows grouped by key, groups in key order (strings by code unit, dates by time), rows in input order. */
function groupRows<T>(rows: readonly T[], keyOf: (row: T) => SortKey): T[][] {
  const groups = new Map<string, { key: SortKey; rows: T[] }>();
  for (const row of rows) {
    const key = keyOf(row);
    const id = JSON.stringify(key.map(comparable));
    const group = groups.get(id);
    if (group) group.rows.push(row);
    else groups.set(id, { key, rows: [row] });
  }
  return [...groups.values()].sort((a, b) => compareKeys(a.key, b.key)).map((group) => group.rows);
}

function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < a.length; i++) {
    const left = comparable(a[i]);
    const right = comparable(b[i]);
    if (left !== right) return left < right ? -1 : 1;
  }
  return 0;
}

function comparable(part: string | Date | undefined): string | number {
  return part instanceof Date ? part.getTime() : (part ?? '');
}

function sum(values: readonly (number | null)[]): number {
  return values.reduce<number>((total, value) => total + (value ?? 0), 0);
}

function latestCreated(rows: readonly { created: When }[]): string {
  const times = rows.map((row) => toDate(row.created));
  return formatLegacyDateTime(times.reduce((latest, time) => (time > latest ? time : latest)));
}
