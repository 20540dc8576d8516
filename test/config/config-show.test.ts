import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SETTING_KEYS, settingDefinition } from '../../src/config/settings.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

describe('lantern config show', () => {
  let dir: string;
  let config: string;
  let credentials: string;
  beforeAll(async () => {
    dir = await tempDir();
    config = path.join(dir, 'override.cfg');
    credentials = path.join(dir, 'lms.json');
    await writeFile(credentials, JSON.stringify({ host: 'replica', port: 3306, username: 'reader', password: 'lms-s3cret' }));
    await writeFile(config, `[hive]\nwarehouse_path = s3://w/\n[event-logs]\nsource = ["/var/log/tracking"]\n[lms-database]\ncredentials = ${credentials}\n`);
  });
  beforeEach(() => {
    // The machine's own LANTERN_* variables must not leak into these tests.
    for (const key of SETTING_KEYS) vi.stubEnv(settingDefinition(key).env, undefined);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('prints each setting with its source, passwords masked, and notes ignored sections', async () => {
    vi.stubEnv('LANTERN_ENGINE_THREADS', '3');
    const { code, stdout } = await runCli('config', 'show', '--config', config, '--store', 'mysql://lantern:store-s3cret@db:3306/reports');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`\\[event-logs\\] source +/var/log/tracking +file ${config}`));
    expect(stdout).toMatch(/\[database-export\] url +mysql:\/\/lantern:\*\*\*@db:3306\/reports +flag --store/);
    expect(stdout).toMatch(/\[engine\] threads +3 +env LANTERN_ENGINE_THREADS/);
    expect(stdout).toMatch(/\[engine\] memory_limit +512MB +default/);
    expect(stdout).toMatch(/\[event-logs\] pattern +\(not set: the built-in tracking\.log/);
    expect(stdout).toMatch(new RegExp(`LMS database +mysql://reader:\\*\\*\\*@replica:3306/edxapp +from credentials ${credentials}`));
    expect(stdout).toContain(`file ${config}: ignored sections Lantern does not use: [hive]`);
    expect(stdout).not.toMatch(/s3cret/);
  });

  it('prints JSON with the same masking', async () => {
    const { code, stdout } = await runCli('config', 'show', '--json', '--config', config, '--lms-db', 'postgres://u:pg-s3cret@h/edxapp');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      settings: { key: string; value: string | null; source: string }[];
      databases: { store: { url: string }; lms: { url: string; origin: string } };
      notes: string[];
    };
    expect(report.settings.find((row) => row.key === 'lmsUrl')).toMatchObject({ value: 'postgres://u:***@h/edxapp', source: 'flag --lms-db' });
    // A URL flag outranks credentials from a file.
    expect(report.databases.lms).toEqual({ url: 'postgres://u:***@h/edxapp', origin: 'flag --lms-db' });
    expect(report.databases.store.url).toBe('sqlite:./lantern-data/reports.sqlite');
    expect(stdout).not.toMatch(/s3cret/);
  });

  it('exits 2 naming the bad value and where it was set', async () => {
    vi.stubEnv('LANTERN_ENGINE_MEMORY_LIMIT', 'lots');
    const { code, stderr } = await runCli('config', 'show', '--threads', '0');
    expect(code).toBe(2);
    expect(stderr).toContain('env LANTERN_ENGINE_MEMORY_LIMIT: "lots" is not a memory size such as 512MB or 2GB');
    expect(stderr).toContain('flag --threads: "0" is not a positive whole number');
  });

  it('wants --config-path with --config-repo', async () => {
    const { code, stderr } = await runCli('config', 'show', '--config-repo', 'file:///nowhere.git');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--config-repo needs --config-path/);
  });

  it('lists every setting with its section, variable and flag in --help', async () => {
    const { code, stdout } = await runCli('config', 'show', '--help');
    expect(code).toBe(0);
    for (const key of SETTING_KEYS) expect(stdout).toContain(settingDefinition(key).env);
    expect(stdout).toMatch(/\[geolocation\] geolocation_data +LANTERN_GEOIP_DATABASE +--geoip-db/);
    expect(stdout).toContain('--config <file>');
  });
});
