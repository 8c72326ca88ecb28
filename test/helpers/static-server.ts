import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.svg': 'image/svg+xml', '.json': 'application/json', '.wasm': 'application/wasm', '.png': 'image/png', '.ico': 'image/x-icon',
};

/**
 * Serves a built site folder on a free localhost port, as a static host would. With `mount`
 * (e.g. `/svc/`), the folder is served under that path only and everything else is a 404, as on
 * a host that publishes the site under a sub-path.
 */
export async function serveFolder(root: string, options: { mount?: string } = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const mount = options.mount ?? '/';
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!pathname.startsWith(mount)) return void response.writeHead(404).end('Not found (outside the mount path)');
    let file = path.join(root, pathname.slice(mount.length - 1));
    if (!file.startsWith(root)) return void response.writeHead(403).end();
    if ((await stat(file).catch(() => null))?.isDirectory()) file = path.join(file, 'index.html');
    const info = await stat(file).catch(() => null);
    if (!info) return void response.writeHead(404).end('Not found');
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
