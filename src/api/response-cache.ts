import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ReportsStore } from '../store/reports-store.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: the route's answers are never kept (links that expire, files outside the store). */
    responseCache?: boolean;
  }
}

export interface ResponseCacheSettings {
  /** How long an answer is kept at most (a store written by other tools changes without a marker). */
  readonly ttlMs: number;
  /** The most bytes of answers kept; the least recently used go first. */
  readonly maxBytes: number;
}

interface Entry {
  readonly version: string;
  readonly expires: number;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly payload: Buffer;
}

const KEPT_HEADERS = ['content-type', 'content-disposition'];

/**
 * Keeps the answers of the report routes, per user and request, until the store's reports change: every publish
 * writes a task marker in the same transaction as its tables, so the markers' fingerprints are the data's version
 * (one small query per request). Only 200 answers are kept. A route whose answer must be fresh (links that
 * expire, files outside the store) sets `config: { responseCache: false }`.
 */
export function registerResponseCache(app: FastifyInstance, store: ReportsStore, settings: ResponseCacheSettings, now: () => number = Date.now): void {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  const versions = new WeakMap<FastifyRequest, string>();

  // Hashed: a long POST body or scope costs 64 bytes here, not its length.
  const keyOf = (request: FastifyRequest) =>
    createHash('sha256')
      .update(JSON.stringify([request.principal.username, request.principal.scopeKey, request.method, request.url, request.headers.accept ?? '', request.body ?? null]))
      .digest('hex');

  const forget = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.payload.byteLength;
    entries.delete(key);
  };

  // Before the routes' own access checks: safe because the key holds the user and the scope, so an answer is only
  // ever handed to a request that was allowed it.
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.routeOptions.config.responseCache === false) return;
    const version = await storeVersion(store);
    versions.set(request, version);
    const key = keyOf(request);
    const entry = entries.get(key);
    if (!entry) return;
    if (entry.version !== version || entry.expires <= now()) return forget(key);
    // Most recently used last: the Map's order is the eviction order.
    entries.delete(key);
    entries.set(key, entry);
    return reply.status(entry.status).headers(entry.headers).send(entry.payload);
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const version = versions.get(request);
    if (version === undefined || reply.statusCode !== 200 || typeof payload !== 'string' || payload.length > settings.maxBytes / 4) return payload;
    const key = keyOf(request);
    if (entries.has(key)) return payload;
    const headers = Object.fromEntries(KEPT_HEADERS.flatMap((name) => (reply.hasHeader(name) ? [[name, String(reply.getHeader(name))]] : [])));
    // Kept encoded: a hit then costs no serialization and no re-encoding.
    const body = Buffer.from(payload, 'utf8');
    entries.set(key, { version, expires: now() + settings.ttlMs, status: 200, headers, payload: body });
    bytes += body.byteLength;
    for (const oldest of entries.keys()) {
      if (bytes <= settings.maxBytes) break;
      forget(oldest);
    }
    return payload;
  });
}

/** The fingerprints of every published task: they change, in the same transaction, whenever a report does. */
async function storeVersion(store: ReportsStore): Promise<string> {
  const markers = await store.db.selectFrom('lantern_task_markers').select(['task_id', 'fingerprint']).orderBy('task_id').execute();
  return markers.map((marker) => `${marker.task_id}=${marker.fingerprint}`).join('\n');
}
