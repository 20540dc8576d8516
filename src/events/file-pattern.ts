import { isIsoDay } from './interval.js';

/**
 * Which files are tracking logs, and the day each one is named for. The regex is matched against the file's path
 * relative to the source root and must have a named group `date` (YYYYMMDD or YYYY-MM-DD) or `timestamp` (a
 * 10-digit epoch, as the legacy pipeline accepted). Python-style `(?P<date>…)` groups are accepted too, so a legacy
 * `[event-logs] pattern` can be reused as it is.
 */
export const DEFAULT_FILE_PATTERN = String.raw`(?:^|/)tracking\.log-(?<date>\d{8})(?:-\d+)?(?:\.gz)?$`;

export interface FilePattern {
  readonly source: string;
  /** The UTC day a file is named for, `undefined` when the path is not a tracking log, `null` when it has no date. */
  dayOf(path: string): string | null | undefined;
}

export function compileFilePattern(pattern: string = DEFAULT_FILE_PATTERN): FilePattern {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern.replaceAll('(?P<', '(?<'));
  } catch (error) {
    throw new Error(`invalid file pattern "${pattern}": ${(error as Error).message}`, { cause: error });
  }
  const probe = new RegExp(`${regex.source}|`).exec('');
  const groups = probe?.groups ?? {};
  const hasDate = 'date' in groups;
  const hasTimestamp = 'timestamp' in groups;
  return {
    source: pattern,
    dayOf(path) {
      const match = regex.exec(path);
      if (!match) return undefined;
      if (hasDate && match.groups?.date) return normaliseDay(match.groups.date);
      if (hasTimestamp && match.groups?.timestamp) {
        return new Date(Number(match.groups.timestamp) * 1000).toISOString().slice(0, 10);
      }
      return null;
    },
  };
}

function normaliseDay(text: string): string | undefined {
  const day = /^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}` : text;
  return isIsoDay(day) ? day : undefined;
}
