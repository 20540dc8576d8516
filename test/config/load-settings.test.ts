import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSettings, type LoadSettingsInput } from '../../src/config/load-settings.js';
import { tempDir } from '../helpers/temp.js';
import { makeConfigRepo } from './git-repo.js';

const LEGACY_OVERRIDE = `
[hive]
warehouse_path = s3://edx-analytics/warehouse/

[map-reduce]
engine = hadoop
marker = s3://edx-analytics/markers/

[event-logs]
source = ["s3://edx-tracking/logs/"]
pattern = [".*tracking.log-(?P<date>\\\\d{8}).*\\\\.gz"]
expand_interval = 2 days

[database-export]
database = reports
credentials = s3://edx-secure/output.json

[database-import]
database = edxapp
credentials = s3://edx-secure/input.json
destination = s3://edx-analytics/import/

[geolocation]
geolocation_data = /srv/GeoIP2-Country.mmdb
`;

describe('loading settings', () => {
  let dir: string;
  const write = async (name: string, text: string) => {
    const file = path.join(dir, name);
    await writeFile(file, text);
    return file;
  };
  beforeAll(async () => {
    dir = await tempDir();
  });

  it('gives every setting its default, with default as the source', async () => {
    const settings = await loadSettings({ env: {} });
    expect(settings.values).toEqual({
      source: undefined,
      pattern: undefined,
      expandInterval: 2,
      storeUrl: 'sqlite:./lantern-data/reports.sqlite',
      storeCredentials: undefined,
      storeDatabaseName: 'reports',
      lmsUrl: undefined,
      lmsCredentials: undefined,
      lmsDatabaseName: 'edxapp',
      geoipDatabase: undefined,
      engine: 'duckdb',
      engineMemoryLimit: '512MB',
      dataDir: './lantern-data',
      engineThreads: undefined,
      reportsDir: './lantern-data/reports',
      courseStructure: undefined,
      lmsApiUrl: undefined,
      lmsApiClientId: undefined,
      lmsApiClientSecret: undefined,
      s3Endpoint: undefined,
      apiHost: '127.0.0.1',
      apiPort: 8100,
      apiRateLimit: { max: 1200, timeWindowMs: 60_000 },
      apiTrustProxy: false,
      apiCacheSeconds: 60,
      apiPublicUrl: undefined,
      apiDownloadSigningKey: undefined,
      webHost: '127.0.0.1',
      webPort: 8110,
      webPublicUrl: undefined,
      webSignIn: 'edx',
      webOidcIssuer: undefined,
      webClientId: undefined,
      webClientSecret: undefined,
      webDataApiUrl: 'http://127.0.0.1:8100',
      webDataApiKey: undefined,
      webPermissionsSeconds: 900,
      webTrustProxy: ['loopback', 'uniquelocal'],
      webSessionSecret: undefined,
      webLogoutOfLms: true,
      jwtJwksUrl: undefined,
      jwtIssuer: undefined,
      jwtAudience: undefined,
    });
    expect(new Set(Object.values(settings.origins).map((origin) => origin.label))).toEqual(new Set(['default']));
  });

  it('layers defaults < files (in order) < config repo < environment < flags', async () => {
    const first = await write('first.cfg', '[engine]\nmemory_limit = 1GB\nthreads = 2\n[event-logs]\nexpand_interval = 3\n');
    const second = await write('second.cfg', '[engine]\nmemory_limit = 2GB\nthreads = 3\n');
    const repo = await makeConfigRepo(path.join(dir, 'precedence-repo'), [
      { branch: 'main', files: { 'sites/prod.cfg': '[engine]\nmemory_limit = 3GB\n[s3]\nendpoint = http://minio:9000\n' } },
    ]);
    const configRepo = { url: repo.url, path: 'sites/prod.cfg' };
    const layers: [LoadSettingsInput, string, string][] = [
      [{ env: {} }, '512MB', 'default'],
      [{ env: {}, configFiles: [first] }, '1GB', `file ${first}`],
      [{ env: {}, configFiles: [first, second] }, '2GB', `file ${second}`],
      [{ env: {}, configFiles: [first, second], configRepo }, '3GB', `repo ${repo.url}:sites/prod.cfg@HEAD`],
      [{ env: { LANTERN_ENGINE_MEMORY_LIMIT: '4GB' }, configFiles: [first, second], configRepo }, '4GB', 'env LANTERN_ENGINE_MEMORY_LIMIT'],
      [
        { env: { LANTERN_ENGINE_MEMORY_LIMIT: '4GB' }, configFiles: [first, second], configRepo, flags: { engineMemoryLimit: '5GB' } },
        '5GB',
        'flag --engine-memory-limit',
      ],
    ];
    for (const [input, value, source] of layers) {
      const settings = await loadSettings(input);
      expect([settings.values.engineMemoryLimit, settings.origins.engineMemoryLimit.label]).toEqual([value, source]);
    }
    // Each setting settles at the highest layer that sets it.
    const all = await loadSettings({ ...layers.at(-1)![0], env: { LANTERN_ENGINE_MEMORY_LIMIT: '4GB', LANTERN_DATA_DIR: '/srv/lantern' } });
    expect(all.values).toMatchObject({ expandInterval: 3, engineThreads: 3, s3Endpoint: 'http://minio:9000', dataDir: '/srv/lantern' });
    expect(all.origins.expandInterval.label).toBe(`file ${first}`);
    expect(all.origins.s3Endpoint.label).toMatch(/^repo file:\/\/.*:sites\/prod\.cfg@HEAD$/);
    // The default store follows the data directory, wherever that was set.
    expect(all.values.storeUrl).toBe('sqlite:/srv/lantern/reports.sqlite');
    expect(all.notes.some((note) => new RegExp(`^repo .*prod\\.cfg@HEAD was read at commit ${repo.commits[0]}$`).test(note))).toBe(true);
  });

  it('reads a legacy override.cfg: JSON lists, "2 days", [database-import] for the LMS; other sections ignored but noted', async () => {
    const file = await write('override.cfg', LEGACY_OVERRIDE);
    const settings = await loadSettings({ env: {}, configFiles: [file] });
    expect(settings.values).toMatchObject({
      source: 's3://edx-tracking/logs/',
      pattern: '.*tracking.log-(?P<date>\\d{8}).*\\.gz',
      expandInterval: 2,
      storeDatabaseName: 'reports',
      storeCredentials: 's3://edx-secure/output.json',
      lmsDatabaseName: 'edxapp',
      lmsCredentials: 's3://edx-secure/input.json',
      geoipDatabase: '/srv/GeoIP2-Country.mmdb',
    });
    expect(settings.origins.lmsCredentials.detail).toBe('[database-import] credentials (line 20)');
    expect(settings.notes).toEqual([
      `file ${file}: ignored sections Lantern does not use: [hive], [map-reduce]`,
      `file ${file}: ignored legacy keys Lantern does not use: [database-import] destination`,
    ]);
  });

  it("prefers a section's own key to its legacy alias, whatever their order", async () => {
    const file = await write('geo.cfg', '[geolocation]\ndatabase = /srv/new.mmdb\ngeolocation_data = /srv/legacy.mmdb\n[lms-database]\ndatabase = lms\n[database-import]\ndatabase = edxapp\n');
    const settings = await loadSettings({ env: {}, configFiles: [file] });
    expect(settings.values.geoipDatabase).toBe('/srv/legacy.mmdb');
    expect(settings.values.lmsDatabaseName).toBe('lms');
  });

  it('rejects an unknown key in a Lantern section, naming file, line, section and key', async () => {
    const file = await write('typo.cfg', '[engine]\nname = duckdb\nmemory_limt = 2GB\n');
    await expect(loadSettings({ env: {}, configFiles: [file] })).rejects.toThrow(
      `file ${file}, line 3: unknown key "memory_limt" in [engine] (known: name, memory_limit, data_dir, threads)`,
    );
  });

  it('names where each bad value was written, all at once, masking passwords', async () => {
    const file = await write(
      'bad.cfg',
      '[engine]\nthreads = many\n[event-logs]\nexpand_interval = fortnight\nsource = ["s3://a/", "s3://b/"]\n[geolocation]\ngeolocation_data = s3://geo/GeoIP.dat\n',
    );
    const attempt = loadSettings({
      env: { LANTERN_ENGINE: 'clickhouse', LANTERN_STORE: 'mysq://lantern:hunter2@db/reports' },
      configFiles: [file],
      flags: { pattern: 'tracking(' },
    });
    await expect(attempt).rejects.toThrow(`file ${file}, [engine] threads (line 2): "many" is not a positive whole number`);
    const message = ((await attempt.catch((error: unknown) => error)) as Error).message;
    expect(message).toMatch(/^7 problems in the settings:/);
    expect(message).toContain(`file ${file}, [event-logs] expand_interval (line 4): "fortnight" is not a whole number of days`);
    expect(message).toContain(`file ${file}, [event-logs] source (line 5): "["s3://a/", "s3://b/"]" lists 2 sources`);
    expect(message).toContain(`file ${file}, [geolocation] geolocation_data (line 7): "s3://geo/GeoIP.dat" is a GeoIP Legacy .dat file`);
    expect(message).toContain('env LANTERN_ENGINE: "clickhouse" is not an engine Lantern has: duckdb');
    expect(message).toContain('env LANTERN_STORE: "mysq://lantern:***@db/reports" is not a database URL');
    expect(message).toMatch(/flag --pattern: "tracking\(" is not a valid regex/);
    expect(message).not.toContain('hunter2');
  });

  it('reads the data API settings: rates as Django REST framework wrote them, ports, off', async () => {
    const file = await write('api.cfg', '[api]\nrate_limit = 60/minute\nport = 8200\njwt_jwks_url = https://lms.example.com/api/jwks/\n');
    const settings = await loadSettings({ env: { LANTERN_API_HOST: '0.0.0.0' }, configFiles: [file] });
    expect(settings.values).toMatchObject({ apiRateLimit: { max: 60, timeWindowMs: 60_000 }, apiPort: 8200, apiHost: '0.0.0.0', jwtJwksUrl: 'https://lms.example.com/api/jwks/' });
    expect((await loadSettings({ env: {}, flags: { apiRateLimit: '5/h' } })).values.apiRateLimit).toEqual({ max: 5, timeWindowMs: 3_600_000 });
    expect((await loadSettings({ env: {}, flags: { apiRateLimit: 'off' } })).values.apiRateLimit).toBe(false);
    await expect(loadSettings({ env: {}, flags: { apiRateLimit: 'lots' } })).rejects.toThrow('flag --rate-limit: "lots" is not a rate such as 60/minute, 5/hour or off');
    await expect(loadSettings({ env: {}, flags: { apiPort: '70000' } })).rejects.toThrow('flag --port: "70000" is not a port number (0-65535)');
  });

  it('reads the reverse proxies to believe: addresses and ranges, or off', async () => {
    const file = await write('proxy.cfg', '[api]\ntrust_proxy = 10.0.0.1, 192.168.0.0/16,::1, loopback\n[web]\ntrust_proxy = off\n');
    const settings = await loadSettings({ env: {}, configFiles: [file] });
    expect(settings.values).toMatchObject({ apiTrustProxy: ['10.0.0.1', '192.168.0.0/16', '::1', 'loopback'], webTrustProxy: false });
    expect((await loadSettings({ env: { LANTERN_WEB_TRUST_PROXY: '127.0.0.1' } })).values.webTrustProxy).toEqual(['127.0.0.1']);
    for (const bad of ['proxy.example.com', '10.0.0.0/33', '10.0.0.1/8/1', '10.0.0.1,']) {
      await expect(loadSettings({ env: {}, flags: { apiTrustProxy: bad } })).rejects.toThrow(/flag --trust-proxy: .* is not an address, a range such as 10\.0\.0\.0\/8, loopback/);
    }
  });

  it('checks only the value in effect: a flag can override a bad value in a file', async () => {
    const file = await write('overridden.cfg', '[engine]\nthreads = many\n');
    const settings = await loadSettings({ env: {}, configFiles: [file], flags: { engineThreads: '8' } });
    expect(settings.values.engineThreads).toBe(8);
  });

  it('names a config file that does not exist', async () => {
    const missing = path.join(dir, 'missing.cfg');
    await expect(loadSettings({ env: {}, configFiles: [missing] })).rejects.toThrow(`the config file ${missing} does not exist`);
  });

  it.each([
    ['2', 2],
    ['2 days', 2],
    ['1 day', 1],
    ['1 week 2 d', 9],
    ['P3D', 3],
    ['P1W', 7],
    ['0', 0],
  ])('reads expand_interval %j as %d', async (raw, expected) => {
    expect((await loadSettings({ env: { LANTERN_EXPAND_INTERVAL: raw } })).values.expandInterval).toBe(expected);
  });
});
