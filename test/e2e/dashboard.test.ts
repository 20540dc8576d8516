import axe from 'axe-core';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanternPackage } from '../../src/config/package-root.js';
import { generateSite, type GenerateSummary } from '../../src/demo/generate.js';
import { startDemoStack, type DemoStack } from '../../src/demo/demo-stack.js';
import { addDays, parseInterval } from '../../src/events/interval.js';
import { runPipeline } from '../../src/reports/run-pipeline.js';
import { REPORT_TASKS } from '../../src/reports/report-tasks.js';
import { structureSource } from '../../src/reports/structure/structure-source.js';
import { openLogSource } from '../../src/events/open-source.js';
import { setApiKey } from '../../src/store/api-keys.js';
import { openStore } from '../../src/store/open-store.js';
import { tempDir } from '../helpers/temp.js';

// The dashboard in a real browser (Debian's chromium through playwright-core) over a generated site, signed in
// through the development LMS. Screenshots of every page go to the folder printed at the start.
const CHROMIUM = '/usr/bin/chromium';
const CLIENT_DIR = path.join(lanternPackage().root, 'dist', 'web', 'client');
const SCREENSHOTS = path.join(lanternPackage().root, 'lantern-data', 'screenshots');
const KEY = 'e2e-key';

let site: GenerateSummary;
let stack: DemoStack;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
  if (!existsSync(path.join(CLIENT_DIR, 'index.html'))) throw new Error('the dashboard app is not built: npm run build:web');
  const dir = await tempDir();
  const start = addDays(new Date().toISOString().slice(0, 10), -21);
  const end = addDays(start, 21);
  site = await generateSite({ out: dir, courses: 3, learners: 150, days: 21, start, seed: 8 });
  const storeUrl = `sqlite:${path.join(dir, 'reports.sqlite')}`;
  await runPipeline({
    tasks: REPORT_TASKS,
    params: { interval: parseInterval(`${start}-${end}`), endDate: end, weeks: 3, date: end },
    storeUrl,
    lmsUrl: `sqlite:${path.join(dir, 'lms.sqlite')}`,
    source: await openLogSource(path.join(dir, 'logs')),
    engine: { dataDir: path.join(dir, 'data') },
    structure: structureSource({ files: dir }),
  });
  const store = await openStore(storeUrl);
  await setApiKey(store, 'e2e', KEY);
  await store.close();
  stack = await startDemoStack({ siteDir: dir, storeUrl, clientDir: CLIENT_DIR });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await mkdir(SCREENSHOTS, { recursive: true });
  console.log(`dashboard screenshots: ${SCREENSHOTS}`);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function signedIn(username: string): Promise<Page> {
  // bypassCSP: axe-core is injected as an inline script, which the dashboard's CSP (rightly) forbids.
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await page.goto(`${stack.webUrl}/courses/`);
  await page.getByLabel(/username/i).fill(username);
  await page.getByLabel(/password/i).fill('edx');
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.waitForURL((url) => url.origin === stack.webUrl);
  return page;
}

async function api<T>(pathAndQuery: string): Promise<T> {
  const response = await fetch(`${stack.apiUrl}/api/v0/${pathAndQuery}`, { headers: { authorization: `Token ${KEY}` } });
  expect(response.status, pathAndQuery).toBe(200);
  return (await response.json()) as T;
}

