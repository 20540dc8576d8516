/** Same-origin calls to the dashboard server. 401 anywhere sends the browser to the sign-in page. */

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string | null, message: string) {
    super(message);
  }
}

export function loginUrl(): string {
  return `/login/?next=${encodeURIComponent(window.location.pathname + window.location.search)}`;
}

export async function requestJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' }, ...init });
  if (res.status === 401) {
    window.location.assign(loginUrl());
    throw new ApiError(401, null, 'Not signed in');
  }
  if (!res.ok) {
    let code: string | null = null;
    try {
      const body = (await res.json()) as { error_code?: string };
      code = body.error_code ?? null;
    } catch {
      // not JSON
    }
    throw new ApiError(res.status, code, `${res.status} ${res.statusText}`);
  }
  return (await res.json()) as T;
}

/** The data API v0 proxy: `/data/api/v0/<path>`. */
export function dataUrl(path: string, params?: Record<string, string | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined) qs.set(k, v);
  const s = qs.toString();
  return `/data/api/v0/${path.replace(/^\//, '')}${s ? `?${s}` : ''}`;
}

/** The same URL answering CSV (`format=csv`). */
export function csvUrl(url: string): string {
  return url + (url.includes('?') ? '&' : '?') + 'format=csv';
}

/** Today's and tomorrow's UTC date; end_date is exclusive, so tomorrow includes today's rows. */
export function utcDate(offsetDays = 0): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}
