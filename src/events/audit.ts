import path from 'node:path';
import type { Engine } from '../engine/engine.js';
import { compileFilePattern, type FilePattern } from './file-pattern.js';
import { addDays, daysOf, type DateInterval } from './interval.js';
import { contentPrefixSha256, HEAD_BYTES } from './log-content.js';
import type { LogSource } from './log-source.js';
import type { Progress } from './progress.js';
import { readEvents, type FileOutcome } from './read-events.js';
import { selectFiles, type DatedLogFile } from './selection.js';
import { totalsOf } from './event-loader.js';

export interface AuditOptions {
  /** Without an interval, the range between the first and last day found in the source. */
  readonly interval?: DateInterval;
  readonly pattern?: FilePattern;
  readonly dataDir: string;
  readonly progress?: Progress;
}

export interface AuditedFile {
  readonly file: string;
  readonly group: string;
  readonly day: string | null;
  readonly size: number;
  readonly content_bytes: number;
  readonly events: number;
  readonly bad_lines: Record<string, number>;
  /** `file:line  text` of a few dropped lines per reason. */
  readonly samples: Record<string, string[]>;
  readonly damage?: string;
}

export interface AuditReport {
  readonly source: string;
  readonly interval: DateInterval | null;
  readonly files: AuditedFile[];
  readonly events: number;
  readonly bad_lines: Record<string, number>;
  readonly groups: { readonly group: string; readonly files: number; readonly days_covered: number; readonly first_day: string | null; readonly last_day: string | null }[];
  readonly duplicates: { readonly files: string[]; readonly content_bytes: number }[];
  readonly grown: { readonly file: string; readonly grown_into: string; readonly content_bytes: number; readonly grown_bytes: number }[];
  readonly missing_days: { readonly group: string; readonly days: string[] }[];
  readonly corrupt: { readonly file: string; readonly damage: string; readonly readable_bytes: number }[];
  readonly empty: { readonly file: string }[];
  /** Files listed but not readable (vanished during the audit, access refused). */
  readonly unreadable: { readonly file: string; readonly error: string }[];
  readonly ignored: string[];
}

/** Everything that is wrong with a source of tracking logs, or missing from it. */
export async function auditLogs(source: LogSource, engine: Engine, options: AuditOptions): Promise<AuditReport> {
  const pattern = options.pattern ?? compileFilePattern();
  const selection = selectFiles(await source.list(), pattern, options.interval, 0);
  const { files, unreadable } = await readEvents(source, engine, selection.files, {
    scratchDir: path.join(options.dataDir, 'tmp'),
    hashContent: true,
    progress: options.progress,
  });
  const totals = totalsOf(files);
  return {
    source: source.uri,
    interval: options.interval ?? null,
    files: files.map(describeFile),
    events: totals.events,
    bad_lines: totals.dropped,
    groups: groupsOf(files),
    duplicates: duplicatesOf(files),
    grown: await grownFiles(source, files),
    missing_days: missingDays(files, options.interval),
    corrupt: files
      .filter((outcome) => outcome.damage)
      .map((outcome) => ({ file: outcome.file.uri, damage: outcome.damage!, readable_bytes: outcome.contentBytes })),
    empty: files.filter((outcome) => outcome.contentBytes === 0).map((outcome) => ({ file: outcome.file.uri })),
    unreadable: unreadable.map((entry) => ({ file: entry.file.uri, error: entry.error })),
    ignored: selection.ignored.map((file) => file.uri),
  };
}

/** True when the audit found anything an operator should act on. */
export function hasFindings(report: AuditReport): boolean {
  return (
    report.duplicates.length + report.grown.length + report.missing_days.length + report.corrupt.length + report.empty.length + report.unreadable.length > 0 ||
    Object.values(report.bad_lines).some((count) => count > 0)
  );
}

