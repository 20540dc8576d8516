import { InvalidArgumentError, type Command } from 'commander';
import { effectiveDatabases } from '../config/database-targets.js';
import { parseDatabaseUrl } from '../config/database-url.js';
import { compileFilePattern } from '../events/file-pattern.js';
import { addDays, type DateInterval } from '../events/interval.js';
import { listedOnce } from '../events/log-source.js';
import { openLogSource } from '../events/open-source.js';
import { selectFiles } from '../events/selection.js';
import { REPORT_TASKS, resolveTasks } from '../reports/report-tasks.js';
import { isFailure } from '../reports/runner/outcome.js';
import { runPipeline } from '../reports/run-pipeline.js';
import { structureSource } from '../reports/structure/structure-source.js';
import type { RunReport } from '../reports/runner/run-tasks.js';
import type { RunParams } from '../reports/runner/task.js';
import { settingsFromOptions, withConfigOptions, type ConfigOptions } from './config-options.js';
import { EXIT, UsageError } from './exit-codes.js';
import { dayOption, intervalOption, wholeNumberOption } from './options.js';
import { terminalProgress } from './progress-bar.js';
import { engineSettings, filePatternOf } from './source-options.js';
import { describeDependencyTree, describeRun } from './run-report.js';

interface RunFlags extends ConfigOptions {
  readonly interval?: DateInterval;
  readonly endDate?: string;
  readonly weeks: number;
  readonly date?: string;
  readonly overwrite?: boolean;
  readonly dependencyTree?: boolean;
  readonly json?: boolean;
}

export function registerRun(program: Command): void {
  withConfigOptions(
    program
      .command('run')
      .description('compute reports from tracking logs and the LMS into the reports store (only what changed)')
      .argument('<tasks...>', `${REPORT_TASKS.map((task) => task.name).join(', ')}, or all`)
      .option('--interval <A-B>', 'days of events for enrollment and location (default: the first day in the source up to today)', intervalOption)
      .option('--end-date <date>', 'weekly reports cover the complete ISO weeks before the week holding this day (default: today)', dayOption)
      .option('--weeks <n>', 'how many weeks the weekly reports cover', positiveWeeks, 24)
      .option('--date <date>', 'the run day: the date of LMS snapshots and of "now" for course availability (default: today, UTC)', dayOption)
      .option('--overwrite', 'recompute and republish even when nothing changed, re-reading every day of events')
      .option('--dependency-tree', 'print the tasks with what they read, each done or pending and why; run nothing')
      .option('--json', 'print the run report as JSON'),
  )
    .addHelpText('after', '\nExit codes: 0 every task is up to date or ran; 1 a task failed or lacked input; 2 bad command line.')
    .action(async (names: string[], flags: RunFlags) => {
      const report = await runCommand(names, flags);
      if (report.outcomes.some((outcome) => isFailure(outcome.status))) process.exitCode = EXIT.failed;
    });
}

async function runCommand(names: string[], flags: RunFlags): Promise<RunReport> {
  let tasks;
  try {
    tasks = resolveTasks(names);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const effective = await settingsFromOptions(flags);
  const settings = effective.values;
  const databases = await effectiveDatabases(effective);
  checkUrl(databases.store.url, 'reports store');
  if (databases.lms) checkUrl(databases.lms.url, 'LMS database');

  const today = new Date().toISOString().slice(0, 10);
  const s3 = settings.s3Endpoint ? { endpoint: settings.s3Endpoint } : {};
  const source = settings.source ? listedOnce(await openLogSource(settings.source, s3)) : undefined;
  const pattern = filePatternOf(settings);
  const params: RunParams = {
    interval: flags.interval ?? (await wholeHistory(source, pattern, today)),
    endDate: flags.endDate ?? today,
    weeks: flags.weeks,
    date: flags.date ?? today,
    reportsDir: settings.reportsDir,
  };
  const report = await runPipeline({
    tasks,
    params,
    storeUrl: databases.store.url,
    lmsUrl: databases.lms?.url,
    source,
    engine: engineSettings(settings),
    pattern,
    expandDays: settings.expandInterval,
    geoipDatabase: settings.geoipDatabase,
    structure: structureSource({
      files: settings.courseStructure,
      ...(settings.lmsApiUrl ? { api: { url: settings.lmsApiUrl, clientId: settings.lmsApiClientId, clientSecret: settings.lmsApiClientSecret } } : {}),
    }),
    s3,
    overwrite: flags.overwrite,
    planOnly: flags.dependencyTree,
    progress: terminalProgress(),
    onTask: taskProgress(),
  });
  // The plan's working state (hash cache, full listing) and the files' first bytes are not part of the report.
  if (flags.json) console.log(JSON.stringify(report, (key, value: unknown) => (['hashes', 'listed', 'head'].includes(key) ? undefined : value), 2));
  else console.log(flags.dependencyTree ? describeDependencyTree(tasks, params, report) : describeRun(report));
  return report;
}

/** Without --interval: from the first day named in the source up to (not including) today, as the legacy default. */
async function wholeHistory(source: Awaited<ReturnType<typeof openLogSource>> | undefined, pattern: ReturnType<typeof compileFilePattern> | undefined, today: string): Promise<DateInterval> {
  const days = source ? selectFiles(await source.list(), pattern ?? compileFilePattern()).files.map((file) => file.day).filter((day) => day !== null) : [];
  const first = days.sort()[0] ?? addDays(today, -1);
  return { start: first < today ? first : addDays(today, -1), end: today };
}

function checkUrl(url: string, what: string): void {
  try {
    parseDatabaseUrl(url);
  } catch (error) {
    throw new UsageError(`the ${what}: ${(error as Error).message}`);
  }
}

function positiveWeeks(value: string): number {
  const weeks = wholeNumberOption(value);
  if (weeks < 1) throw new InvalidArgumentError('--weeks must be at least 1');
  return weeks;
}

/** On a terminal, a line on stderr as each task starts, so a long run shows where it is. */
function taskProgress(): ((task: string, phase: 'start' | 'end') => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (task, phase) => {
    if (phase === 'start') process.stderr.write(`running ${task} …\n`);
  };
}
