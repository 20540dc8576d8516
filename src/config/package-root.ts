import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Lantern's package.json (found by walking up from this module: src/ or dist/src/) and its folder. */
export function lanternPackage(): { readonly root: string; readonly version: string } {
  for (let dir = new URL('.', import.meta.url); dir.pathname !== '/'; dir = new URL('..', dir)) {
    try {
      const manifest = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'lantern') return { root: fileURLToPath(dir), version: manifest.version ?? '0.0.0' };
    } catch {
      // not here: keep walking up
    }
  }
  throw new Error('cannot find the lantern package.json above this module');
}
