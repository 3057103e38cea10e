// Self-test of the browser-test support modules: static server, recorded pages, axe checks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './support/server.mjs';
import { launchBrowser, newRecordedPage } from './support/browser.mjs';
import { checkA11y, formatViolations } from './support/axe.mjs';

const page = (title, body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><main><h1>${title}</h1>${body}</main></body></html>`;

let dir, server, browser;

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'e2e-support-'));
  await fs.writeFile(path.join(dir, 'index.html'), page('Good page', '<p>Hello.</p><button type="button">Continue</button>'));
  await fs.writeFile(path.join(dir, 'bad.html'), page('Bad page', '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button>'));
  await fs.writeFile(path.join(dir, 'leak.html'), page('Leaky page', '<img alt="x" src="http://127.0.0.2:9/x.png">'));
  await fs.writeFile(path.join(dir, 'throws.html'), page('Throws', '<script>throw new Error("boom")</script>'));
  await fs.writeFile(path.join(dir, 'app.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  server = await startServer(dir, { extraPages: { '/host.html': page('Host', '<p>CMS host</p>') } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

// Raw GET so the path is sent verbatim (fetch() would normalise "..").
const rawGet = (p) =>
  new Promise((resolve, reject) => {
    const { port } = new URL(server.url);
    http.get({ host: '127.0.0.1', port, path: p }, (res) => {
      res.resume();
      res.on('end', () => resolve(res));
    }).on('error', reject);
  });

test('server: MIME types, extra pages, 404, no traversal', async () => {
  assert.equal((await fetch(`${server.url}/app.wasm`)).headers.get('content-type'), 'application/wasm');
  const index = await fetch(`${server.url}/`);
  assert.equal(index.status, 200);
  assert.match(index.headers.get('content-type'), /^text\/html/);
  const host = await fetch(`${server.url}/host.html`);
  assert.match(await host.text(), /CMS host/);
  assert.equal((await fetch(`${server.url}/missing.js`)).status, 404);
  for (const p of ['/../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd']) {
    const res = await rawGet(p);
    assert.ok([403, 404].includes(res.statusCode), `${p} gave ${res.statusCode}`);
  }
});

test('axe: accessible page has no violations', async () => {
  const rec = await newRecordedPage(browser, server.url);
  try {
    await rec.page.goto(`${server.url}/index.html`);
    const violations = await checkA11y(rec.page);
    assert.equal(violations.length, 0, formatViolations(violations));
    assert.deepEqual(rec.foreignRequests(), []);
    assert.deepEqual(rec.errors, []);
  } finally {
    await rec.context.close();
  }
});

test('axe: inaccessible page is caught', async () => {
  const rec = await newRecordedPage(browser, server.url);
  try {
    await rec.page.goto(`${server.url}/bad.html`);
    const violations = await checkA11y(rec.page);
    const ids = violations.map((v) => v.id);
    assert.ok(ids.includes('image-alt'), formatViolations(violations));
    assert.ok(ids.includes('button-name'), formatViolations(violations));
    assert.match(formatViolations(violations), /^image-alt \[critical\] \["img"\] — /m);
    assert.deepEqual(rec.foreignRequests(), [], 'data: URLs are not foreign');
  } finally {
    await rec.context.close();
  }
});

test('foreignRequests() records a request to another origin even when it fails', async () => {
  const rec = await newRecordedPage(browser, server.url);
  try {
    await rec.page.goto(`${server.url}/leak.html`, { waitUntil: 'load' });
    assert.deepEqual(rec.foreignRequests(), ['http://127.0.0.2:9/x.png']);
    assert.ok(rec.requests.includes(`${server.url}/leak.html`));
  } finally {
    await rec.context.close();
  }
});

test('errors collects uncaught page errors', async () => {
  const rec = await newRecordedPage(browser, server.url);
  try {
    await rec.page.goto(`${server.url}/throws.html`);
    assert.deepEqual(rec.errors, ['pageerror: boom']);
  } finally {
    await rec.context.close();
  }
});
