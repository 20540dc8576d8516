import type { DateInterval } from '../../events/interval.js';
import type { DayFingerprint, Engine, IngestOptions, LineSample, ParseResult, ParsedFileStats, SpooledFile } from '../engine.js';
import { quotedString, sqlFile } from '../sql-file.js';

const SAMPLES_PER_REASON = 3;

/**
 * Loads spooled lines into `event_rows` inside one transaction: parse, mark duplicates, count, then either publish
 * (drop the bad lines and the rows the new days replace, commit) or roll back (an audit).
 */
export class DuckDBEventsTable {
  readonly #engine: Engine;

  constructor(engine: Engine) {
    this.#engine = engine;
  }

  async ingest(files: readonly SpooledFile[], options: IngestOptions): Promise<ParseResult> {
    const engine = this.#engine;
    const keep = options.publish !== undefined;
    await this.#prepare(files, options.interval, keep);
    await engine.run('begin transaction');
    try {
      const table = keep ? 'event_rows' : 'audit_rows';
      const loadId = keep ? await this.#nextLoadId() : 0;
      if (!keep) await engine.run('create temp table audit_rows as select * from event_rows limit 0');
      if (files.length > 0) {
        await engine.run(`insert into ${table} by name select ${loadId} as load_id, * from (${sqlFile(import.meta.url, 'parse_events.sql')})`);
      }
      await engine.run(`create or replace temp view staged_events as select rowid as row_id, * from ${table} where load_id = ${loadId}`);
      await engine.run(`update ${table} set drop_reason = 'duplicate' where rowid in (${sqlFile(import.meta.url, 'mark_duplicates.sql')})`);
      const result = { files: await this.#fileStats(files), eventsByDay: await this.#eventsByDay() };
      if (!keep) {
        await engine.run('rollback');
        return result;
      }
      const days = options.publish!(result.eventsByDay);
      if (days.length > 0) {
        const dayList = days.map((day) => `${quotedString(day.date)}::date`).join(', ');
        await engine.run(`delete from event_rows where load_id <> ${loadId} and date in (${dayList})`);
      }
      await engine.run(`delete from event_rows where load_id = ${loadId} and (drop_reason is not null or not in_interval)`);
      for (const day of days) {
        await engine.run(`insert or replace into event_days values ($date::date, $fingerprint, $events, now()::timestamp)`, {
          date: day.date,
          fingerprint: day.fingerprint,
          events: day.events,
        });
      }
      await engine.run('commit');
      return result;
    } catch (error) {
      await engine.run('rollback');
      throw error;
    }
  }

  async #prepare(files: readonly SpooledFile[], interval: DateInterval | undefined, keepEvents: boolean): Promise<void> {
    const engine = this.#engine;
    await engine.run('create or replace temp table spool_files (path varchar, file_index integer)');
    if (files.length > 0) {
      const values = files.map((file) => `(${quotedString(file.path)}, ${file.index})`).join(', ');
      await engine.run(`insert into spool_files values ${values}`);
    }
    await engine.run(`set variable spool_paths = (select coalesce(list(path order by file_index), []) from spool_files)`);
    await engine.run(`set variable interval_start = ${quotedString(interval?.start ?? '0001-01-01')}`);
    await engine.run(`set variable interval_end = ${quotedString(interval?.end ?? '9999-12-31')}`);
    await engine.run(`set variable keep_events = ${keepEvents}`);
  }

  async #nextLoadId(): Promise<number> {
    const [row] = await this.#engine.query<{ id: number }>('select coalesce(max(load_id), 0)::integer + 1 as id from event_rows');
    return row!.id;
  }

  async #fileStats(files: readonly SpooledFile[]): Promise<ParsedFileStats[]> {
    const engine = this.#engine;
    const stats = new Map<number, { lines: number; events: number; outsideInterval: number; invalidCourseIds: number; dropped: Record<string, number>; samples: Record<string, LineSample[]> }>();
    for (const file of files) {
      stats.set(file.index, { lines: 0, events: 0, outsideInterval: 0, invalidCourseIds: 0, dropped: {}, samples: {} });
    }
    const totals = await engine.query<{ file_index: number; lines: bigint; events: bigint; outside: bigint; invalid_course_ids: bigint }>(`
      select file_index, count(*) as lines,
        count(*) filter (where drop_reason is null and in_interval) as events,
        count(*) filter (where drop_reason is null and not in_interval) as outside,
        count(*) filter (where drop_reason is null and invalid_course_id) as invalid_course_ids
      from staged_events group by file_index`);
    for (const row of totals) {
      const entry = stats.get(row.file_index)!;
      entry.lines = Number(row.lines);
      entry.events = Number(row.events);
      entry.outsideInterval = Number(row.outside);
      entry.invalidCourseIds = Number(row.invalid_course_ids);
    }
    const dropped = await engine.query<{ file_index: number; drop_reason: string; lines: bigint }>(`
      select file_index, drop_reason, count(*) as lines from staged_events
      where drop_reason is not null group by all`);
    for (const row of dropped) stats.get(row.file_index)!.dropped[row.drop_reason] = Number(row.lines);
    const samples = await engine.query<{ file_index: number; drop_reason: string; line: string }>(`
      select file_index, drop_reason, line from (
        select file_index, drop_reason, line,
          row_number() over (partition by file_index, drop_reason) as sample_number
        from staged_events where drop_reason is not null and drop_reason <> 'duplicate'
      ) where sample_number <= ${SAMPLES_PER_REASON}`);
    for (const row of samples) (stats.get(row.file_index)!.samples[row.drop_reason] ??= []).push({ text: row.line });
    const rejected = await engine.query<{ file_index: number; lines: bigint; samples: { text: string; line: bigint }[] }>(`
      select spooled.file_index as file_index, count(*) as lines,
        list({'text': rejected.csv_line, 'line': rejected.line} order by rejected.line)[1:${SAMPLES_PER_REASON}] as samples
      from rejected_lines as rejected
        join rejected_scans as scans using (scan_id, file_id)
        join spool_files as spooled on spooled.path = scans.file_path
      group by all`);
    for (const row of rejected) {
      const entry = stats.get(row.file_index)!;
      entry.lines += Number(row.lines);
      entry.dropped.invalid_encoding = Number(row.lines);
      entry.samples.invalid_encoding = row.samples.map((sample) => ({ text: sample.text, line: Number(sample.line) }));
    }
    return [...stats.entries()].map(([index, entry]) => ({ index, ...entry }));
  }

  async days(interval: DateInterval): Promise<DayFingerprint[]> {
    const rows = await this.#engine.query<{ date: string; fingerprint: string; events: bigint }>(
      `select strftime(date, '%Y-%m-%d') as date, fingerprint, events from event_days
       where date >= $start::date and date < $end::date order by date`,
      { start: interval.start, end: interval.end },
    );
    return rows.map((row) => ({ date: row.date, fingerprint: row.fingerprint, events: Number(row.events) }));
  }

  async #eventsByDay(): Promise<Record<string, number>> {
    const rows = await this.#engine.query<{ day: string; events: bigint }>(`
      select strftime(date, '%Y-%m-%d') as day, count(*) as events from staged_events
      where drop_reason is null and in_interval group by all`);
    return Object.fromEntries(rows.map((row) => [row.day, Number(row.events)]));
  }
}
