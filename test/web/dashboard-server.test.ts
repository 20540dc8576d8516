import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSite, type GenerateSummary } from '../../src/demo/generate.js';
import { startDemoStack, type DemoStack } from '../../src/demo/demo-stack.js';
import { addDays, parseInterval } from '../../src/events/interval.js';
import { Browser, formAction, hiddenInputs } from '../helpers/browser.js';
import { runPipeline } from '../helpers/pipeline.js';
import { tempDir } from '../helpers/temp.js';

const SHELL = '<!doctype html><html><head><title>app shell</title></head><body><div id="root"></div></body></html>';

let dir: string;
let site: GenerateSummary;
let stack: DemoStack;

beforeAll(async () => {
  dir = await tempDir();
  const start = '2026-09-07';
  site = await generateSite({ out: dir, courses: 3, learners: 60, days: 7, start, seed: 2 });
  await runPipeline({ dir, tasks: ['enrollment'], params: { interval: parseInterval(`${start}-${addDays(start, 7)}`), endDate: addDays(start, 7), weeks: 1, date: addDays(start, 7) }, lmsUrl: `sqlite:${path.join(dir, 'lms.sqlite')}` });
  const clientDir = path.join(dir, 'client');
  await mkdir(path.join(clientDir, 'assets'), { recursive: true });
  await writeFile(path.join(clientDir, 'index.html'), SHELL);
  stack = await startDemoStack({ siteDir: dir, storeUrl: `sqlite:${path.join(dir, 'reports.sqlite')}`, clientDir });
});
afterAll(async () => {
  await stack?.close();
});

/** Signs in through the development LMS's form; returns the browser (with its session cookie) and where it landed. */
async function signIn(username: string, password = 'edx', next = '/courses/'): Promise<{ browser: Browser; landed?: string; page?: Response }> {
  const browser = new Browser();
  const toLms = await browser.follow(await browser.get(`${stack.webUrl}/login/?next=${encodeURIComponent(next)}`), `${stack.webUrl}/`);
  const form = await toLms.page!.text();
  const answer = await browser.post(formAction(form, toLms.page!.url), { ...hiddenInputs(form), username, password });
  const back = await browser.follow(answer, `${stack.webUrl}/complete/`);
  if (!back.location) return { browser, page: back.page };
  const done = await browser.get(back.location);
  return { browser, landed: new URL(done.headers.get('location') ?? '', stack.webUrl).pathname, page: done };
}

async function sessionOf(browser: Browser) {
  return (await browser.get(`${stack.webUrl}/web-api/session`)).json() as Promise<{ username: string; courses: string[] | null; globalStaff: boolean; csrfToken: string }>;
}

