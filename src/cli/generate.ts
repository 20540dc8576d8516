import type { Command } from 'commander';
import { GENERATE_DEFAULTS, generateSite } from '../demo/generate.js';
import { count } from './format.js';
import { dayOption, rateOption, wholeNumberOption } from './options.js';
import { terminalProgress } from './progress-bar.js';

interface GenerateFlags {
  readonly out: string;
  readonly courses: number;
  readonly learners: number;
  readonly days: number;
  readonly start: string;
  readonly seed: number;
  readonly badLineRate: number;
  readonly serverGroups: number;
}

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('generate a deterministic Open edX site: LMS database, course structures, tracking logs')
    .requiredOption('--out <dir>', 'where to write the site')
    .option('--courses <n>', 'number of courses', wholeNumberOption, GENERATE_DEFAULTS.courses)
    .option('--learners <n>', 'number of learners', wholeNumberOption, GENERATE_DEFAULTS.learners)
    .option('--days <n>', 'days of tracking logs', wholeNumberOption, GENERATE_DEFAULTS.days)
    .option('--start <date>', 'first day (YYYY-MM-DD)', dayOption, GENERATE_DEFAULTS.start)
    .option('--seed <n>', 'random seed: the same seed gives the same site', wholeNumberOption, GENERATE_DEFAULTS.seed)
    .option('--bad-line-rate <r>', 'share of event lines followed by a damaged line (0..1)', rateOption, GENERATE_DEFAULTS.badLineRate)
    .option('--server-groups <n>', 'server groups (log folders)', wholeNumberOption, GENERATE_DEFAULTS.serverGroups)
    .action(async (flags: GenerateFlags) => {
      const progress = terminalProgress();
      progress.start('days', flags.days);
      const summary = await generateSite({ ...flags, onDay: () => progress.advance() });
      progress.finish();
      console.log(
        `Generated ${count(summary.events)} events from ${count(summary.learners)} learners in ${summary.courses.length} courses, ` +
          `${summary.start}..${summary.end} (exclusive), into ${summary.out}: ${summary.logFiles.length} log files, lms.sqlite, courses/, site.json.`,
      );
    });
}
