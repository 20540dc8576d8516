import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { openLogSource } from '../../src/events/open-source.js';
import { resolveTasks } from '../../src/reports/report-tasks.js';
import { runPipeline as runReports } from '../../src/reports/run-pipeline.js';
import type { RunReport } from '../../src/reports/runner/run-tasks.js';
import type { RunParams } from '../../src/reports/runner/task.js';
import { openStore } from '../../src/store/open-store.js';
import { loadMysqlDumpIntoSqlite } from './mysql-dump.js';
import { CONFORMANCE_INPUT } from './temp.js';

/** Copies a conformance log into `logs/<group>/` under the name upstream gave it, gzipped as upstream uploaded it. */
export async function placeConformanceLog(dir: string, fixture: string, name: string, group = 'lms-1'): Promise<void> {
  await mkdir(path.join(dir, 'logs', group), { recursive: true });
  await writeFile(path.join(dir, 'logs', group, name), gzipSync(await readFile(path.join(CONFORMANCE_INPUT, fixture))));
}

/** Loads conformance LMS dumps (MySQL) into `dir/lms.sqlite`; returns its URL. */
export function conformanceLms(dir: string, dumps: readonly string[]): string {
  const file = path.join(dir, 'lms.sqlite');
  for (const dump of dumps) loadMysqlDumpIntoSqlite(path.join(CONFORMANCE_INPUT, dump), file);
  return `sqlite:${file}`;
}

export interface PipelineRun {
  readonly dir: string;
  readonly tasks: readonly string[];
  readonly params: RunParams;
  readonly lmsUrl?: string;
  readonly storeUrl?: string;
  readonly overwrite?: boolean;
}

/** Runs tasks as `lantern run` does: logs under `dir/logs`, engine state in `dir/data`, reports in `dir/reports.sqlite`. */
export async function runPipeline(run: PipelineRun): Promise<RunReport> {
  return runReports({
    tasks: resolveTasks(run.tasks),
    params: run.params,
    storeUrl: run.storeUrl ?? `sqlite:${path.join(run.dir, 'reports.sqlite')}`,
    lmsUrl: run.lmsUrl,
    source: await openLogSource(path.join(run.dir, 'logs')),
    engine: { dataDir: path.join(run.dir, 'data') },
    overwrite: run.overwrite,
  });
}

/** Every row of a reports-store table (without the loader's id and created). */
export async function storeRows(dir: string, table: string, storeUrl?: string): Promise<Record<string, unknown>[]> {
  const store = await openStore(storeUrl ?? `sqlite:${path.join(dir, 'reports.sqlite')}`);
  try {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any result table, chosen by the test
    return await store.db.selectFrom(table as any).selectAll().execute();
  } finally {
    await store.close();
  }
}
