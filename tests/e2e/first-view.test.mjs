// The start view written into the hosted page and the offline file: in the page source, read
// and accessible before (or without) the code, laid out exactly as the app's own start view so
// the takeover moves nothing, and a tap or focus on it before the app starts is kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dist, servedDist } from './support/suite.mjs';
import { newRecordedPage } from './support/browser.mjs';
import { checkA11y, formatViolations } from './support/axe.mjs';

const suite = servedDist();
const START = 'Avascular necrosis: understand your stage';

/** Makes the aid's script stop at its run-once check, so only the written start view shows. */
const withoutTheApp = () => Object.defineProperty(window, Symbol.for('avn-aid'), { value: true });

/** The text and box of every element of the start view, in the page or in the app's shadow root. */
const layout = (fromApp) => {
  const host = document.querySelector('[data-avn-aid]');
  const root = (fromApp ? host.shadowRoot : host).querySelector('.avn-root');
  return [...root.querySelectorAll('h1, h2, p, li, a, button')].map((el) => {
    const r = el.getBoundingClientRect();
    return { tag: el.tagName === 'BUTTON' ? 'A' : el.tagName, text: el.textContent.trim(), box: [r.x, r.y, r.width, r.height].map(Math.round) };
  });
};

test('the start view is in the page source of the hosted page and the offline file', async () => {
  for (const file of ['index.html', 'avn-aid-offline.html']) {
    const html = await fs.readFile(path.join(dist, file), 'utf8');
    const body = html.slice(html.indexOf('<div data-avn-aid'), html.indexOf('<script'));
    assert.ok(body.includes(`<h1>${START}</h1>`), `${file}: the heading`);
    assert.ok(body.includes('href="#v=joint&amp;j=hip"'), `${file}: a plain link to the hip`);
    assert.ok(body.includes('href="#v=about"'), `${file}: the footer's links`);
  }
});

test('before the code runs: the view reads, passes axe, and matches the app\'s start view box for box', async () => {
  const { context, page, errors } = await newRecordedPage(suite.browser, suite.server.url, { viewport: { width: 390, height: 800 } });
  let written, hrefs;
  try {
    await page.addInitScript(withoutTheApp);
    await page.goto(`${suite.server.url}/index.html`);
    await page.getByRole('heading', { level: 1, name: START }).waitFor();
    assert.equal(await page.locator('[data-avn-aid]').evaluate((el) => el.shadowRoot), null, 'the app did not start');
    written = await page.evaluate(layout, false);
    const violations = await checkA11y(page);
    assert.equal(violations.length, 0, formatViolations(violations));
    // Every link opens a view the app knows (no "did not match a page" notice, not the start).
    hrefs = await page.locator('[data-avn-aid] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    assert.equal(hrefs.length, 13);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
  const app = await newRecordedPage(suite.browser, suite.server.url, { viewport: { width: 390, height: 800 } });
  try {
    await app.page.goto(`${suite.server.url}/index.html`);
    await app.page.locator('[data-avn-aid]').getByRole('heading', { level: 1, name: START }).waitFor();
    assert.deepEqual(await app.page.evaluate(layout, true), written, 'same words and boxes as the app');
    for (const href of hrefs) {
      await app.page.goto(`${suite.server.url}/index.html${href}`);
      const heading = app.page.locator('[data-avn-aid]').getByRole('heading', { level: 1 });
      await heading.waitFor();
      assert.notEqual(await heading.innerText(), START, href);
      assert.doesNotMatch(await app.page.locator('[data-avn-aid] .avn-aid').innerText(), /did not match a page of this guide/, href);
    }
  } finally {
    await app.context.close();
  }
});

test('a tap and a focused link before the app starts are kept when it takes over', async () => {
  for (const [name, open] of [
    ['hosted', (page) => page.goto(`${suite.server.url}/index.html`)],
    ['offline', (page) => page.goto(pathToFileURL(path.join(dist, 'avn-aid-offline.html')).href)],
  ]) {
    const tapped = await newRecordedPage(suite.browser, suite.server.url);
    try {
      // As soon as the page is read, long before the code has compiled.
      await tapped.page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
        window.__startedBeforeTap = performance.getEntriesByName('avn-aid:first-view').length > 0;
        document.querySelector('[data-avn-aid] a[href="#v=joint&j=hip"]').click();
      }));
      await open(tapped.page);
      await tapped.page.locator('[data-avn-aid]').getByRole('heading', { level: 1, name: 'AVN of the hip' }).waitFor();
      assert.equal(await tapped.page.evaluate(() => window.__startedBeforeTap), false, `${name}: tapped before the app started`);
      assert.deepEqual(tapped.errors, [], name);
    } finally {
      await tapped.context.close();
    }
  }
  const focused = await newRecordedPage(suite.browser, suite.server.url);
  try {
    await focused.page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
      document.querySelector('[data-avn-aid] a[href="#v=joint&j=wrist"]').focus();
    }));
    await focused.page.goto(`${suite.server.url}/index.html`);
    const deepActive = () => { let a = document.activeElement; while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; return `${a.tagName} ${a.textContent.trim()}`; };
    await focused.page.waitForFunction(() => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a?.tagName === 'BUTTON';
    });
    assert.equal(await focused.page.evaluate(deepActive), 'BUTTON Wrist', 'focus moves to the app\'s own Wrist button');
  } finally {
    await focused.context.close();
  }
});
