import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { createConnection, type Connection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLmsDatabase, type LmsDatabase } from '../../src/lms/lms-database.js';
import type { LmsColumn, LmsTableName } from '../../src/lms/lms-schema.js';
import { readLmsCounts, readLmsRows } from '../../src/lms/read-lms-rows.js';
import { loadMysqlDumpIntoSqlite } from '../helpers/mysql-dump.js';
import { CONFORMANCE_INPUT, tempDir } from '../helpers/temp.js';

const SERVER = { host: '127.0.0.1', port: 3306, user: 'root' };
const DATABASE = `lantern_test_${randomBytes(6).toString('hex')}`;
const DUMPS = readdirSync(CONFORMANCE_INPUT).filter((name) => name.endsWith('.sql')).sort();

async function readTable(lms: LmsDatabase, table: string, columns: string[]): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for await (const batch of readLmsRows(lms, table as LmsTableName, columns as LmsColumn<LmsTableName>[], { batchSize: 2 })) rows.push(...batch);
  return rows;
}

describe('the LMS reader on MariaDB, against the same dumps loaded into SQLite', () => {
  let admin: Connection;
  let dir: string;

  beforeAll(async () => {
    admin = await createConnection({ ...SERVER, multipleStatements: true });
    dir = await tempDir();
  });

  afterAll(async () => {
    await admin?.query(`drop database if exists \`${DATABASE}\``);
    await admin?.end();
  });

  /** Loads the dump as it is into a fresh database; foreign key checks are off, as mysqldump's own header sets them. */
  async function loadIntoMariadb(dump: string): Promise<void> {
    await admin.query(`drop database if exists \`${DATABASE}\`; create database \`${DATABASE}\`; use \`${DATABASE}\`; set foreign_key_checks = 0`);
    await admin.query(await readFile(dump, 'utf8'));
  }

  it.each(DUMPS)('%s reads the same, value for value', async (name) => {
    const dump = path.join(CONFORMANCE_INPUT, name);
    await loadIntoMariadb(dump);
    const sqliteFile = path.join(dir, `${name}.sqlite`);
    loadMysqlDumpIntoSqlite(dump, sqliteFile);

    const fromSqlite = await openLmsDatabase(`sqlite:${sqliteFile}`);
    const fromMariadb = await openLmsDatabase(`mysql://root@127.0.0.1:3306/${DATABASE}`);
    try {
      await fromMariadb.check();
      const tables = await fromSqlite.db.introspection.getTables();
      expect(tables.length).toBeGreaterThan(0);
      for (const table of tables) {
        const columns = table.columns.map((column) => column.name);
        const expected = await readTable(fromSqlite, table.name, columns);
        expect(expected.length, table.name).toBeGreaterThan(0);
        expect(await readTable(fromMariadb, table.name, columns), table.name).toEqual(expected);
      }
    } finally {
      await fromSqlite.close();
      await fromMariadb.close();
    }
  });

  it('counts courseware_studentmodule as SQLite does, each count a number', async () => {
    const dump = path.join(CONFORMANCE_INPUT, 'courseware_studentmodule_for_histograms.sql');
    await loadIntoMariadb(dump);
    const sqliteFile = path.join(dir, 'counts.sqlite');
    loadMysqlDumpIntoSqlite(dump, sqliteFile);
    const count = async (url: string) => {
      const lms = await openLmsDatabase(url);
      try {
        const rows: Record<string, unknown>[] = [];
        for await (const batch of readLmsCounts(lms, 'courseware_studentmodule', ['module_type', 'module_id', 'course_id', 'grade', 'max_grade'], { countAs: 'learners', batchSize: 2 })) rows.push(...batch);
        return rows.map((row) => JSON.stringify(row)).sort();
      } finally {
        await lms.close();
      }
    };
    const fromMariadb = await count(`mysql://root@127.0.0.1:3306/${DATABASE}`);
    expect(fromMariadb).toEqual(await count(`sqlite:${sqliteFile}`));
    expect(fromMariadb.length).toBeGreaterThan(2);
    expect(fromMariadb.every((row) => typeof JSON.parse(row).learners === 'number')).toBe(true);
  });

  it('normalises datetime(6) values, NULLs and booleans', async () => {
    await loadIntoMariadb(path.join(CONFORMANCE_INPUT, 'load_grades_persistentcoursegrade.sql'));
    const lms = await openLmsDatabase(`mysql://root@127.0.0.1:3306/${DATABASE}`);
    try {
      const raw = await sql<{ created: unknown }>`select created from grades_persistentcoursegrade where id = 1`.execute(lms.db);
      expect(raw.rows[0]!.created).toBe('2017-02-01 00:00:00.000000');
      const rows = await readTable(lms, 'grades_persistentcoursegrade', ['id', 'passed_timestamp', 'course_edited_timestamp', 'created']);
      expect(rows.slice(2)).toEqual([
        { id: 3, passed_timestamp: null, course_edited_timestamp: null, created: '2017-02-01 00:00:00' },
        { id: 4, passed_timestamp: '2017-01-31 00:05:00', course_edited_timestamp: null, created: '2017-02-01 00:00:00' },
      ]);
    } finally {
      await lms.close();
    }

    await loadIntoMariadb(path.join(CONFORMANCE_INPUT, 'load_auth_user_for_location_by_course.sql'));
    const users = await openLmsDatabase(`mysql://root@127.0.0.1:3306/${DATABASE}`);
    try {
      const rows = await readTable(users, 'auth_user', ['username', 'is_staff', 'is_active', 'last_login']);
      expect(rows[3]).toEqual({ username: 'staff', is_staff: 1, is_active: 1, last_login: '2014-07-21 12:36:26' });
    } finally {
      await users.close();
    }
  });

  it('reports an unreachable server with the masked URL', async () => {
    const lms = await openLmsDatabase(`mysql://root:s3cret@127.0.0.1:1/${DATABASE}`);
    try {
      const checking = lms.check();
      await expect(checking).rejects.toMatchObject({
        name: 'LmsDatabaseError',
        code: 'unreachable',
        message: expect.stringContaining(`cannot reach the LMS database mysql://root:***@127.0.0.1:1/${DATABASE}: `),
      });
      await expect(checking).rejects.not.toThrow(/s3cret/);
    } finally {
      await lms.close();
    }
  });

  it('reports a database that does not exist as unreachable', async () => {
    const lms = await openLmsDatabase(`mysql://root@127.0.0.1:3306/${DATABASE}_missing`);
    try {
      await expect(lms.check()).rejects.toMatchObject({ code: 'unreachable', message: expect.stringMatching(/Unknown database/) });
    } finally {
      await lms.close();
    }
  });
});
