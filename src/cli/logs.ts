import type { Command } from 'commander';
import { explainDropReason } from '../events/drop-reasons.js';
import { auditLogs, hasFindings, type AuditReport } from '../events/audit.js';
import { formatInterval, type DateInterval } from '../events/interval.js';
import { EXIT } from './exit-codes.js';
import { bytes, count, dayRanges } from './format.js';
import { settingsFromOptions, withConfigOptions, type ConfigOptions } from './config-options.js';
import { intervalOption } from './options.js';
import { terminalProgress } from './progress-bar.js';
import { filePatternOf, withSourceAndEngine } from './source-options.js';

interface AuditFlags extends ConfigOptions {
  readonly interval?: DateInterval;
  readonly json?: boolean;
  readonly strict?: boolean;
}

export function registerLogs(program: Command): void {
  const logs = program.command('logs').description('tracking-log files');
  withConfigOptions(
    logs
      .command('audit')
      .description('find duplicate, grown, empty, corrupt and missing log files, and count every bad line')
      .argument('[source]', 'a folder, a single file, or s3://bucket/prefix (default: the source setting)')
      .option('--interval <A-B>', 'days to check (default: from the first to the last day in the source)', intervalOption)
      .option('--json', 'print the findings as JSON')
      .option('--strict', `exit with ${EXIT.findings} when anything was found`),
  ).action(async (location: string | undefined, flags: AuditFlags) => {
    const settings = (await settingsFromOptions(flags)).values;
    const report = await withSourceAndEngine(location, settings, (source, engine) =>
      auditLogs(source, engine, { interval: flags.interval, pattern: filePatternOf(settings), dataDir: settings.dataDir, progress: terminalProgress() }),
    );
    console.log(flags.json ? JSON.stringify(report, null, 2) : describeAudit(report));
    if (flags.strict && hasFindings(report)) process.exitCode = EXIT.findings;
  });
}

export function describeAudit(report: AuditReport): string {
  const out: string[] = [];
  const range = report.interval ? formatInterval(report.interval) : 'all days found';
  const badTotal = Object.values(report.bad_lines).reduce((sum, n) => sum + n, 0);
  out.push(`Audit of ${report.source} (${range}): ${count(report.files.length)} files, ${count(report.events)} events, ${count(badTotal)} bad lines.`);
  out.push('');
  out.push('Server groups:');
  for (const group of report.groups) {
    const missing = report.missing_days.find((entry) => entry.group === group.group);
    const span = group.first_day ? `${group.first_day}..${group.last_day}` : 'no dated files';
    out.push(`  ${group.group}: ${count(group.files)} files, ${group.days_covered} days (${span})${missing ? `; missing ${dayRanges(missing.days)}` : ''}`);
  }
  const section = (title: string, rows: string[]) => {
    if (rows.length === 0) return;
    out.push('', `${title}:`, ...rows.map((row) => `  ${row}`));
  };
  section('Duplicate files (same content)', report.duplicates.map((entry) => `${entry.files.join('  =  ')} (${bytes(entry.content_bytes)})`));
  section('Grown files (content is the start of another file)', report.grown.map((entry) => `${entry.file} (${bytes(entry.content_bytes)}) grew into ${entry.grown_into} (${bytes(entry.grown_bytes)})`));
  section('Corrupt or truncated gzip (readable part counted)', report.corrupt.map((entry) => `${entry.file}: ${entry.damage}; ${bytes(entry.readable_bytes)} readable`));
  section('Empty files', report.empty.map((entry) => entry.file));
  section('Unreadable files', report.unreadable.map((entry) => `${entry.file}: ${entry.error}`));
  section('Bad lines by reason', Object.entries(report.bad_lines).sort((a, b) => b[1] - a[1]).map(([reason, n]) => `${reason.padEnd(20)} ${count(n).padStart(9)}  ${explainDropReason(reason)}`));
  section('Samples', report.files.flatMap((file) => Object.entries(file.samples).flatMap(([reason, samples]) => samples.map((sample) => `[${reason}] ${sample}`))).slice(0, 20));
  if (report.ignored.length > 0) out.push('', `${count(report.ignored.length)} files do not match the file pattern and were ignored.`);
  const clean = !hasFindings(report);
  out.push('', clean ? 'No problems found.' : 'Problems found.');
  return out.join('\n');
}
