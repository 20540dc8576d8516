import type { Engine } from '../../engine/engine.js';
import { addDays, daysOf, type DateInterval } from '../../events/interval.js';

/** The Monday of the ISO week holding the day. */
export function isoWeekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** The `weeks` complete ISO weeks before the week that holds `endDate` (the legacy WeeklyIntervalMixin). */
export function completeWeeksBefore(endDate: string, weeks: number): DateInterval {
  const end = isoWeekStart(endDate);
  return { start: addDays(end, -7 * weeks), end };
}

/** The `calendar` table reports join on (as the legacy Hive calendar): each day with its ISO week. */
export async function createCalendar(engine: Engine, interval: DateInterval): Promise<void> {
  const rows = daysOf(interval).map((date) => {
    const start = isoWeekStart(date);
    return { day: date, iso_week_start: start, iso_week_end: addDays(start, 7) };
  });
  await engine.importRows('calendar_days', [
    { name: 'day', type: 'varchar' },
    { name: 'iso_week_start', type: 'varchar' },
    { name: 'iso_week_end', type: 'varchar' },
  ], [rows]);
  await engine.materialize(
    'calendar',
    'select cast(day as date) as date, cast(iso_week_start as date) as iso_week_start, cast(iso_week_end as date) as iso_week_end from calendar_days',
  );
}
