import { LmsApiError } from './lms-api-error.js';

export { LmsApiError };

export interface LmsApiSettings {
  /** The LMS root, e.g. https://lms.example.com. */
  readonly baseUrl: string;
  /** An OAuth2 application of the LMS with the client-credentials grant. */
  readonly clientId: string;
  readonly clientSecret: string;
  /** Courses per page of the course list (the legacy `[course-list] page_size`). */
  readonly pageSize?: number;
  /** Abandons a call after this long (default 60 s). */
  readonly timeoutMs?: number;
}

/** The raw answers the structure tables are derived from (see reports/structure). */
export interface LmsStructureAnswers {
  /** The entries of `results` of every page of the course list. */
  readonly courses: unknown[];
  /** Per course, the blocks answer with its `course_id` added, as the legacy task stored it. */
  readonly blocks: unknown[];
}

/** Asked of the blocks API: the outline (children); id, type and display_name come by default. */
const BLOCK_FIELDS = ['children'];
const TOKEN_MARGIN_MS = 60_000;
/** More pages than any LMS has: a `next` link that never ends is a broken LMS, not a big one. */
const MAX_PAGES = 10_000;

/**
 * The LMS REST APIs Lantern reads (course list and course blocks), authenticated as an OAuth2 client: a JWT access
 * token from `<LMS>/oauth2/access_token` (client credentials), kept until shortly before it expires.
 */
export class LmsApiClient {
  readonly #settings: LmsApiSettings;
  readonly #base: string;
  #token: { value: string; expires: number } | undefined;

  constructor(settings: LmsApiSettings) {
    this.#settings = settings;
    this.#base = settings.baseUrl.replace(/\/+$/, '');
  }

