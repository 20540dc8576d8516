import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultDataDir, defaultStoreUrl } from '../config/defaults.js';
import { generateSite, type GenerateSummary } from '../demo/generate.js';
import { auditLogs } from '../events/audit.js';
import { addDays } from '../events/interval.js';
import { openLogSource } from '../events/open-source.js';
import { createEngine } from '../engine/create-engine.js';
import { REPORT_TASKS } from '../reports/report-tasks.js';
import { runPipeline } from '../reports/run-pipeline.js';
import { isFailure } from '../reports/runner/outcome.js';
import { structureSource } from '../reports/structure/structure-source.js';
import { lanternPackage } from '../config/package-root.js';
import type { DemoUser } from '../devlms/dev-lms.js';
import { setApiKey } from '../store/api-keys.js';
import { openStore } from '../store/open-store.js';
import { EXIT } from './exit-codes.js';
import { count } from './format.js';
import { describeAudit } from './logs.js';
import { describeRun } from './run-report.js';
import { wholeNumberOption } from './options.js';
import { terminalProgress } from './progress-bar.js';

interface DemoFlags {
  readonly dataDir: string;
  readonly learners: number;
  readonly days: number;
  readonly fresh?: boolean;
  readonly serve: boolean;
  readonly port: number;
  readonly apiPort: number;
  readonly lmsPort: number;
}

/** The legacy `make demo` key: user edx, key edx. */
const DEMO_KEY = { username: 'edx', key: 'edx' };

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('the one-command demo: generate a site (once), audit its logs, run every report into the reports store')
    .option('--data-dir <dir>', 'where the demo site and engine live', defaultDataDir())
    .option('--learners <n>', 'learners in the generated site', wholeNumberOption, 400)
    .option('--days <n>', 'days of logs, ending yesterday', wholeNumberOption, 28)
    .option('--fresh', 'generate the site again even if one exists')
    .option('--no-serve', 'stop after the reports instead of serving the dashboard, the data API and the development LMS')
    .option('--port <n>', 'the dashboard port on 127.0.0.1', wholeNumberOption, 8110)
    .option('--api-port <n>', 'the data API port on 127.0.0.1', wholeNumberOption, 8100)
    .option('--lms-port <n>', 'the development LMS port on 127.0.0.1', wholeNumberOption, 8120)
    .action(async (flags: DemoFlags) => {
      const siteDir = path.join(flags.dataDir, 'demo-site');
      const summary = await demoSite(siteDir, flags);
      const logs = await openLogSource(path.join(siteDir, 'logs'));
      const engine = await createEngine({ dataDir: flags.dataDir });
      try {
        console.log('\n== lantern logs audit ==');
        console.log(describeAudit(await auditLogs(logs, engine, { dataDir: flags.dataDir, progress: terminalProgress() })));
      } finally {
        await engine.close();
      }
      console.log('\n== lantern run all ==');
      const storeUrl = defaultStoreUrl(flags.dataDir);
      const params = { interval: { start: summary.start, end: summary.end }, endDate: summary.end, weeks: Math.max(1, Math.floor(flags.days / 7)), date: summary.end };
      const report = await runPipeline({
        tasks: REPORT_TASKS,
        params,
        storeUrl,
        lmsUrl: `sqlite:${path.join(siteDir, 'lms.sqlite')}`,
        source: logs,
        engine: { dataDir: flags.dataDir },
        structure: structureSource({ files: siteDir }),
        progress: terminalProgress(),
      });
      console.log(describeRun(report));
      if (report.outcomes.some((outcome) => isFailure(outcome.status))) process.exitCode = EXIT.failed;
      console.log(`\nReports are in ${storeUrl}.`);
      console.log(`\nThe demo site is in ${siteDir} (LMS database: lms.sqlite); the engine database in ${flags.dataDir}.`);
      if (flags.serve) await serveDemo(siteDir, storeUrl, flags, summary.courses[0]!);
    });
}

async function demoSite(siteDir: string, flags: DemoFlags): Promise<GenerateSummary> {
  const manifest = path.join(siteDir, 'site.json');
  if (!flags.fresh && existsSync(manifest)) {
    const summary = JSON.parse(await readFile(manifest, 'utf8')) as GenerateSummary;
    console.log(`Using the demo site generated earlier in ${siteDir} (${count(summary.events)} events; --fresh makes a new one).`);
    return summary;
  }
  const today = new Date().toISOString().slice(0, 10);
  const progress = terminalProgress();
  progress.start('generate', flags.days);
  const summary = await generateSite({
    out: siteDir,
    learners: flags.learners,
    days: flags.days,
    start: addDays(today, -flags.days),
    badLineRate: 0.001,
    onDay: () => progress.advance(),
  });
  progress.finish();
  console.log(`Generated a demo site in ${siteDir}: ${count(summary.events)} events, ${summary.courses.length} courses, ${count(summary.learners)} learners.`);
  return summary;
}

async function serveDemo(siteDir: string, storeUrl: string, flags: DemoFlags, course: string): Promise<void> {
  // Loaded when served: the development LMS (oidc-provider) and the servers are not needed to build the reports.
  const [{ startDemoStack }, { DEMO_PASSWORD }] = await Promise.all([import('../demo/demo-stack.js'), import('../devlms/dev-lms.js')]);
  const stack = await startDemoStack({
    siteDir,
    storeUrl,
    clientDir: path.join(lanternPackage().root, 'dist', 'web', 'client'),
    ports: { web: flags.port, api: flags.apiPort, lms: flags.lmsPort },
  });
  const store = await openStore(storeUrl);
  await setApiKey(store, DEMO_KEY.username, DEMO_KEY.key);
  await store.close();
  console.log(`\nDashboard: ${stack.webUrl}/`);
  console.log(`Sign in as (password ${DEMO_PASSWORD}): ${stack.users.map((user) => `${user.username} (${describeUser(user)})`).join(', ')}.`);
  console.log(`Data API: ${stack.apiUrl}/docs (key "${DEMO_KEY.key}"), e.g.`);
  console.log(`  curl -H 'Authorization: Token ${DEMO_KEY.key}' '${stack.apiUrl}/api/v0/courses/${course}/enrollment/?start_date=2000-01-01'`);
  console.log(`Development LMS: ${stack.lms.url}. Ctrl-C stops them all.`);
  await new Promise<void>((resolve) => {
    const stop = () => void stack.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

function describeUser(user: DemoUser): string {
  if (user.isStaff) return 'global staff: every course';
  if (user.courseRoles.length === 0) return 'a learner: no course';
  return user.courseRoles.map((role) => `${role.role} of ${role.courseId}`).join(', ');
}

