import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/** A fresh folder for one test file, removed when the file's tests end. */
export async function tempDir(prefix = 'lantern-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export const CONFORMANCE_INPUT = path.resolve(import.meta.dirname, '../../../shared/conformance/input');
