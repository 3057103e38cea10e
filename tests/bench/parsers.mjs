// Times what a hostile link or a tampered saved entry costs at start and in an open tab, at 4x
// CPU, for a dist folder (this build, or another for comparison). A measurement, not a test:
//   node tests/bench/parsers.mjs [DIST_DIR] [saved-prefix] [fragment|saved|embed]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../e2e/support/server.mjs';
import { launchBrowser } from '../e2e/support/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.argv[2] || path.join(root, 'dist');
const saved = process.argv[3] || 'avn2.AAAAAAAAAAAA';
const only = process.argv[4];
const measures = (part) => !only || only === part;
const MB = 1024 * 1024;
// A host page whose embed carries every text attribute at a given size (2 MB: a hostile CMS).
const hostPage = (bytes, withAid = true) => {
  const long = 'A'.repeat(bytes);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<link rel="icon" href="data:,">${withAid ? '<script defer src="/avn-aid.js"></script>' : ''}</head><body>
<div data-avn-aid data-hospital="${long}" data-disclaimer="${long}" data-contact-url="https://h.example/${long}"
  data-accent="${long}" data-joint="${long}" data-lang="${long}"></div></body></html>`;
};
const server = await startServer(dist, {
  extraPages: { '/host-plain.html': hostPage(10), '/host-2mb.html': hostPage(2 * MB), '/host-2mb-alone.html': hostPage(2 * MB, false) },
});
const browser = await launchBrowser();
// Distinct keys, as in the report that found the slow check for repeated keys (one repeated
// key, or the first unknown one, would let any parser stop at once).
const fragment = (bytes) => {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const pair = `k${i}=1`;
    parts.push(pair);
    size += pair.length + 1;
  }
  return parts.join('&');
};

async function page4x() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return { context, page };
}

const LIMIT_MS = 120000;
// Prints each figure as it comes, so a build that hangs still reports what it did finish.
const report = (what, ms) => console.log(`${what.padEnd(42)} ${ms === null ? `  > ${LIMIT_MS / 1000} s (gave up)` : `${ms.toFixed(0).padStart(7)} ms`}`);
const within = (promise) =>
  Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve(null), LIMIT_MS))]);
// The same hash change on the static reference page (no script): what the browser itself costs.
for (const mb of measures('fragment') ? [0.34, 1.9] : []) {
  const { context, page } = await page4x();
  await page.goto(`${server.url}/avn-aid-reference.html`);
  const ms = await page.evaluate(async (text) => {
    const t0 = performance.now();
    location.hash = text;
    await new Promise((r) => window.addEventListener('hashchange', () => setTimeout(r, 0), { once: true }));
    return performance.now() - t0;
  }, fragment(mb * MB));
  report(`fragment of ${mb} MB, page without the aid`, ms);
  await context.close();
}
for (const mb of measures('fragment') ? [0.34, 1.9] : []) {
  // An open tab: the hash changes and the aid reads it (popstate).
  const { context, page } = await page4x();
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => performance.getEntriesByName('avn-aid:first-view').length > 0);
  const ms = await within(
    page.evaluate(async (text) => {
      const t0 = performance.now();
      location.hash = text;
      await new Promise((r) => window.addEventListener('hashchange', () => setTimeout(r, 0), { once: true }));
      return performance.now() - t0;
    }, fragment(mb * MB)),
  );
  report(`fragment of ${mb} MB typed into an open tab`, ms);
  await context.close().catch(() => {});
}
if (measures('saved')) {
  // A tampered saved entry: readable answers with a 1.9 MB place after them, then a reload.
  const { context, page } = await page4x();
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => performance.getEntriesByName('avn-aid:first-view').length > 0);
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('avn-aid:first-view').length > 0);
  const clean = await page.evaluate(() => performance.getEntriesByName('avn-aid:first-view')[0].startTime);
  await page.evaluate(([s, place]) => localStorage.setItem('avn-aid:answers', `${s}\n${place}`), [saved, fragment(1.9 * MB)]);
  await page.reload();
  report('start-up (reload), clean', clean);
  const started = await page
    .waitForFunction(() => performance.getEntriesByName('avn-aid:first-view').length > 0, null, { timeout: LIMIT_MS })
    .then(() => true, () => false);
  const tampered = started
    ? await page.evaluate(() => performance.getEntriesByName('avn-aid:first-view')[0].startTime)
    : null;
  report('start-up with a 1.9 MB saved place', tampered);
  await context.close().catch(() => {});
}
// Start-up varies run to run by more than the attributes cost, so each embed is timed 5 times
// and the median reported.
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [what, url] of measures('embed') ? [
  ['embed with short attributes, first view', '/host-plain.html'],
  ['embed with 2 MB attributes, first view', '/host-2mb.html'],
] : []) {
  const views = [];
  for (let run = 0; run < 5; run++) {
    const { context, page } = await page4x();
    await page.goto(`${server.url}${url}`);
    const started = await page
      .waitForFunction(() => performance.getEntriesByName('avn-aid:first-view').length > 0, null, { timeout: LIMIT_MS })
      .then(() => true, () => false);
    if (started) views.push(await page.evaluate(() => performance.getEntriesByName('avn-aid:first-view')[0].startTime));
    await context.close().catch(() => {});
  }
  report(`${what} (median of 5)`, views.length === 5 ? median(views) : null);
}
if (measures('embed')) {
  // What the browser itself spends reading the 12 MB host page, with no aid on it.
  const loads = [];
  for (let run = 0; run < 5; run++) {
    const { context, page } = await page4x();
    await page.goto(`${server.url}/host-2mb-alone.html`);
    loads.push(await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd));
    await context.close();
  }
  report('the 2 MB host page alone, loaded (median of 5)', median(loads));
}
await browser.close();
await server.close();
