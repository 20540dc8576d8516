import type { DateInterval } from '../../events/interval.js';
import type { DayFingerprint, Engine, HeldFile, IngestOptions, KeepEvents, LineSample, ParseResult, ParsedFileStats, SpooledFile } from '../engine.js';
import { ContentLengthMismatch } from '../engine-error.js';
import { quotedString, sqlFile } from '../sql-file.js';

const SAMPLES_PER_REASON = 3;

/**
 * Loads spooled lines into `event_rows` inside one transaction: parse, mark duplicates, count, then either keep
 * (drop the bad lines, record the files and the completed days, commit) or roll back (an audit).
 */
export class DuckDBEventsTable {
  readonly #engine: Engine;

  constructor(engine: Engine) {
    this.#engine = engine;
  }

  async ingest(files: readonly SpooledFile[], options: IngestOptions): Promise<ParseResult> {
    const engine = this.#engine;
    await this.#prepare(files, options.interval, options.keep);
    await engine.run('begin transaction');
    try {
      const result = options.keep ? await this.#keep(files, options.keep, options.onParsing) : await this.#count(files, options.onParsing);
      await engine.run(options.keep ? 'commit' : 'rollback');
      return result;
    } catch (error) {
      await engine.run('rollback');
      throw error;
    }
  }

  /** An audit: parse into a scratch table, count, and keep nothing. */
  async #count(files: readonly SpooledFile[], onParsing?: () => void): Promise<ParseResult> {
    const engine = this.#engine;
    await engine.run('create temp table audit_rows as select * from event_rows limit 0');
    await this.#parseInto('audit_rows', 0, files, onParsing);
    await engine.run('create or replace temp view staged_events as select rowid as row_id, * from audit_rows');
    await this.#checkContentLengths(files);
    await engine.run(`update audit_rows set drop_reason = 'duplicate' where rowid in (${sqlFile(import.meta.url, 'mark_duplicates.sql')})`);
    return { files: await this.#fileStats(files), eventsByDay: await this.#eventsByDay('staged_events') };
  }

  /**
   * A load: the rows of dropped files go, the files read join the held ones with all their events, duplicates are
   * re-marked on every day that changed, then the bad lines go and the completed days are recorded.
   */
  async #keep(files: readonly SpooledFile[], keep: KeepEvents, onParsing?: () => void): Promise<ParseResult> {
    const engine = this.#engine;
    const loadId = await this.#nextLoadId();
    await engine.run('create or replace temp table affected_days (date date)');
    if (keep.drop.length > 0) {
      const dropped = `select file_id from event_files where uri in (${keep.drop.map(quotedString).join(', ')})`;
      await engine.run(`insert into affected_days select distinct date from event_rows where file_id in (${dropped}) and date is not null`);
      await engine.run(`delete from event_rows where file_id in (${dropped})`);
      await engine.run(`delete from event_files where file_id in (${dropped})`);
    }
    await this.#recordFiles(files, keep.files);
    await this.#parseInto('event_rows', loadId, files, onParsing);
    await engine.run(`create or replace temp view staged_events as select rowid as row_id, * from event_rows where load_id = ${loadId}`);
    await this.#checkContentLengths(files);
    await engine.run(`insert into affected_days select distinct date from staged_events where date is not null and drop_reason is null`);
    await engine.run(`update event_rows set drop_reason = null where drop_reason = 'duplicate' and date in (select date from affected_days)`);
    await engine.run(`update event_rows set drop_reason = 'duplicate' where rowid in (${sqlFile(import.meta.url, 'mark_duplicates_held.sql')})`);
    const result = { files: await this.#fileStats(files), eventsByDay: await this.#eventsByDay('events') };
    await engine.run(`delete from event_rows where load_id = ${loadId} and drop_reason is not null and drop_reason <> 'duplicate'`);
    const days = keep.days(result.eventsByDay);
    if (days.length > 0) {
      // One statement for all the days: a ten-year interval is 3,650 of them.
      const values = days.map((day) => `(${quotedString(day.date)}::date, ${quotedString(day.fingerprint)}, ${Math.trunc(day.events)}, now()::timestamp)`);
      await engine.run(`insert or replace into event_days values ${values.join(', ')}`);
    }
    return result;
  }

