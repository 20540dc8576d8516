import { openLmsDatabase, type LmsDatabase } from '../../lms/lms-database.js';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { LmsColumn, LmsTableName, LmsTables } from '../../lms/lms-schema.js';
import { readLmsCounts, readLmsRows } from '../../lms/read-lms-rows.js';
import type { LmsRowFilter } from './lms-import.js';
import type { LmsSource } from './run-tasks.js';

/**
 * The LMS read replica for a run: opened and checked before any work, so an unreachable database is an Error
 * (naming the connection, password masked) that fails only the tasks that need it.
 */
export async function openLmsSource(url: string): Promise<{ source: LmsSource | Error; close(): Promise<void> }> {
  let lms: LmsDatabase;
  try {
    lms = await openLmsDatabase(url);
  } catch (error) {
    return { source: error as Error, close: async () => undefined };
  }
  try {
    await lms.check();
  } catch (error) {
    await lms.close();
    return { source: error as Error, close: async () => undefined };
  }
  let tables: Set<string> | undefined;
  const source: LmsSource = {
    description: lms.url,
    read: (table, columns, { only, countedAs }) => {
      const where = only ? { where: whereOf(only) } : {};
      const names = columns as LmsColumn<LmsTableName>[];
      return countedAs ? readLmsCounts(lms, table as LmsTableName, names, { ...where, countAs: countedAs }) : readLmsRows(lms, table as LmsTableName, names, where);
    },
    async hasTable(table) {
      tables ??= new Set((await lms.db.introspection.getTables()).map((found) => found.name));
      return tables.has(table);
    },
  };
  return { source, close: () => lms.close() };
}

/** A row filter as a Kysely condition, in whatever SQL the LMS database speaks. */
function whereOf(only: LmsRowFilter) {
  return (eb: ExpressionBuilder<LmsTables, LmsTableName>): Expression<SqlBool> => {
    // Column names come from the report definitions, not from users; generic names defeat Kysely's inference.
    const test = eb as unknown as ExpressionBuilder<Record<string, Record<string, unknown>>, string>;
    return test.or(only.anyOf.map((condition) => ('notNull' in condition ? test(condition.column, 'is not', null) : test(condition.column, '=', condition.equals))));
  };
}
