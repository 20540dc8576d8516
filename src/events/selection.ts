import type { FilePattern } from './file-pattern.js';
import { containsDay, expandInterval, type DateInterval } from './interval.js';
import type { LogFile } from './log-source.js';

export interface DatedLogFile extends LogFile {
  /** The day in the file name, `null` when the pattern has no date group. */
  readonly day: string | null;
}

export interface Selection {
  readonly files: DatedLogFile[];
  /** Files below the source that the pattern does not match (other logs, stray files). */
  readonly ignored: LogFile[];
}

/** The tracking logs of a source, optionally those whose name date falls in the interval widened by `expandDays`. */
export function selectFiles(
  files: readonly LogFile[],
  pattern: FilePattern,
  interval?: DateInterval,
  expandDays = 0,
): Selection {
  const window = interval ? expandInterval(interval, expandDays) : undefined;
  const selected: DatedLogFile[] = [];
  const ignored: LogFile[] = [];
  for (const file of files) {
    const day = pattern.dayOf(file.relativePath) ?? (file.explicit ? null : undefined);
    if (day === undefined) {
      ignored.push(file);
      continue;
    }
    if (window && day !== null && !containsDay(window, day)) continue;
    selected.push({ ...file, day });
  }
  return { files: selected, ignored };
}