describe('the dashboard server', () => {
  it('signs each demo user in through the LMS and knows their courses', async () => {
    const staff = await signIn('staff');
    expect(staff.landed).toBe('/courses/');
    expect(await sessionOf(staff.browser)).toMatchObject({ username: 'staff', globalStaff: true, courses: null });
    const instructor = await signIn('instructor');
    expect((await sessionOf(instructor.browser)).courses).toEqual([site.courses[0]]);
    const courseStaff = await signIn('course_staff');
    expect((await sessionOf(courseStaff.browser)).courses).toEqual([...site.courses.slice(0, 2)].sort());
    expect((await sessionOf((await signIn('learner')).browser)).courses).toEqual([]);
  });

  it('shows each user only their courses, in pages and in data; the legacy 403 page elsewhere', async () => {
    const { browser } = await signIn('instructor');
    const [mine, other] = [site.courses[0]!, site.courses[2]!];
    const page = await browser.get(`${stack.webUrl}/courses/${mine}/enrollment/activity/`);
    expect(page.status).toBe(200);
    // The app, with the session in it (no token) and, on a chart page, the chart library preloaded.
    const html = await page.text();
    expect(html.startsWith('<!doctype html><html><head><title>app shell</title>')).toBe(true);
    const embedded = JSON.parse(/<script id="lantern-session" type="application\/json">(.*?)<\/script>/.exec(html)![1]!) as { username: string; courses: string[] };
    expect(embedded).toMatchObject({ username: 'instructor', courses: [mine] });
    expect(html).not.toMatch(/eyJ[\w-]+\./);
    const denied = await browser.get(`${stack.webUrl}/courses/${other}/`);
    expect(denied.status).toBe(403);
    expect(await denied.text()).toContain('You do not have permission to view this page. If you believe you should have access to this page, try logging out and logging in again to refresh your permissions.');
    expect((await browser.get(`${stack.webUrl}/data/api/v0/courses/${mine}/enrollment/?start_date=2000-01-01`)).status).toBe(200);
    expect((await browser.get(`${stack.webUrl}/data/api/v0/courses/${other}/enrollment/?start_date=2000-01-01`)).status).toBe(403);
    const summaries = (await (await browser.get(`${stack.webUrl}/data/api/v0/course_summaries/`)).json()) as { course_id: string }[];
    expect(summaries.map((summary) => summary.course_id)).toEqual([mine]);
    const csv = await browser.get(`${stack.webUrl}/data/api/v0/courses/${mine}/enrollment/?start_date=2000-01-01&format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await browser.get(`${stack.webUrl}/data/lms/blocks/${mine}`)).status).toBe(200);
    expect((await browser.get(`${stack.webUrl}/data/lms/blocks/${other}`)).status).toBe(403);
    const learner = await signIn('learner');
    expect((await learner.browser.get(`${stack.webUrl}/courses/`)).status).toBe(403);
  });

  it('sends visitors to sign in, and answers 401 to data requests without a session', async () => {
    const browser = new Browser();
    const page = await browser.get(`${stack.webUrl}/courses/${site.courses[0]}/`);
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe(`/login/?next=${encodeURIComponent(`/courses/${site.courses[0]}/`)}`);
    expect((await browser.get(`${stack.webUrl}/data/api/v0/course_summaries/`)).status).toBe(401);
    expect((await browser.get(`${stack.webUrl}/web-api/session`)).status).toBe(401);
  });

  it('refuses a callback it did not start, a replayed code, and a wrong password', async () => {
    const stranger = new Browser();
    const unknown = await stranger.get(`${stack.webUrl}/complete/edx-oauth2/?code=abc&state=xyz`);
    expect(unknown.status).toBe(400);

    const browser = new Browser();
    const toLms = await browser.follow(await browser.get(`${stack.webUrl}/login/`), `${stack.webUrl}/`);
    const form = await toLms.page!.text();
    const back = await browser.follow(await browser.post(formAction(form, toLms.page!.url), { ...hiddenInputs(form), username: 'staff', password: 'edx' }), `${stack.webUrl}/complete/`);
    const tampered = new URL(back.location!);
    tampered.searchParams.set('state', 'forged');
    expect((await browser.get(tampered.href)).status).toBe(400);
    // The pending sign-in is spent: the genuine answer can no longer be used either.
    expect((await browser.get(back.location!)).status).toBe(400);

    const wrong = await signIn('staff', 'not-the-password');
    expect(wrong.landed).toBeUndefined();
    expect(await wrong.page!.text()).toContain('incorrect');
  });

  it('needs the CSRF token to refresh permissions and to log out; logout ends the session and the LMS one', async () => {
    const { browser } = await signIn('course_staff');
    const { csrfToken } = await sessionOf(browser);
    expect((await browser.post(`${stack.webUrl}/web-api/permissions/refresh`, {})).status).toBe(403);
    const refreshed = await browser.post(`${stack.webUrl}/web-api/permissions/refresh`, { _csrf: csrfToken });
    expect(refreshed.status).toBe(200);
    expect((await browser.post(`${stack.webUrl}/logout/`, {})).status).toBe(403);
    const out = await browser.post(`${stack.webUrl}/logout/`, { _csrf: csrfToken });
    expect(out.status).toBe(302);
    expect(out.headers.get('location')).toContain(`${stack.lms.url}/oauth2/logout`);
    expect((await browser.get(`${stack.webUrl}/web-api/session`)).status).toBe(401);
  });

  it('keeps tokens on the server: the browser holds only the session cookie', async () => {
    const { browser, page } = await signIn('staff');
    const session = await (await browser.get(`${stack.webUrl}/web-api/session`)).text();
    expect(session).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    expect(page?.headers.getSetCookie().join(';') ?? '').not.toMatch(/eyJ/);
    const cookie = (await new Browser().get(`${stack.webUrl}/login/`)).headers.getSetCookie().join(';');
    expect(cookie).toMatch(/lantern_session=.*HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });
});

describe('the dashboard server refuses', () => {
  it('to send users off the site after sign-in or logout (open redirects, header injection)', async () => {
    for (const next of ['//evil.example/', '/\t/evil.example', '/\\evil.example', '/%0a/x'.replace('%0a', '\n'), 'https://evil.example/']) {
      const { landed } = await signIn('staff', 'edx', next);
      expect(landed, JSON.stringify(next)).toBe('/courses/');
    }
  });

  it('to forward anything but the data API\'s own paths, and posts without the CSRF token', async () => {
    const { browser } = await signIn('staff');
    for (const path of ['/data/api/../docs', '/data/api/%2e%2e/openapi.json', '/data/api/..%5chealth/']) {
      expect((await browser.get(`${stack.webUrl}${path}`)).status, path).toBe(404);
    }
    expect((await browser.post(`${stack.webUrl}/data/api/v0/course_summaries/`, {})).status).toBe(403);
  });

  it('to show a course page whose id is encoded differently to a user without that course', async () => {
    const { browser } = await signIn('instructor');
    const other = site.courses[2]!;
    const encoded = other.replace(/[+/]/g, (c) => encodeURIComponent(c));
    expect((await browser.get(`${stack.webUrl}/courses/${encoded}/`)).status).toBe(403);
  });

  it('to put the ID token in the LMS logout link', async () => {
    const { browser } = await signIn('staff');
    const { csrfToken } = await sessionOf(browser);
    const out = await browser.post(`${stack.webUrl}/logout/`, { _csrf: csrfToken });
    expect(out.headers.get('location')).not.toMatch(/id_token_hint|eyJ/);
  });
});
