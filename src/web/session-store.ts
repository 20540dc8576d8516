import type { Session } from 'fastify';
import type { SessionStore } from '@fastify/session';

type Callback = (error?: unknown) => void;

/**
 * Sessions in memory that expire (the plugin's own store never forgets one), at most `maxSessions` of them: a
 * flood of anonymous sign-in attempts costs bounded memory. One server only; several behind one address need a
 * shared store.
 */
export class ExpiringSessionStore implements SessionStore {
  readonly #ttlMs: number;
  readonly #maxSessions: number;
  readonly #now: () => number;
  readonly #sessions = new Map<string, { session: Session; expires: number }>();

  constructor(ttlMs: number, maxSessions = 100_000, now: () => number = Date.now) {
    this.#ttlMs = ttlMs;
    this.#maxSessions = maxSessions;
    this.#now = now;
  }

  set(sessionId: string, session: Session, callback: Callback): void {
    this.#sessions.delete(sessionId);
    if (this.#sessions.size >= this.#maxSessions) this.#sweep();
    // Still full of live sessions: the oldest goes (the Map keeps insertion order).
    if (this.#sessions.size >= this.#maxSessions) this.#sessions.delete(this.#sessions.keys().next().value!);
    this.#sessions.set(sessionId, { session, expires: this.#now() + this.#ttlMs });
    callback();
  }

  get(sessionId: string, callback: (error: unknown, session?: Session | null) => void): void {
    const entry = this.#sessions.get(sessionId);
    if (entry && entry.expires <= this.#now()) this.#sessions.delete(sessionId);
    callback(null, entry && entry.expires > this.#now() ? entry.session : null);
  }

  destroy(sessionId: string, callback: Callback): void {
    this.#sessions.delete(sessionId);
    callback();
  }

  get size(): number {
    return this.#sessions.size;
  }

  #sweep(): void {
    const now = this.#now();
    for (const [id, entry] of this.#sessions) if (entry.expires <= now) this.#sessions.delete(id);
  }
}