  /** Every course of the course list API, following its pages. */
  async courses(): Promise<unknown[]> {
    const first = new URL(`${this.#base}/api/courses/v1/courses/`);
    first.searchParams.set('page_size', String(this.#settings.pageSize ?? 100));
    return this.#allPages(first.href, 'courses');
  }

  /**
   * The ids of the courses where the user is on the course team (staff or instructor role), from the course_ids API
   * (every course for LMS global staff). Org-wide roles do not count, as in the LMS.
   */
  async staffCourseIds(username: string): Promise<string[]> {
    const first = new URL(`${this.#base}/api/courses/v1/course_ids/`);
    first.searchParams.set('username', username);
    first.searchParams.set('role', 'staff');
    first.searchParams.set('page_size', '1000');
    return (await this.#allPages(first.href, 'course ids')).filter((id): id is string => typeof id === 'string');
  }

  /** The `results` of every page of a paged LMS API. */
  async #allPages(firstUrl: string, what: string): Promise<unknown[]> {
    const results: unknown[] = [];
    let next: string | null = firstUrl;
    for (let page = 0; next !== null; page++) {
      if (page >= MAX_PAGES) throw new LmsApiError(next, undefined, `GET ${next}: more than ${MAX_PAGES} pages of ${what}`);
      const answer = (await this.#getJson(next)) as { results?: unknown; pagination?: { next?: unknown }; next?: unknown } | null;
      if (!answer || !Array.isArray(answer.results)) throw new LmsApiError(next, 200, `GET ${next}: the answer has no results list`);
      results.push(...answer.results);
      // Older releases put `next` at the top level, newer ones under `pagination`.
      const link = answer.pagination?.next ?? answer.next;
      next = typeof link === 'string' && link !== '' ? new URL(link, next).href : null;
    }
    return results;
  }

  /** A course's blocks answer (`root`, `blocks`), or null when the LMS no longer has the course (404). */
  async courseBlocks(courseId: string, requestedFields: readonly string[] = BLOCK_FIELDS): Promise<Record<string, unknown> | null> {
    const url = new URL(`${this.#base}/api/courses/v1/blocks/`);
    url.searchParams.set('course_id', courseId);
    url.searchParams.set('all_blocks', 'true');
    url.searchParams.set('depth', 'all');
    url.searchParams.set('requested_fields', requestedFields.join(','));
    const answer = await this.#getJson(url.href, { notFound: null });
    return answer === null ? null : (answer as Record<string, unknown>);
  }

  /** The course's grading policy (assignment types with weights), or null when the LMS does not know the course. */
  async gradingPolicy(courseId: string): Promise<unknown[] | null> {
    const url = `${this.#base}/api/grades/v1/policy/courses/${encodeURIComponent(courseId)}/`;
    const answer = await this.#getJson(url, { notFound: null });
    if (answer === null) return null;
    if (!Array.isArray(answer)) throw new LmsApiError(url, 200, `GET ${url}: the answer is not a list of assignment types`);
    return answer;
  }

  /** The course list and every listed course's blocks; a course deleted since it was listed is left out. */
  async structure(): Promise<LmsStructureAnswers> {
    const courses = await this.courses();
    const blocks: unknown[] = [];
    for (const course of courses) {
      const fields = (course ?? {}) as Record<string, unknown>;
      const courseId = fields['id'] ?? fields['course_id'];
      if (typeof courseId !== 'string') continue;
      const answer = await this.courseBlocks(courseId);
      if (answer) blocks.push({ ...answer, course_id: courseId });
    }
    return { courses, blocks };
  }

  /** The access token, fetched again when it is about to expire. */
  async accessToken(): Promise<string> {
    if (this.#token && this.#token.expires > Date.now()) return this.#token.value;
    const url = `${this.#base}/oauth2/access_token`;
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.#settings.clientId,
      client_secret: this.#settings.clientSecret,
      token_type: 'jwt',
    });
    const response = await this.#send(url, { method: 'POST', body, headers: { accept: 'application/json' } });
    if (!response.ok) throw await statusError('POST', url, response);
    const answer = (await readJson('POST', url, response)) as { access_token?: unknown; expires_in?: unknown } | null;
    if (typeof answer?.access_token !== 'string') throw new LmsApiError(url, response.status, `POST ${url}: the answer has no access_token`);
    const lifetime = typeof answer.expires_in === 'number' ? answer.expires_in * 1000 : 3_600_000;
    this.#token = { value: answer.access_token, expires: Date.now() + Math.max(0, lifetime - TOKEN_MARGIN_MS) };
    return answer.access_token;
  }

  async #getJson(url: string, options: { notFound?: null } = {}): Promise<unknown> {
    let response = await this.#get(url);
    if (response.status === 401 && this.#token) {
      // A token revoked or expired early: one fresh token, then the 401 stands.
      this.#token = undefined;
      response = await this.#get(url);
    }
    if (response.status === 404 && 'notFound' in options) return options.notFound;
    if (!response.ok) throw await statusError('GET', url, response);
    return readJson('GET', url, response);
  }

  async #get(url: string): Promise<Response> {
    const token = await this.accessToken();
    return this.#send(url, { headers: { authorization: `JWT ${token}`, accept: 'application/json' } });
  }

  async #send(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(this.#settings.timeoutMs ?? 60_000) });
    } catch (error) {
      const method = init.method ?? 'GET';
      throw new LmsApiError(url, undefined, `${method} ${url} failed: ${(error as Error).message}`, { cause: error });
    }
  }
}

async function statusError(method: string, url: string, response: Response): Promise<LmsApiError> {
  const text = (await response.text().catch(() => '')).slice(0, 200).replace(/\s+/g, ' ').trim();
  const detail = text ? `: ${text}` : '';
  const status = response.statusText ? `${response.status} ${response.statusText}` : String(response.status);
  return new LmsApiError(url, response.status, `${method} ${url} answered HTTP ${status}${detail}`);
}

async function readJson(method: string, url: string, response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch (error) {
    throw new LmsApiError(url, response.status, `${method} ${url}: the answer is not JSON`, { cause: error });
  }
}
