import { copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSite, type GenerateSummary } from '../../src/demo/generate.js';
import type { AuditReport } from '../../src/events/audit.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const run = runCli;

describe('lantern logs audit', () => {
  let dir: string;
  let logs: string;
  let site: GenerateSummary;
  let clean: AuditReport;
  const group = (name: string) => path.join(logs, name);
  const fileOf = async (groupName: string, day: string) => {
    const names = await readdir(group(groupName));
    return path.join(group(groupName), names.find((name) => name.startsWith(`tracking.log-${day.replaceAll('-', '')}`))!);
  };

  beforeAll(async () => {
    dir = await tempDir();
    site = await generateSite({ out: path.join(dir, 'site'), learners: 60, days: 8, start: '2026-03-02', seed: 7 });
    logs = path.join(dir, 'site', 'logs');
  });

  it('finds nothing wrong in a clean generated source, and --strict passes', async () => {
    const { code, stdout } = await run('logs', 'audit', logs, '--json', '--strict', '--data-dir', path.join(dir, 'data'));
    const report = JSON.parse(stdout) as AuditReport;
    clean = report;
    expect(code).toBe(0);
    expect(report.events).toBe(site.events);
    expect(report.files).toHaveLength(16);
    expect(report).toMatchObject({ duplicates: [], grown: [], missing_days: [], corrupt: [], empty: [], bad_lines: {} });
  });

  it('finds a planted duplicate, missing day, grown file, empty file and corrupt gzip; --strict fails', async () => {
    const duplicated = await fileOf('edxapp-01', '2026-03-04');
    await copyFile(duplicated, path.join(group('edxapp-02'), 'tracking.log-20260304-9999999999.gz'));
    const removed = await fileOf('edxapp-02', '2026-03-06');
    await rm(removed);
    const grownSource = await fileOf('edxapp-01', '2026-03-05');
    const content = gunzipSync(await readFile(grownSource));
    const cut = content.indexOf('\n', Math.floor(content.length / 3)) + 1;
    await writeFile(path.join(group('edxapp-01'), 'tracking.log-20260305-1.gz'), gzipSync(content.subarray(0, cut)));
    await writeFile(path.join(group('edxapp-02'), 'tracking.log-20260307-1.gz'), Buffer.alloc(0));
    const truncatedSource = await readFile(await fileOf('edxapp-01', '2026-03-08'));
    const truncated = path.join(group('edxapp-02'), 'tracking.log-20260308-1.gz');
    await writeFile(truncated, truncatedSource.subarray(0, Math.floor(truncatedSource.length / 2)));

    const { code, stdout } = await run('logs', 'audit', logs, '--json', '--strict', '--data-dir', path.join(dir, 'data'));
    const report = JSON.parse(stdout) as AuditReport;
    expect(code).toBe(3);
    expect(report.duplicates).toEqual([{ files: expect.arrayContaining([duplicated, path.join(group('edxapp-02'), 'tracking.log-20260304-9999999999.gz')]), content_bytes: expect.any(Number) }]);
    expect(report.duplicates[0]!.files).toHaveLength(2);
    expect(report.missing_days).toEqual([{ group: 'edxapp-02', days: ['2026-03-06'] }]);
    expect(report.grown).toEqual([
      { file: path.join(group('edxapp-01'), 'tracking.log-20260305-1.gz'), grown_into: grownSource, content_bytes: cut, grown_bytes: content.length },
    ]);
    expect(report.empty).toEqual([{ file: path.join(group('edxapp-02'), 'tracking.log-20260307-1.gz') }]);
    expect(report.corrupt).toEqual([{ file: truncated, damage: expect.stringMatching(/truncated gzip/), readable_bytes: expect.any(Number) }]);
    // The readable part of the truncated copy is read: its events are duplicates of the original's.
    const truncatedFile = report.files.find((file) => file.file === truncated)!;
    expect(truncatedFile.bad_lines.duplicate).toBeGreaterThan(10);
    // Copies add no events; the removed file's events are gone.
    const removedEvents = clean.files.find((file) => file.file === removed)!.events;
    expect(report.events).toBe(site.events - removedEvents);
  });

  it('prints a readable summary by default, and exits 0 without --strict', async () => {
    const { code, stdout } = await run('logs', 'audit', logs, '--interval', '2026-03-02-2026-03-12', '--data-dir', path.join(dir, 'data'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/edxapp-02: .*missing 2026-03-06, 2026-03-10\.\.2026-03-11/);
    expect(stdout).toMatch(/Duplicate files/);
    expect(stdout).toMatch(/Problems found\./);
  });
});
