import { formatInterval } from '../events/interval.js';
import type { TaskOutcome } from '../reports/runner/outcome.js';
import type { RunReport } from '../reports/runner/run-tasks.js';
import type { ReportTask, RunParams } from '../reports/runner/task.js';
import { count, dayRanges } from './format.js';

/** The summary printed at the end of `lantern run`: events read, LMS rows, and per task its fate, time and rows. */
export function describeRun(report: RunReport): string {
  const lines: string[] = [];
  if (report.events) lines.push(describeEvents(report.events));
  if (report.eventsError) lines.push(`Events: ${report.eventsError}`);
  const lms = Object.entries(report.lmsTables);
  if (lms.length > 0) lines.push(`LMS: ${lms.map(([table, rows]) => `${table} ${count(rows)} rows`).join(', ')}.`);
  const width = Math.max(4, ...report.outcomes.map((outcome) => outcome.task.length));
  lines.push(`${'Task'.padEnd(width)}  ${'Status'.padEnd(19)}  ${'Time'.padStart(7)}  Rows written`);
  for (const outcome of report.outcomes) {
    lines.push(`${outcome.task.padEnd(width)}  ${outcome.status.padEnd(19)}  ${`${outcome.seconds.toFixed(1)} s`.padStart(7)}  ${rowsOf(outcome)}`);
    if (outcome.status !== 'ran' && outcome.status !== 'up-to-date' && outcome.reason) lines.push(`${' '.repeat(width + 2)}${outcome.reason}`);
    for (const note of outcome.notes) lines.push(`${' '.repeat(width + 2)}note: ${note}`);
  }
  return lines.join('\n');
}

function describeEvents(events: NonNullable<RunReport['events']>): string {
  const { plan, load } = events;
  const stale = plan.days.filter((day) => day.reason).map((day) => day.date);
  const head = `Events ${formatInterval(plan.interval)}: ${count(plan.files)} files, ${count(plan.days.length)} days`;
  if (!load) return `${head}; to read: ${count(plan.toRead.length)} files${stale.length > 0 ? ` for ${dayRanges(stale)}` : ''}.`;
  if (load.files.length === 0 && load.droppedFiles.length === 0) return `${head}, all up to date.`;
  const dropped = Object.entries(load.totals.dropped).filter(([, n]) => n > 0);
  const lines = [
    `${head}; read ${count(load.files.length)} new or changed files${load.heldFiles > 0 ? ` (${count(load.heldFiles)} read before, unchanged)` : ''}: ` +
      `${count(load.totals.events)} events from ${count(load.totals.lines)} lines, ` +
      `${count(dropped.reduce((sum, [, n]) => sum + n, 0))} bad lines${dropped.length > 0 ? ` (${dropped.map(([reason, n]) => `${reason} ${count(n)}`).join(', ')})` : ''}.`,
  ];
  if (load.droppedFiles.length > 0) lines.push(`  Events of ${count(load.droppedFiles.length)} changed or vanished files were replaced.`);
  for (const file of load.files.filter((outcome) => outcome.damage)) lines.push(`  ${file.file.uri}: ${file.damage} (its readable part was loaded)`);
  for (const file of load.unreadable) lines.push(`  ${file.file.uri} could not be read: ${file.error} (its days stay incomplete; the next run tries again)`);
  return lines.join('\n');
}

function rowsOf(outcome: TaskOutcome): string {
  if (!outcome.rows) return '';
  return Object.entries(outcome.rows).map(([table, rows]) => `${table} ${count(rows)}`).join(', ');
}

/** `--dependency-tree`: each task with what it reads, and whether it is done or would run and why. */
export function describeDependencyTree(tasks: readonly ReportTask[], params: RunParams, report: RunReport): string {
  const lines: string[] = [];
  for (const task of tasks) {
    const outcome = report.outcomes.find((candidate) => candidate.task === task.name);
    const state = outcome?.status === 'pending' ? 'PENDING' : outcome?.status === 'up-to-date' ? 'COMPLETE' : outcome?.status.toUpperCase();
    lines.push(`${task.name}  ${state}${outcome?.reason ? `: ${outcome.reason}` : ''}`);
    const inputs: string[] = [];
    const interval = task.inputs.events?.(params);
    if (interval) {
      const days = report.events?.plan.days.filter((day) => day.date >= interval.start && day.date < interval.end) ?? [];
      const stale = days.filter((day) => day.reason).map((day) => day.date);
      inputs.push(`events ${formatInterval(interval)}  ${stale.length === 0 ? 'COMPLETE' : `PENDING: ${dayRanges(stale)} new or changed`}`);
    }
    const lms = task.inputs.lms;
    if (lms) {
      const tables = [...lms.tables.map((wanted) => wanted.table), ...(lms.mayBeAbsent ?? []).map((wanted) => `${wanted.table} (if present)`)];
      inputs.push(`lms ${tables.join(', ')}${lms.required ? '' : '  (optional)'}`);
    }
    if (task.inputs.geoip) inputs.push('geoip country database');
    if (task.inputs.structure) inputs.push('course structure (LMS API or files)');
    for (const required of task.requires ?? []) inputs.push(`task ${required}`);
    inputs.forEach((input, index) => lines.push(`${index === inputs.length - 1 ? '└─' : '├─'} ${input}`));
  }
  return lines.join('\n');
}