  /** Parses the spooled files into `table`; `onParsing` is told once the statement is under way. */
  async #parseInto(table: 'event_rows' | 'audit_rows', loadId: number, files: readonly SpooledFile[], onParsing?: () => void): Promise<void> {
    if (files.length === 0) {
      onParsing?.();
      return;
    }
    const parsing = this.#engine.run(`insert into ${table} by name select ${loadId} as load_id, * from (${sqlFile(import.meta.url, 'parse_events.sql')})`);
    try {
      onParsing?.();
    } finally {
      // Whatever the callback does, the statement is seen to its end before the transaction is.
      await parsing;
    }
  }

  /** Gives each file read a new id, in file order (the first copy of a repeated event is the earliest-read one). */
  async #recordFiles(files: readonly SpooledFile[], held: readonly HeldFile[]): Promise<void> {
    if (files.length === 0) return;
    const engine = this.#engine;
    const [row] = await engine.query<{ id: number }>('select coalesce(max(file_id), 0)::integer as id from event_files');
    const ordered = [...files].sort((a, b) => a.index - b.index);
    // One statement for all the files (a backfill reads thousands), not two per file.
    const values = ordered.map((file, position) => {
      const record = held[file.index]!;
      const nameDay = record.nameDay === null ? 'null' : `${quotedString(record.nameDay)}::date`;
      return `(${row!.id + position + 1}, ${file.index}, ${quotedString(record.uri)}, ${quotedString(record.contentId)}, ${nameDay})`;
    });
    await engine.run(`create or replace temp table recorded_files as select * from (values ${values.join(', ')}) as recorded(file_id, file_index, uri, content_id, name_day)`);
    await engine.run('update spool_files set file_id = recorded.file_id from recorded_files as recorded where spool_files.file_index = recorded.file_index');
    await engine.run('insert into event_files select file_id, uri, content_id, name_day, now()::timestamp from recorded_files');
  }

  /**
   * Files staged compressed are decompressed by the engine, whose gzip reader may read some streams otherwise than
   * zlib (several members, a byte order mark): the lengths of the lines it read must add up to the content length
   * measured when the file was staged (the last line may lack its line break). Rejected lines (bad encoding) are not
   * counted, so a file with any also fails the check, and is read decompressed.
   */
  async #checkContentLengths(files: readonly SpooledFile[]): Promise<void> {
    const expected = files.filter((file) => file.gzipContentBytes !== undefined);
    if (expected.length === 0) return;
    const read = new Map(
      (await this.#engine.query<{ file_index: number; bytes: bigint }>(
        'select file_index, sum(line_bytes)::ubigint as bytes from staged_events group by file_index',
      )).map((row) => [row.file_index, Number(row.bytes)]),
    );
    const mismatched = expected.filter((file) => {
      const bytes = read.get(file.index) ?? 0;
      return bytes !== file.gzipContentBytes && bytes !== file.gzipContentBytes! + 1;
    });
    if (mismatched.length > 0) throw new ContentLengthMismatch(mismatched.map((file) => file.index));
  }

  async heldFiles(): Promise<HeldFile[]> {
    const rows = await this.#engine.query<{ uri: string; content_id: string; name_day: string | null }>(
      `select uri, content_id, strftime(name_day, '%Y-%m-%d') as name_day from event_files order by file_id`,
    );
    return rows.map((row) => ({ uri: row.uri, contentId: row.content_id, nameDay: row.name_day }));
  }

  async #prepare(files: readonly SpooledFile[], interval: DateInterval | undefined, keep: KeepEvents | undefined): Promise<void> {
    const engine = this.#engine;
    await engine.run('create or replace temp table spool_files (path varchar, file_index integer, file_id integer, name_day date)');
    if (files.length > 0) {
      const values = files.map((file) => {
        const nameDay = keep?.files[file.index]?.nameDay;
        return `(${quotedString(file.path)}, ${file.index}, null, ${nameDay ? `${quotedString(nameDay)}::date` : 'null'})`;
      });
      await engine.run(`insert into spool_files values ${values.join(', ')}`);
    }
    await engine.run(`set variable spool_paths = (select coalesce(list(path order by file_index), []) from spool_files)`);
    await engine.run(`set variable interval_start = ${quotedString(interval?.start ?? '0001-01-01')}`);
    await engine.run(`set variable interval_end = ${quotedString(interval?.end ?? '9999-12-31')}`);
    await engine.run(`set variable keep_events = ${keep !== undefined}`);
  }

  async #nextLoadId(): Promise<number> {
    const [row] = await this.#engine.query<{ id: number }>('select coalesce(max(load_id), 0)::integer + 1 as id from event_rows');
    return row!.id;
  }

  async #fileStats(files: readonly SpooledFile[]): Promise<ParsedFileStats[]> {
    if (files.length === 0) return [];
    const engine = this.#engine;
    const stats = new Map<number, { lines: number; events: number; outsideInterval: number; invalidCourseIds: number; dropped: Record<string, number>; samples: Record<string, LineSample[]> }>();
    for (const file of files) {
      stats.set(file.index, { lines: 0, events: 0, outsideInterval: 0, invalidCourseIds: 0, dropped: {}, samples: {} });
    }
    const totals = await engine.query<{ file_index: number; lines: bigint; events: bigint; outside: bigint; invalid_course_ids: bigint }>(`
      select file_index, count(*) filter (where drop_reason is distinct from 'blank') as lines,
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
      where drop_reason is not null and drop_reason <> 'blank' group by all`);
    for (const row of dropped) stats.get(row.file_index)!.dropped[row.drop_reason] = Number(row.lines);
    const samples = await engine.query<{ file_index: number; drop_reason: string; line: string }>(`
      select file_index, drop_reason, line from (
        select file_index, drop_reason, line,
          row_number() over (partition by file_index, drop_reason) as sample_number
        from staged_events where drop_reason not in ('duplicate', 'blank')
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

  /** Events per day inside the interval: of this load (`staged_events`) or all held (`events`). */
  async #eventsByDay(table: 'staged_events' | 'events'): Promise<Record<string, number>> {
    const inInterval = table === 'events' ? `date >= getvariable('interval_start')::date and date < getvariable('interval_end')::date` : 'in_interval';
    const rows = await this.#engine.query<{ day: string; events: bigint }>(`
      select strftime(date, '%Y-%m-%d') as day, count(*) as events from ${table}
      where ${table === 'staged_events' ? 'drop_reason is null and ' : ''}${inInterval} group by all`);
    return Object.fromEntries(rows.map((row) => [row.day, Number(row.events)]));
  }
}
