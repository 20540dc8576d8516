import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LmsDatabaseError } from '../../src/lms/lms-database-error.js';
import { openLmsDatabase } from '../../src/lms/lms-database.js';
import { tempDir } from '../helpers/temp.js';

describe('openLmsDatabase', () => {
  it('names a missing SQLite file', async () => {
    const dir = await tempDir();
    const missing = path.join(dir, 'nowhere', 'lms.sqlite');
    const opening = openLmsDatabase(`sqlite:${missing}`);
    await expect(opening).rejects.toBeInstanceOf(LmsDatabaseError);
    await expect(opening).rejects.toMatchObject({ code: 'missing-file', message: `the LMS database file ${missing} does not exist (sqlite:${missing})` });
  });

  it('opens SQLite read-only', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'lms.sqlite');
    await writeFile(file, '');
    const lms = await openLmsDatabase(`sqlite:${file}`);
    try {
      await lms.check();
      await expect(lms.db.schema.createTable('t').addColumn('id', 'integer').execute()).rejects.toThrow(/readonly/);
    } finally {
      await lms.close();
    }
  });

  it('fails the check of a file that is not a database', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'notes.txt');
    await writeFile(file, 'these are not the tables you are looking for\n'.repeat(100));
    const lms = await openLmsDatabase(`sqlite:${file}`);
    try {
      await expect(lms.check()).rejects.toMatchObject({ code: 'unreachable', message: expect.stringContaining(`cannot reach the LMS database sqlite:${file}`) });
    } finally {
      await lms.close();
    }
  });

  it('masks the password of a URL it cannot parse', async () => {
    const opening = openLmsDatabase('mysql://lantern:s3cret@db.example.com:3306');
    await expect(opening).rejects.toMatchObject({ name: 'LmsDatabaseError', code: 'invalid-url', message: expect.stringContaining('mysql://lantern:***@db.example.com:3306') });
    await expect(opening).rejects.not.toThrow(/s3cret/);
    await expect(openLmsDatabase('lms.sqlite')).rejects.toMatchObject({ code: 'invalid-url', message: expect.stringContaining('use sqlite:PATH') });
  });

  it('refuses PostgreSQL, which no LMS runs on', async () => {
    const opening = openLmsDatabase('postgres://lantern:s3cret@db.example.com/edxapp');
    await expect(opening).rejects.toMatchObject({ code: 'unsupported-backend', message: expect.stringMatching(/^postgres:\/\/lantern:\*\*\*@db\.example\.com\/edxapp: PostgreSQL is not an LMS backend/) });
  });

  it('reports an unreachable MySQL server with the masked URL, at check time', async () => {
    const lms = await openLmsDatabase('mysql://lantern:s3cret@127.0.0.1:1/edxapp');
    try {
      const checking = lms.check();
      await expect(checking).rejects.toMatchObject({ code: 'unreachable', message: expect.stringMatching(/^cannot reach the LMS database mysql:\/\/lantern:\*\*\*@127\.0\.0\.1:1\/edxapp: .*ECONNREFUSED/) });
      await expect(checking).rejects.not.toThrow(/s3cret/);
    } finally {
      await lms.close();
    }
  });
});
