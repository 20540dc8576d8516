import type { Command } from 'commander';
import { explainDropReason } from '../events/drop-reasons.js';
import { loadEvents, type LoadReport } from '../events/event-loader.js';
import { formatInterval, type DateInterval } from '../events/interval.js';
import { count } from './format.js';
import { settingsFromOptions, withConfigOptions, type ConfigOptions } from './config-options.js';
import { intervalOption } from './options.js';
import { terminalProgress } from './progress-bar.js';
import { filePatternOf, withSourceAndEngine } from './source-options.js';

interface LoadFlags extends ConfigOptions {
  readonly interval: DateInterval;
  readonly overwrite?: boolean;
  readonly json?: boolean;
}

export function registerEvents(program: Command): void {
  const events = program.command('events').description('tracking events in the engine');
  withConfigOptions(
    events
      .command('load')
      .description("parse a source's tracking logs into the engine's day-partitioned events table (replaces those days)")
      .argument('[source]', 'a folder, a single file, or s3://bucket/prefix (default: the source setting)')
      .requiredOption('--interval <A-B>', 'days to load: YYYY-MM-DD-YYYY-MM-DD (half-open) or one day', intervalOption)
      .option('--overwrite', 'read every file of the interval again, even those read before and unchanged')
      .option('--json', 'print the load report as JSON'),
  ).action(async (location: string | undefined, flags: LoadFlags) => {
    const settings = (await settingsFromOptions(flags)).values;
    const report = await withSourceAndEngine(location, settings, (source, engine) =>
      loadEvents(source, engine, {
        interval: flags.interval,
        dataDir: settings.dataDir,
        pattern: filePatternOf(settings),
        expandDays: settings.expandInterval,
        overwrite: flags.overwrite,
        progress: terminalProgress(),
      }),
    );
    console.log(flags.json ? JSON.stringify(withoutHeads(report), null, 2) : describeLoad(report));
  });
}

function withoutHeads(report: LoadReport) {
  return {
    ...report,
    files: report.files.map(({ head: _head, file, ...rest }) => ({ file: file.uri, group: file.group, day: file.day, size: file.size, ...rest })),
    unreadable: report.unreadable.map(({ file, error }) => ({ file: file.uri, error })),
  };
}

export function describeLoad(report: LoadReport): string {
  const { totals } = report;
  const interval = formatInterval(report.interval);
  if (report.files.length === 0 && report.droppedFiles.length === 0 && report.unreadable.length === 0) {
    const events = report.days.reduce((sum, day) => sum + day.events, 0);
    return `The events of ${interval} are up to date: ${count(events)} events from ${count(report.heldFiles)} files read before and unchanged.`;
  }
  const lines = [
    `Loaded ${count(totals.events)} events for ${interval} from ${count(report.files.length)} new or changed files (${count(totals.lines)} lines)` +
      `${report.heldFiles > 0 ? `; ${count(report.heldFiles)} files read before were unchanged` : ''}.`,
  ];
  if (totals.outsideInterval > 0) lines.push(`  ${count(totals.outsideInterval)} events in those files fall outside the interval and were kept for their own days.`);
  const dropped = Object.entries(totals.dropped).filter(([, n]) => n > 0);
  if (dropped.length === 0) lines.push('  No lines dropped.');
  else {
    lines.push(`  Dropped ${count(dropped.reduce((sum, [, n]) => sum + n, 0))} lines:`);
    for (const [reason, n] of dropped.sort((a, b) => b[1] - a[1])) lines.push(`    ${reason.padEnd(20)} ${count(n).padStart(9)}  ${explainDropReason(reason)}`);
  }
  if (totals.invalidCourseIds > 0) lines.push(`  ${count(totals.invalidCourseIds)} events name an invalid course id (kept, with no course).`);
  if (report.droppedFiles.length > 0) lines.push(`  The events of ${count(report.droppedFiles.length)} changed or vanished files were replaced.`);
  for (const file of report.files.filter((outcome) => outcome.damage)) lines.push(`  ${file.file.uri}: ${file.damage} (its readable part was loaded)`);
  for (const file of report.unreadable) lines.push(`  ${file.file.uri} could not be read: ${file.error} (its days stay incomplete)`);
  const empty = report.days.filter((day) => day.events === 0).map((day) => day.date);
  if (empty.length > 0) lines.push(`  Days with no events: ${empty.join(', ')}`);
  return lines.join('\n');
}
