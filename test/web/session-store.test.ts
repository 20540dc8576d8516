import type { Session } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ExpiringSessionStore } from '../../src/web/session-store.js';

const read = (store: ExpiringSessionStore, id: string) =>
  new Promise<unknown>((resolve) => store.get(id, (_error, session) => resolve(session)));
const write = (store: ExpiringSessionStore, id: string, value: string) =>
  new Promise<void>((resolve) => store.set(id, { value } as unknown as Session, () => resolve()));

describe('the session store', () => {
  it('forgets a session after its lifetime, and keeps at most its size', async () => {
    let clock = 0;
    const store = new ExpiringSessionStore(1000, 3, () => clock);
    await write(store, 'a', '1');
    expect(await read(store, 'a')).toEqual({ value: '1' });
    clock = 1000;
    expect(await read(store, 'a')).toBeNull();
    for (const id of ['b', 'c', 'd', 'e']) await write(store, id, id);
    expect(store.size).toBe(3);
    expect(await read(store, 'b')).toBeNull();
    expect(await read(store, 'e')).toEqual({ value: 'e' });
  });
});
