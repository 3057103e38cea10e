// Minimal static file server on 127.0.0.1 (random port) for browser tests; can also serve in-memory extra pages.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

export function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Serve `rootDir` (and optional `extraPages`: { '/host.html': '<html>…' }) on 127.0.0.1.
 * Returns { url, port, close() }; `url` has no trailing slash, e.g. http://127.0.0.1:41234
 */
export async function startServer(rootDir, { extraPages = {} } = {}) {
  const root = path.resolve(rootDir);

  const server = http.createServer(async (req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
      let pathname;
      try {
        pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      } catch {
        return send(400, 'bad request');
      }
      if (pathname.includes('\0')) return send(400, 'bad request');

      if (Object.hasOwn(extraPages, pathname)) {
        return send(200, extraPages[pathname], mimeType(pathname.endsWith('/') ? 'x.html' : pathname));
      }

      let file = path.resolve(root, '.' + pathname);
      if (file !== root && !file.startsWith(root + path.sep)) return send(403, 'forbidden');
      let stat = await fs.stat(file).catch(() => null);
      if (stat?.isDirectory()) {
        file = path.join(file, 'index.html');
        stat = await fs.stat(file).catch(() => null);
      }
      if (!stat?.isFile()) return send(404, 'not found');
      // Refuse symlinks that point outside the root.
      const real = await fs.realpath(file);
      const realRoot = await fs.realpath(root);
      if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return send(403, 'forbidden');
      send(200, await fs.readFile(file), mimeType(file));
    } catch (err) {
      send(500, String(err));
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
