// The baseline of bench:api: a plain static file server (stat, then stream the file) over a folder, on 127.0.0.1.
// Usage: node dist/bench/static-server.js <folder> <port>
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';

const [root, port] = process.argv.slice(2);
const server = createServer(async (request, response) => {
  const file = path.join(root!, path.normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
  try {
    const info = await stat(file);
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': info.size });
    createReadStream(file).pipe(response);
  } catch {
    response.writeHead(404).end();
  }
});
server.listen(Number(port), '127.0.0.1');
process.once('SIGTERM', () => server.close());
