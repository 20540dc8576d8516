import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseUrlError } from '../../src/config/database-url.js';
import { openStore } from '../../src/store/open-store.js';
import { StoreError } from '../../src/store/store-error.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

describe('opening the reports store', () => {
  it('rejects a malformed URL before any connection', async () => {
    await expect(openStore('reports.db')).rejects.toThrow(DatabaseUrlError);
    await expect(openStore('mysql://root:hunter2@db.example')).rejects.toThrow(/names no database/);
    await expect(openStore('mysql://root:hunter2@db.example')).rejects.not.toThrow(/hunter2/);
  });

  it('names the masked URL and the cause when the server cannot be reached', async () => {
    const opening = openStore('mysql://lantern:hunter2@127.0.0.1:1/reports');
    await expect(opening).rejects.toThrow(StoreError);
    await expect(opening).rejects.toThrow(/^cannot open the reports store mysql:\/\/lantern:\*\*\*@127\.0\.0\.1:1\/reports: .*ECONNREFUSED/);
    await expect(openStore('postgres://lantern:hunter2@127.0.0.1:1/reports')).rejects.toThrow(
      /^cannot open the reports store postgres:\/\/lantern:\*\*\*@127\.0\.0\.1:1\/reports: .*ECONNREFUSED/,
    );
  });

  it('creates the folder of a SQLite file, and migrates when asked', async () => {
    const file = path.join(await tempDir(), 'not', 'yet', 'reports.db');
    const store = await openStore(`sqlite:${file}`, { migrate: true });
    try {
      expect(existsSync(file)).toBe(true);
      expect(store.url).toBe(`sqlite:${file}`);
      expect(store.capabilities.transactionalDdl).toBe(true);
      expect(await store.db.selectFrom('course_activity').selectAll().execute()).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('names the SQLite file it cannot create', async () => {
    const notAFolder = path.join(await tempDir(), 'plain-file');
    await writeFile(notAFolder, '');
    await expect(openStore(`sqlite:${path.join(notAFolder, 'reports.db')}`)).rejects.toThrow(
      /^cannot open the reports store sqlite:.*plain-file\/reports\.db: .*(EEXIST|ENOTDIR)/,
    );
  });
});

describe('lantern store', () => {
  it.each(['store', 'store migrate', 'store tables'])('has --help for "%s"', async (words) => {
    const { code, stdout } = await runCli(...words.split(' '), '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: lantern store/);
  });

  it('migrates, then lists every table with its row count', async () => {
    const url = `sqlite:${path.join(await tempDir(), 'reports.db')}`;
    const migrated = await runCli('store', 'migrate', '--store', url);
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toMatch(/0001-result-store\s+applied/);
    const again = await runCli('store', 'migrate', '--store', url);
    expect(again.stdout).toMatch(/0001-result-store\s+already applied/);
    const tables = await runCli('store', 'tables', '--store', url);
    expect(tables.code).toBe(0);
    expect(tables.stdout).toMatch(/course_enrollment_daily\s+0 rows/);
    expect(tables.stdout).toMatch(/lantern_task_markers\s+0 rows/);
  });

  it('says a table is missing before the store is migrated', async () => {
    const url = `sqlite:${path.join(await tempDir(), 'reports.db')}`;
    const { code, stdout } = await runCli('store', 'tables', '--store', url);
    expect(code).toBe(0);
    expect(stdout).toMatch(/course_activity\s+missing \(run lantern store migrate\)/);
  });

  it('exits 2 on a malformed URL and 1 on an unreachable store', async () => {
    const malformed = await runCli('store', 'migrate', '--store', 'reports.db');
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/is not a database URL/);
    const unreachable = await runCli('store', 'migrate', '--store', 'postgres://u:secret@127.0.0.1:1/reports');
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/cannot open the reports store postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/reports/);
    expect(unreachable.stderr).not.toMatch(/secret/);
  });
});