async function cardValue(page: Page, label: string): Promise<string> {
  const card = page.getByRole('group', { name: label, exact: true }).first();
  return (await card.locator('.metric-value').getAttribute('title')) ?? '';
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  // Evaluated in the page (a string: this file is compiled without the DOM types).
  const violations = (await page.evaluate('axe.run(document).then((result) => result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))')) as {
    id: string;
    impact: string | null;
    nodes: number;
  }[];
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id} (${violation.nodes})`);
}

/** The texts of one column of the table with this caption (negative: from the right). */
async function tableColumn(page: Page, caption: string, column: number): Promise<string[]> {
  const rows = page.locator('table', { has: page.locator('caption', { hasText: caption }) }).locator('tbody tr');
  const texts: string[] = [];
  for (const row of await rows.all()) {
    const cells = await row.locator('td, th').allTextContents();
    texts.push(cells.at(column)!.trim());
  }
  return texts;
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
const number = (text: string) => Number(text.replace(/[,+]/g, ''));

describe('the dashboard in a browser', () => {
  it('shows each demo user exactly their courses; the learner gets the 403 page', async () => {
    const expectations: [string, number][] = [['staff', 3], ['instructor', 1], ['course_staff', 2]];
    for (const [username, courses] of expectations) {
      const page = await signedIn(username);
      await page.waitForSelector('table');
      const rows = await page.locator('table tbody tr').count();
      expect(rows, username).toBe(courses);
      await shot(page, `course-list-${username}`);
      await page.close();
    }
    const learner = await signedIn('learner');
    await expect.poll(() => learner.getByText('You do not have permission to view this page.').count()).toBeGreaterThan(0);
    await shot(learner, 'access-denied-learner');
    await learner.close();
  });

  it('renders every page of a course with the numbers the data API answers, passes axe, and logs out', async () => {
    const course = site.courses[0]!;
    const page = await signedIn('staff');
    const summaries = await api<{ count: number; cumulative_count: number }[]>('course_summaries/');
    await page.waitForSelector('.metric-card');
    expect(number(await cardValue(page, 'Current Enrollment'))).toBe(summaries.reduce((sum, summary) => sum + summary.count, 0));
    expect(number(await cardValue(page, 'Total Enrollment'))).toBe(summaries.reduce((sum, summary) => sum + summary.cumulative_count, 0));
    expect(await seriousViolations(page)).toEqual([]);

    const pages = [
      'enrollment/activity', 'enrollment/demographics/age', 'enrollment/demographics/education', 'enrollment/demographics/gender',
      'enrollment/geography', 'engagement/content', 'engagement/videos', 'performance/graded_content', 'performance/ungraded_content',
      'performance/learning_outcomes', 'reports',
    ];
    for (const name of ['', ...pages]) {
      const started = Date.now();
      await page.goto(`${stack.webUrl}/courses/${course}/${name ? `${name}/` : ''}`);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('.load-error, [role="alert"]:has-text("error")').count(), name).toBe(0);
      expect(Date.now() - started, `${name} first load`).toBeLessThan(5000);
      expect(await seriousViolations(page), name).toEqual([]);
      await shot(page, `course-${(name || 'home').replaceAll('/', '-')}`);
    }

    await page.goto(`${stack.webUrl}/courses/${course}/enrollment/activity/`);
    await page.waitForSelector('.metric-card');
    const modes = await api<{ date: string; count: number; cumulative_count: number }[]>(`courses/${course}/enrollment/mode/?end_date=${addDays(new Date().toISOString().slice(0, 10), 1)}`);
    const latest = modes[modes.length - 1]!;
    expect(number(await cardValue(page, 'Current Enrollment'))).toBe(latest.count);
    expect(number(await cardValue(page, 'Total Enrollment'))).toBe(latest.cumulative_count);
    const download = await page.getByRole('link', { name: /Download CSV/ }).first().getAttribute('href');
    const csv = await page.evaluate(async (href) => (await fetch(href!)).text(), download);
    const direct = await fetch(`${stack.apiUrl}/api/v0/${download!.slice('/data/api/v0/'.length)}`, { headers: { authorization: `Token ${KEY}` } });
    expect(csv).toBe(await direct.text());

    await page.goto(`${stack.webUrl}/courses/${course}/enrollment/geography/`);
    await page.waitForSelector('table');
    const countries = await api<{ count: number }[]>(`courses/${course}/enrollment/location/`);
    const shown = await tableColumn(page, 'Geographic Breakdown', -1);
    expect(shown.reduce((sum, text) => sum + number(text), 0)).toBe(countries.reduce((sum, country) => sum + country.count, 0));

    await page.goto(`${stack.webUrl}/courses/${course}/engagement/content/`);
    await page.waitForSelector('table');
    const weeks = await api<{ any?: number; played_video?: number }[]>(`courses/${course}/activity/?start_date=2000-01-01`);
    const latestWeek = weeks[weeks.length - 1]!;
    expect(number((await tableColumn(page, 'Content Engagement Breakdown', 1))[0]!)).toBe(latestWeek.any);
    expect(number((await tableColumn(page, 'Content Engagement Breakdown', 2))[0]!)).toBe(latestWeek.played_video);

    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${stack.webUrl}/courses/${course}/enrollment/geography/`);
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await shot(page, 'course-enrollment-geography-phone');

    await page.locator('.user-menu summary').click();
    await page.getByRole('button', { name: 'Logout', exact: true }).click();
    await page.waitForLoadState('networkidle');
    const after = await page.request.get(`${stack.webUrl}/web-api/session`);
    expect(after.status()).toBe(401);
    await page.close();
  }, 180_000);
});
