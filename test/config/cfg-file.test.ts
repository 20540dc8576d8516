import { describe, expect, it } from 'vitest';
import { parseCfg } from '../../src/config/cfg-file.js';

const entries = (text: string) =>
  Object.fromEntries([...parseCfg(text, 'file x.cfg')].map(([section, keys]) => [section, Object.fromEntries([...keys].map(([key, entry]) => [key, entry.value]))]));

describe('config files in the legacy override.cfg syntax', () => {
  it('reads sections, = and : options, comments and continuation lines like ConfigParser', () => {
    const text = [
      '# a comment',
      '; another',
      '[event-logs]',
      'Source = ["s3://tracking/logs/"]',
      'pattern: [".*tracking.log-(?P<date>\\\\d{8}).*\\\\.gz"]',
      'expand_interval = 2 days ; inline comment',
      '',
      '[lms-database]',
      'url = mysql://u:p;w#d@db/edxapp',
      '[hive]',
      'release = apache',
      'warehouse_path = s3://a/',
      '  s3://b/',
    ].join('\n');
    expect(entries(text)).toEqual({
      'event-logs': {
        source: '["s3://tracking/logs/"]',
        // Backslashes are kept as written: the JSON list decodes them, as the legacy pipeline did.
        pattern: '[".*tracking.log-(?P<date>\\\\d{8}).*\\\\.gz"]',
        expand_interval: '2 days',
      },
      'lms-database': { url: 'mysql://u:p;w#d@db/edxapp' },
      hive: { release: 'apache', warehouse_path: 's3://a/\ns3://b/' },
    });
  });

  it('gives the line of a value and lets a later key or section win', () => {
    const document = parseCfg('[engine]\nthreads = 2\n[s3]\nendpoint = http://a\n[engine]\nthreads = 4\n', 'file x.cfg');
    expect(document.get('engine')?.get('threads')).toEqual({ value: '4', line: 6 });
  });

  it('names the file and line of a line it cannot read', () => {
    expect(() => parseCfg('threads = 2\n', 'file /etc/x.cfg')).toThrow('file /etc/x.cfg, line 1: "threads" comes before any [section] header');
    expect(() => parseCfg('[engine]\njust words\n', 'file /etc/x.cfg')).toThrow(/file \/etc\/x\.cfg, line 2: expected \[section\], key = value/);
  });
});
