// bench:web — the dashboard's budget: a course page's first load (cold browser cache, loopback) under 1 s, and the
// JavaScript sent to the browser under 400 KB gzip. Baseline measured in the same run: the same page with its data
// answered from memory (the browser's own share of the time).
// Usage: npm run bench:web   (the demo-sized site is cached under lantern-data/bench/web)
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { lanternPackage } from '../src/config/package-root.js';
import { generateSite } from '../src/demo/generate.js';
import { startDemoStack } from '../src/demo/demo-stack.js';
import { addDays, parseInterval } from '../src/events/interval.js';
import { openLogSource } from '../src/events/open-source.js';
import { REPORT_TASKS } from '../src/reports/report-tasks.js';
import { runPipeline } from '../src/reports/run-pipeline.js';
import { structureSource } from '../src/reports/structure/structure-source.js';

const ROOT = lanternPackage().root;
const CLIENT_DIR = path.join(ROOT, 'dist', 'web', 'client');
const DIR = path.join(ROOT, 'lantern-data', 'bench', 'web');
const BUDGET = { firstLoadMs: 1000, javascriptGzipKiB: 400 };
const RUNS = 3;

async function site(): Promise<{ storeUrl: string; course: string }> {
  const storeUrl = `sqlite:${path.join(DIR, 'reports.sqlite')}`;
  const start = '2026-10-01';
  if (!existsSync(path.join(DIR, 'site.json'))) {
    console.log(`generating a demo-sized site in ${DIR} and running every report …`);
    await generateSite({ out: DIR, learners: 400, days: 28, start, seed: 1 });
    const end = addDays(start, 28);
    await runPipeline({
      tasks: REPORT_TASKS,
      params: { interval: parseInterval(`${start}-${end}`), endDate: end, weeks: 4, date: end },
      storeUrl,
      lmsUrl: `sqlite:${path.join(DIR, 'lms.sqlite')}`,
      source: await openLogSource(path.join(DIR, 'logs')),
      engine: { dataDir: path.join(DIR, 'data') },
      structure: structureSource({ files: DIR }),
    });
  }
  const { courses } = (await import(path.join(DIR, 'site.json'), { with: { type: 'json' } })).default as { courses: string[] };
  return { storeUrl, course: courses[0]! };
}

/** The gzip bytes of every script the app can load, and of those a course page loads. */
async function javascriptSizes(): Promise<number> {
  let total = 0;
  for (const name of await readdir(path.join(CLIENT_DIR, 'assets'))) if (name.endsWith('.js.gz')) total += (await stat(path.join(CLIENT_DIR, 'assets', name))).size;
  return total;
}

async function timedLoad(context: BrowserContext, url: string): Promise<{ ms: number; scriptBytes: number }> {
  const page = await context.newPage();
  let scriptBytes = 0;
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script') scriptBytes += (await response.request().sizes()).responseBodySize;
  });
  const started = performance.now();
  await page.goto(url);
  // Loaded: the page's heading is there and no part of it is still loading (its charts are drawn with their data).
  await page.waitForSelector('main h1');
  while ((await page.locator('.state-loading').count()) > 0) await page.waitForTimeout(10);
  const ms = performance.now() - started;
  await page.waitForLoadState('networkidle');
  await page.close();
  return { ms, scriptBytes };
}

async function main(): Promise<void> {
  if (!existsSync(path.join(CLIENT_DIR, 'index.html'))) throw new Error('build the dashboard first: npm run build:web');
  const { storeUrl, course } = await site();
  const stack = await startDemoStack({ siteDir: DIR, storeUrl, clientDir: CLIENT_DIR });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const signIn = await browser.newContext();
    const page = await signIn.newPage();
    await page.goto(`${stack.webUrl}/courses/`);
    await page.getByLabel(/username/i).fill('staff');
    await page.getByLabel(/password/i).fill('edx');
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.waitForURL((url) => url.origin === stack.webUrl);
    const storageState = await signIn.storageState();
    await signIn.close();

    const pages = ['', 'enrollment/activity/', 'enrollment/geography/', 'engagement/videos/', 'performance/graded_content/'];
    console.log(`\nbench:web (${RUNS} cold loads each, median; target: first load < ${BUDGET.firstLoadMs} ms, JavaScript < ${BUDGET.javascriptGzipKiB} KiB gzip)`);
    console.log('| course page | first load | data from memory (baseline) | ratio | JavaScript loaded (gzip) |');
    console.log('|---|---:|---:|---:|---:|');
    for (const name of pages) {
      const url = `${stack.webUrl}/courses/${course}/${name}`;
      const recorded = new Map<string, { status: number; body: Buffer; contentType: string }>();
      const real: number[] = [];
      const replayed: number[] = [];
      let scripts = 0;
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext({ storageState });
        await context.route(`${stack.webUrl}/data/**`, async (route) => {
          const response = await route.fetch();
          recorded.set(route.request().url(), { status: response.status(), body: await response.body(), contentType: response.headers()['content-type'] ?? 'application/json' });
          await route.fulfill({ response });
        });
        const load = await timedLoad(context, url);
        real.push(load.ms);
        scripts = load.scriptBytes;
        await context.close();
        const memory = await browser.newContext({ storageState });
        await memory.route(`${stack.webUrl}/data/**`, (route) => {
          const answer = recorded.get(route.request().url());
          return answer ? route.fulfill({ status: answer.status, body: answer.body, contentType: answer.contentType }) : route.continue();
        });
        replayed.push((await timedLoad(memory, url)).ms);
        await memory.close();
      }
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      console.log(`| ${name || 'home'} | ${median(real).toFixed(0)} ms | ${median(replayed).toFixed(0)} ms | ${(median(real) / median(replayed)).toFixed(2)}× | ${(scripts / 1024).toFixed(0)} KiB |`);
    }
    console.log(`\nEvery script the app has, gzip: ${((await javascriptSizes()) / 1024).toFixed(0)} KiB (budget ${BUDGET.javascriptGzipKiB} KiB).`);
  } finally {
    await browser.close();
    await stack.close();
  }
}

await main();
