import { createHash, randomBytes } from 'node:crypto';

/** A browser reduced to what an OAuth2 sign-in needs: a cookie jar and redirects followed by hand. */
export class Browser {
  readonly #cookies = new Map<string, string>();

  async get(url: string): Promise<Response> {
    return this.#send(url, { method: 'GET' });
  }

  async post(url: string, form: Record<string, string>): Promise<Response> {
    return this.#send(url, { method: 'POST', body: new URLSearchParams(form) });
  }

  /** Follows redirects from `response` until one leaves for `stopAt` (not fetched) or a page answers. */
  async follow(response: Response, stopAt: string): Promise<{ location?: string; page?: Response }> {
    let current = response;
    for (let hops = 0; hops < 10; hops += 1) {
      const location = current.headers.get('location');
      if (current.status < 300 || current.status >= 400 || !location) return { page: current };
      const target = new URL(location, current.url).href;
      if (target.startsWith(stopAt)) return { location: target };
      current = await this.get(target);
    }
    throw new Error('too many redirects');
  }

  async #send(url: string, init: RequestInit): Promise<Response> {
    const cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, { ...init, redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = pair.trim().split(/=(.*)/s);
      const expired = attributes.some((attribute) => /^\s*expires=.*1970/i.test(attribute)) || value === '';
      if (expired) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    return response;
  }
}

/** A PKCE pair (S256), a state and a nonce for one authorization request. */
export function authorizationSecrets(): { verifier: string; challenge: string; state: string; nonce: string } {
  const verifier = randomBytes(32).toString('base64url');
  return {
    verifier,
    challenge: createHash('sha256').update(verifier).digest('base64url'),
    state: randomBytes(12).toString('base64url'),
    nonce: randomBytes(12).toString('base64url'),
  };
}

/** The `action` of the page's first form. */
export function formAction(html: string, base: string): string {
  const action = /<form[^>]*\baction="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form in ${html.slice(0, 200)}`);
  return new URL(action.replaceAll('&amp;', '&'), base).href;
}

/** The hidden inputs of a page, by name. */
export function hiddenInputs(html: string): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const match of html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(match[0])?.[1];
    const value = /value="([^"]*)"/.exec(match[0])?.[1];
    if (name) inputs[name] = value ?? '';
  }
  return inputs;
}
