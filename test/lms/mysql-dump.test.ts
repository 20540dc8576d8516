import Database from 'better-sqlite3';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMysqlDumpIntoSqlite } from '../helpers/mysql-dump.js';
import { CONFORMANCE_INPUT, tempDir } from '../helpers/temp.js';

/**
 * Rows per table in each conformance LMS dump, counted by reading the files (tuples of each INSERT; e.g. the
 * courseware dump lists ids 97281, 97283-97286, 97288-97293 and 97295) and confirmed by loading every file into
 * MariaDB 10.11 with the mariadb client. test/services/lms-database.test.ts compares every value with MariaDB's.
 */
const EXPECTED_ROWS: Record<string, Record<string, number>> = {
  'courseware_studentmodule_for_histograms.sql': { courseware_studentmodule: 12 },
  'load_auth_user_for_internal_reporting_user.sql': { auth_user: 4 },
  'load_auth_user_for_location_by_course.sql': { auth_user: 5 },
  'load_auth_userprofile.sql': { auth_userprofile: 4 },
  'load_course_groups_courseusergroup.sql': { course_groups_courseusergroup: 3 },
  'load_course_groups_courseusergroup_users.sql': { course_groups_courseusergroup_users: 4 },
  'load_grades_persistentcoursegrade.sql': { grades_persistentcoursegrade: 4 },
  'load_student_courseenrollment_for_enrollment_validation.sql': { student_courseenrollment: 8 },
  'load_student_courseenrollment_for_location_by_course.sql': { student_courseenrollment: 5 },
  'load_student_engagement.sql': { auth_user: 4, course_groups_courseusergroup: 4, course_groups_courseusergroup_users: 5 },
};

function open(file: string): Database.Database {
  return new Database(file, { readonly: true });
}

function rowCounts(db: Database.Database): Record<string, number> {
  const tables = db.prepare("select name from sqlite_master where type = 'table' order by name").pluck().all() as string[];
  return Object.fromEntries(tables.map((table) => [table, db.prepare(`select count(*) from "${table}"`).pluck().get() as number]));
}

describe('loadMysqlDumpIntoSqlite: the conformance LMS dumps', () => {
  let dir: string;
  const loaded = new Map<string, string>();

  beforeAll(async () => {
    dir = await tempDir();
    for (const name of (await readdir(CONFORMANCE_INPUT)).filter((file) => file.endsWith('.sql'))) {
      const file = path.join(dir, `${name}.sqlite`);
      loadMysqlDumpIntoSqlite(path.join(CONFORMANCE_INPUT, name), file);
      loaded.set(name, file);
    }
  });

  it('loads every dump in the folder, each with the rows it holds', () => {
    expect([...loaded.keys()].sort()).toEqual(Object.keys(EXPECTED_ROWS).sort());
    for (const [name, file] of loaded) {
      const db = open(file);
      expect(rowCounts(db), name).toEqual(EXPECTED_ROWS[name]);
      db.close();
    }
  });

  it('decodes escapes and keeps long strings and NULLs', () => {
    const db = open(loaded.get('load_auth_userprofile.sql')!);
    const rows = db.prepare('select id, gender, mailing_address, goals, city from auth_userprofile order by id').all() as Record<string, unknown>[];
    db.close();
    expect(rows[0]).toEqual({ id: 1, gender: 'm', mailing_address: 'Luna\n10 - 3\n28300\nARANJUEZ', goals: 'Me\tencanta\taprender.', city: 'Madrid' });
    expect(rows[1]).toEqual({ id: 2, gender: 'm', mailing_address: null, goals: null, city: null });
    expect(rows[2]).toMatchObject({ gender: '' });
    // The dump's comment says 32766 characters; the literal holds 32788, which MariaDB stores too.
    expect(rows[3]).toMatchObject({ gender: null, goals: 'x'.repeat(32788) });
  });

  it('numbers rows inserted without an AUTO_INCREMENT key, and keeps datetime text as written', () => {
    const db = open(loaded.get('load_grades_persistentcoursegrade.sql')!);
    const rows = db.prepare('select id, user_id, percent_grade, letter_grade, passed_timestamp, course_edited_timestamp, created from grades_persistentcoursegrade order by id').all();
    db.close();
    expect(rows).toEqual([
      { id: 1, user_id: 1, percent_grade: 0.7, letter_grade: 'C', passed_timestamp: '2017-01-31T00:05:00', course_edited_timestamp: null, created: '2017-02-01T00:00:00' },
      { id: 2, user_id: 2, percent_grade: 0.8, letter_grade: 'B', passed_timestamp: '2017-01-31T00:05:00', course_edited_timestamp: null, created: '2017-02-01T00:00:00' },
      { id: 3, user_id: 3, percent_grade: 0.2, letter_grade: 'Fail', passed_timestamp: null, course_edited_timestamp: null, created: '2017-02-01T00:00:00' },
      { id: 4, user_id: 4, percent_grade: 0, letter_grade: '', passed_timestamp: '2017-01-31T00:05:00', course_edited_timestamp: null, created: '2017-02-01T00:00:00' },
    ]);
  });

  it('keeps numeric NULLs apart from zeros', () => {
    const db = open(loaded.get('courseware_studentmodule_for_histograms.sql')!);
    const rows = db.prepare('select id, module_type, grade, max_grade from courseware_studentmodule where id in (97281, 97289, 97292) order by id').all();
    db.close();
    expect(rows).toEqual([
      { id: 97281, module_type: 'problem', grade: 0, max_grade: 2 },
      { id: 97289, module_type: 'problem', grade: 1, max_grade: null },
      { id: 97292, module_type: 'sequential', grade: null, max_grade: null },
    ]);
  });
});

