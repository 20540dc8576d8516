import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

describe('the lantern command', () => {
  it.each([[], ['generate'], ['logs', 'audit'], ['events', 'load'], ['demo']])('has --help for %j', async (...words) => {
    const { code, stdout } = await runCli(...words.flat(), '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: lantern/);
  });

  it('ends quietly when its reader stops early (`lantern run --help | head -1`)', async () => {
    const bin = path.resolve(import.meta.dirname, '../../src/cli/bin.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', bin, 'run', '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // The reader takes the first chunk and goes away, as head does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  });

  it('rejects an invalid interval or regex before any work, with exit code 2', async () => {
    const badInterval = await runCli('events', 'load', '/nowhere', '--interval', '2014-08-01-2014-07-01');
    expect(badInterval.code).toBe(2);
    expect(badInterval.stderr).toMatch(/invalid interval "2014-08-01-2014-07-01"/);
    const badPattern = await runCli('logs', 'audit', '/nowhere', '--pattern', 'tracking(');
    expect(badPattern.code).toBe(2);
    expect(badPattern.stderr).toMatch(/flag --pattern: "tracking\(" is not a valid regex/);
  });

  it('takes the source and the engine settings from the configuration too', async () => {
    const noSource = await runCli('logs', 'audit');
    expect(noSource.code).toBe(2);
    expect(noSource.stderr).toMatch(/no tracking-log source: give it as the argument, --source, LANTERN_SOURCE or \[event-logs\] source/);
    const dir = await tempDir();
    await runCli('generate', '--out', path.join(dir, 'site'), '--learners', '10', '--days', '2', '--start', '2026-01-05');
    const config = path.join(dir, 'lantern.cfg');
    await writeFile(config, `[event-logs]\nsource = ${path.join(dir, 'site', 'logs')}\n[engine]\ndata_dir = ${path.join(dir, 'data')}\nmemory_limit = 256MB\n`);
    const loaded = await runCli('events', 'load', '--config', config, '--interval', '2026-01-05', '--json');
    expect(loaded.code).toBe(0);
    expect((JSON.parse(loaded.stdout) as { totals: { events: number } }).totals.events).toBeGreaterThan(0);
    expect(existsSync(path.join(dir, 'data', 'engine.duckdb'))).toBe(true);
  });

  it('names an unreadable source and exits 1', async () => {
    const { code, stderr } = await runCli('logs', 'audit', '/no/such/folder');
    expect(code).toBe(1);
    expect(stderr).toMatch(/cannot read the log source \/no\/such\/folder/);
  });

  it('generates a site and loads it, reporting what it loaded as JSON', async () => {
    const dir = await tempDir();
    const generated = await runCli('generate', '--out', path.join(dir, 'site'), '--learners', '30', '--days', '3', '--start', '2026-01-05');
    expect(generated.code).toBe(0);
    expect(generated.stdout).toMatch(/Generated [\d,]+ events from 30 learners in 4 courses/);
    const loaded = await runCli('events', 'load', path.join(dir, 'site', 'logs'), '--interval', '2026-01-05-2026-01-09', '--data-dir', path.join(dir, 'data'), '--json');
    expect(loaded.code).toBe(0);
    const report = JSON.parse(loaded.stdout) as { totals: { events: number }; days: { date: string; events: number }[] };
    expect(report.days.map((day) => day.date)).toEqual(['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08']);
    expect(report.days.reduce((sum, day) => sum + day.events, 0)).toBe(report.totals.events);
    // Files read before and unchanged are not read again; --overwrite reads them again and replaces their events.
    const day = report.days.find((entry) => entry.date === '2026-01-06')!;
    const again = await runCli('events', 'load', path.join(dir, 'site', 'logs'), '--interval', '2026-01-06', '--data-dir', path.join(dir, 'data'));
    expect(again.stdout).toBe(`The events of 2026-01-06-2026-01-07 are up to date: ${day.events} events from 6 files read before and unchanged.`);
    const overwritten = await runCli('events', 'load', path.join(dir, 'site', 'logs'), '--interval', '2026-01-06', '--data-dir', path.join(dir, 'data'), '--overwrite', '--json');
    const reloaded = JSON.parse(overwritten.stdout) as typeof report & { files: unknown[]; droppedFiles: string[] };
    expect(reloaded.files).toHaveLength(6);
    expect(reloaded.droppedFiles).toHaveLength(6);
    expect(reloaded.days).toEqual([expect.objectContaining({ date: '2026-01-06', events: day.events })]);
  });
});
