// Launches the system Chromium via playwright-core and opens pages that record requests and errors.
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launchBrowser(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    ...options,
  });
}

/** URLs that are neither data:/blob: nor on baseUrl's origin. */
export function foreignUrls(urls, baseUrl) {
  const origin = new URL(baseUrl).origin;
  return urls.filter((u) => {
    if (u.startsWith('data:') || u.startsWith('blob:')) return false;
    try {
      return new URL(u).origin !== origin;
    } catch {
      return true;
    }
  });
}

/**
 * New context + page that records every request URL, console errors (with their URL) and page errors.
 * Returns { context, page, requests, errors, foreignRequests() }; close with context.close().
 */
export async function newRecordedPage(browser, baseUrl, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (req) => requests.push(req.url()));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location()?.url || '';
    // Chromium's own /favicon.ico probe is not a page request (never in `requests`); ignore its 404.
    if (where.endsWith('/favicon.ico') && !requests.includes(where)) return;
    errors.push(`console: ${msg.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return { context, page, requests, errors, foreignRequests: () => foreignUrls(requests, baseUrl) };
}

/**
 * Resolves once the page has painted twice more: work the aid defers until after a paint
 * (moving focus to a new view's heading, the history entry) has run by then.
 */
export function afterNextPaint(page) {
  return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)))));
}