function describeFile(outcome: FileOutcome<DatedLogFile>): AuditedFile {
  const samples: Record<string, string[]> = {};
  for (const [reason, list] of Object.entries(outcome.samples)) {
    samples[reason] = list.map((sample) => `${outcome.file.uri}:${sample.line ?? '?'}  ${sample.text.slice(0, 160)}`);
  }
  return {
    file: outcome.file.uri,
    group: outcome.file.group,
    day: outcome.file.day,
    size: outcome.file.size,
    content_bytes: outcome.contentBytes,
    events: outcome.events,
    bad_lines: outcome.dropped,
    samples,
    ...(outcome.damage ? { damage: outcome.damage } : {}),
  };
}

function groupsOf(files: readonly FileOutcome<DatedLogFile>[]): AuditReport['groups'] {
  const groups = new Map<string, FileOutcome<DatedLogFile>[]>();
  for (const outcome of files) (groups.get(outcome.file.group) ?? groups.set(outcome.file.group, []).get(outcome.file.group)!).push(outcome);
  return [...groups.entries()].map(([group, members]) => {
    const days = [...new Set(members.map((member) => member.file.day).filter((day): day is string => day !== null))].sort();
    return { group, files: members.length, days_covered: days.length, first_day: days[0] ?? null, last_day: days[days.length - 1] ?? null };
  });
}

function duplicatesOf(files: readonly FileOutcome<DatedLogFile>[]): AuditReport['duplicates'] {
  const byContent = new Map<string, FileOutcome<DatedLogFile>[]>();
  for (const outcome of files) {
    if (outcome.contentBytes === 0 || !outcome.contentSha256) continue;
    (byContent.get(outcome.contentSha256) ?? byContent.set(outcome.contentSha256, []).get(outcome.contentSha256)!).push(outcome);
  }
  return [...byContent.values()]
    .filter((same) => same.length > 1)
    .map((same) => ({ files: same.map((outcome) => outcome.file.uri), content_bytes: same[0]!.contentBytes }));
}

/** Files whose whole content is the start of a longer file: a log synced before it stopped growing. */
async function grownFiles(source: LogSource, files: readonly FileOutcome<DatedLogFile>[]): Promise<AuditReport['grown']> {
  const grown: AuditReport['grown'][number][] = [];
  const candidates = files.filter((outcome) => outcome.contentBytes > 0 && !outcome.damage);
  for (const shorter of candidates) {
    const headLength = Math.min(shorter.contentBytes, HEAD_BYTES);
    for (const longer of candidates) {
      if (longer.contentBytes <= shorter.contentBytes) continue;
      // An audit decompresses every file itself, so every outcome has its head.
      if (!longer.head?.subarray(0, headLength).equals(shorter.head!.subarray(0, headLength))) continue;
      const prefix = shorter.contentBytes <= HEAD_BYTES ? undefined : await contentPrefixSha256(source, longer.file, shorter.contentBytes);
      if (prefix === undefined || prefix === shorter.contentSha256) {
        grown.push({ file: shorter.file.uri, grown_into: longer.file.uri, content_bytes: shorter.contentBytes, grown_bytes: longer.contentBytes });
        break;
      }
    }
  }
  return grown;
}

function missingDays(files: readonly FileOutcome<DatedLogFile>[], interval?: DateInterval): AuditReport['missing_days'] {
  const dated = files.filter((outcome) => outcome.file.day !== null);
  if (dated.length === 0) return [];
  const allDays = dated.map((outcome) => outcome.file.day!).sort();
  const range = interval ?? { start: allDays[0]!, end: addDays(allDays[allDays.length - 1]!, 1) };
  const expected = daysOf(range);
  const groups = new Map<string, Set<string>>();
  for (const outcome of files) {
    const covered = groups.get(outcome.file.group) ?? groups.set(outcome.file.group, new Set()).get(outcome.file.group)!;
    if (outcome.file.day !== null) covered.add(outcome.file.day);
  }
  return [...groups.entries()]
    .map(([group, covered]) => ({ group, days: expected.filter((day) => !covered.has(day)) }))
    .filter((entry) => entry.days.length > 0);
}
