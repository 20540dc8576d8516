import { describe, expect, it } from 'vitest';
import { compileFilePattern } from '../../src/events/file-pattern.js';
import { selectFiles } from '../../src/events/selection.js';

const file = (relativePath: string) => ({ uri: `/logs/${relativePath}`, relativePath, group: relativePath.split('/')[0]!, size: 1 });

describe('file selection', () => {
  const pattern = compileFilePattern();

  it('reads the day from tracking.log-YYYYMMDD[-epoch][.gz] in any sub-folder', () => {
    expect(pattern.dayOf('prod-edxapp-001/tracking.log-20140319-1395256622.gz')).toBe('2014-03-19');
    expect(pattern.dayOf('tracking.log-20140730.gz')).toBe('2014-07-30');
    expect(pattern.dayOf('a/b/tracking.log-20140730')).toBe('2014-07-30');
    expect(pattern.dayOf('tracking.log')).toBeUndefined();
    expect(pattern.dayOf('tracking.log-20141340.gz')).toBeUndefined();
    expect(pattern.dayOf('nginx/access.log-20140730.gz')).toBeUndefined();
  });

  it('accepts a legacy Python-style pattern and an epoch timestamp group', () => {
    expect(compileFilePattern(String.raw`.*tracking.log-(?P<date>\d{8}).*\.gz`).dayOf('g/tracking.log-20140102-99.gz')).toBe('2014-01-02');
    expect(compileFilePattern(String.raw`log-(?<timestamp>\d{10})`).dayOf('log-1395256622')).toBe('2014-03-19');
    expect(compileFilePattern(String.raw`.*\.log$`).dayOf('x.log')).toBeNull();
  });

  it('rejects an invalid regex before any work', () => {
    expect(() => compileFilePattern('tracking(')).toThrow(/invalid file pattern "tracking\("/);
  });

  it('keeps files named inside the interval widened by the expansion window, and lists the others as ignored', () => {
    const files = ['a/tracking.log-20140226.gz', 'a/tracking.log-20140227.gz', 'a/tracking.log-20140228.gz', 'a/tracking.log-20140303.gz', 'a/tracking.log-20140304.gz', 'a/notes.txt'].map(file);
    const selection = selectFiles(files, pattern, { start: '2014-03-01', end: '2014-03-02' }, 2);
    expect(selection.files.map((entry) => entry.day)).toEqual(['2014-02-27', '2014-02-28', '2014-03-03']);
    expect(selection.ignored.map((entry) => entry.relativePath)).toEqual(['a/notes.txt']);
  });
});