describe('loadMysqlDumpIntoSqlite: MySQL syntax', () => {
  // Written as MySQL would have it: each JS "\\" below is one backslash in the dump.
  const DUMP = [
    "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;",
    "-- a comment with ; and ' in it",
    "# another comment",
    "--",
    "DROP TABLE IF EXISTS `t`;",
    "CREATE TABLE `t` (",
    "  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT COMMENT 'the key; really',",
    "  `body` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci,",
    "  `kind` enum('a','b') NOT NULL DEFAULT 'a',",
    "  `score` decimal(5,2) DEFAULT '-1.50',",
    "  `n` int(11) DEFAULT -3,",
    "  `at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),",
    "  PRIMARY KEY (`id`),",
    "  UNIQUE KEY `t_kind` (`kind`,`body`(10)),",
    "  KEY `t_at` (`at`),",
    "  CONSTRAINT `t_fk` FOREIGN KEY (`n`) REFERENCES `other` (`id`)",
    ") ENGINE=InnoDB AUTO_INCREMENT=9 DEFAULT CHARSET=utf8;",
    "LOCK TABLES `t` WRITE;",
    "INSERT INTO `t` VALUES (1,'it\\'s; -- not a comment','b',2.5,-7,'2014-01-01 00:00:00.000001'),",
    "(2,'a\\\\b\\nline\\ttab \"q\" ''doubled'' \\%','a',NULL,0,'2014-01-02 00:00:00');",
    "INSERT INTO `t` (`body`, `at`) VALUES (\"double \\\"quoted\\\"\", '2014-01-03 00:00:00');",
    "UNLOCK TABLES;",
  ].join('\n');

  it('translates tables, escapes, defaults and multi-row inserts', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'dump.sql'), DUMP);
    loadMysqlDumpIntoSqlite(path.join(dir, 'dump.sql'), path.join(dir, 'out.sqlite'));
    const db = open(path.join(dir, 'out.sqlite'));
    const rows = db.prepare('select * from t order by id').all();
    db.close();
    expect(rows).toEqual([
      { id: 1, body: "it's; -- not a comment", kind: 'b', score: 2.5, n: -7, at: '2014-01-01 00:00:00.000001' },
      { id: 2, body: 'a\\b\nline\ttab "q" \'doubled\' \\%', kind: 'a', score: null, n: 0, at: '2014-01-02 00:00:00' },
      { id: 3, body: 'double "quoted"', kind: 'a', score: -1.5, n: -3, at: '2014-01-03 00:00:00' },
    ]);
  });

  it('names the dump and the line when it meets syntax it does not translate', async () => {
    const dir = await tempDir();
    const dump = path.join(dir, 'hex.sql');
    await writeFile(dump, 'CREATE TABLE `h` (`b` blob);\nINSERT INTO `h` VALUES (0x1F);\n');
    expect(() => loadMysqlDumpIntoSqlite(dump, path.join(dir, 'out.sqlite'))).toThrow(/hex\.sql.*hex and bit literals are not supported at line 2/);
  });
});
