import { ApiError } from '../errors.js';

/**
 * Failed sign-ins per client address in a sliding minute: past the limit, the address is refused (429) before any
 * credential is checked, so keys cannot be guessed at the speed of the server. The per-key rate limit cannot do this:
 * it only knows a key once the key is valid.
 */
export class FailureLimiter {
  readonly #max: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #failures = new Map<string, number[]>();

  constructor(max = 30, windowMs = 60_000, now: () => number = Date.now) {
    this.#max = max;
    this.#windowMs = windowMs;
    this.#now = now;
  }

  check(address: string): void {
    if (this.#recent(address).length >= this.#max) {
      throw new ApiError('rate_limited', `Too many failed sign-ins from ${address}: wait a minute.`);
    }
  }

  fail(address: string): void {
    const recent = this.#recent(address);
    recent.push(this.#now());
    this.#failures.set(address, recent);
  }

  #recent(address: string): number[] {
    const since = this.#now() - this.#windowMs;
    const recent = (this.#failures.get(address) ?? []).filter((time) => time > since);
    if (recent.length === 0) this.#failures.delete(address);
    return recent;
  }
}
