// Writes .gz and .br beside every built dashboard asset, so the server sends them compressed without spending CPU
// on each request (@fastify/static preCompressed).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const assets = path.resolve(import.meta.dirname, '..', 'dist', 'web', 'client', 'assets');
for (const name of await readdir(assets)) {
  if (!/\.(js|css|json|svg)$/.test(name)) continue;
  const content = await readFile(path.join(assets, name));
  await writeFile(path.join(assets, `${name}.gz`), gzipSync(content, { level: 9 }));
  await writeFile(path.join(assets, `${name}.br`), brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}
