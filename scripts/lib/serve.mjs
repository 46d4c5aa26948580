// @ts-check
/**
 * A static file server on 127.0.0.1 for browser tests, the bench and `npm start`: each mount maps
 * a URL prefix to a folder. Nothing outside a mount is served. `html` rewrites every HTML page
 * served (the bench's trace strips the pages' scripts with it).
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * @param {Record<string, string>} mounts URL prefix (e.g. "/shared/") → folder
 * @param {{ html?: (text: string) => string }} [options]
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export async function serve(mounts, { html } = {}) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const prefix = Object.keys(mounts).find((p) => path.startsWith(p));
    const root = prefix && mounts[prefix];
    const file = root ? resolve(root, '.' + path.slice(prefix.length - 1)) : null;
    if (!root || !file || !(file === root || file.startsWith(root + sep))) {
      response.writeHead(404).end('not found');
      return;
    }
    try {
      const bytes = await readFile(file);
      const body = html && extname(file) === '.html' ? html(bytes.toString('utf8')) : bytes;
      const type = TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream';
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((done) => server.close(() => done(undefined))),
  };
}
