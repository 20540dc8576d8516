import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { placeConformanceLog } from '../helpers/pipeline.js';
import { tempDir } from '../helpers/temp.js';

describe('lantern run', () => {
  let dir: string;
  const common = () => ['--source', path.join(dir, 'logs'), '--data-dir', path.join(dir, 'data'), '--store', `sqlite:${path.join(dir, 'reports.sqlite')}`];

  beforeAll(async () => {
    dir = await tempDir();
    await placeConformanceLog(dir, 'user_activity_tracking.log', 'tracking.log-20140701.gz');
  });

  it('rejects an unknown task and a malformed store URL before any work (exit 2)', async () => {
    const unknown = await runCli('run', 'enrolment', ...common());
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown task "enrolment": the tasks are engagement, problem-response, video(, [a-z-]+)* and all/);
    const badStore = await runCli('run', 'activity', '--store', 'mysq://root:secret@db/reports');
    expect(badStore.code).toBe(2);
    expect(badStore.stderr).toMatch(/"mysq:\/\/root:\*\*\*@db\/reports" is not a database URL/);
    expect(badStore.stderr).not.toMatch(/secret/);
  });

  it('prints the dependency tree without running, then runs, then has nothing to do', async () => {
    const weeks = ['--end-date', '2014-07-01', '--weeks', '6'];
    const tree = await runCli('run', 'activity', ...common(), ...weeks, '--dependency-tree');
    expect(tree.code).toBe(0);
    expect(tree.stdout).toContain('activity  PENDING: never published');
    expect(tree.stdout).toContain('└─ events 2014-05-19-2014-06-30  PENDING: 2014-05-19..2014-06-29 new or changed');
    const run = await runCli('run', 'activity', ...common(), ...weeks);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/activity\s+ran\s+[\d.]+ s\s+course_activity 10/);
    const again = await runCli('run', 'activity', ...common(), ...weeks);
    expect(again.stdout).toContain('all up to date');
    expect(again.stdout).toMatch(/activity\s+up-to-date/);
    const treeAfter = await runCli('run', 'activity', ...common(), ...weeks, '--dependency-tree');
    expect(treeAfter.stdout).toContain('activity  COMPLETE');
  });

  it('fails the tasks that need an unreachable LMS, naming it with the password masked, and runs the others (exit 1)', async () => {
    const result = await runCli('run', 'all', ...common(), '--interval', '2014-06-30', '--end-date', '2014-07-01', '--weeks', '6', '--lms-db', 'mysql://lantern:hunter2@127.0.0.1:1/edxapp');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/enrollment\s+failed/);
    expect(result.stdout).toMatch(/location\s+failed/);
    expect(result.stdout).toMatch(/activity\s+up-to-date/);
    expect(result.stdout).toContain('mysql://lantern:***@127.0.0.1:1/edxapp');
    expect(result.stdout).not.toContain('hunter2');
  });

  it('says what is missing when no source is configured (exit 1)', async () => {
    const result = await runCli('run', 'activity', '--data-dir', path.join(dir, 'data'), '--store', `sqlite:${path.join(dir, 'other.sqlite')}`, '--end-date', '2014-07-01');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/activity\s+missing-input/);
    expect(result.stdout).toContain('no tracking-log source: give --source, LANTERN_SOURCE or [event-logs] source');
  });

  it('takes its settings from a legacy-style config file', async () => {
    const config = path.join(dir, 'override.cfg');
    await writeFile(config, [
      '[event-logs]',
      `source = ${path.join(dir, 'logs')}`,
      'expand_interval = 2',
      '[database-export]',
      `url = sqlite:${path.join(dir, 'from-config.sqlite')}`,
      '[engine]',
      `data_dir = ${path.join(dir, 'data')}`,
      '[hive]',
      'warehouse_path = s3://legacy/warehouse/',
    ].join('\n'));
    const result = await runCli('run', 'activity', '--config', config, '--end-date', '2014-07-01', '--weeks', '6');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/activity\s+ran\s+[\d.]+ s\s+course_activity 10/);
  });

  it('has --help naming the tasks, the settings and the exit codes', async () => {
    const help = await runCli('run', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/engagement,\s+problem-response,\s+video,.*or all/s);
    expect(help.stdout).toMatch(/--lms-db/);
    expect(help.stdout).toMatch(/Exit codes: 0/);
  });
});
