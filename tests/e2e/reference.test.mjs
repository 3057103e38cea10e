// The static full reference (no script): every stage readable, accessible, nothing requested.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newRecordedPage } from './support/browser.mjs';
import { servedDist } from './support/suite.mjs';
import { checkA11y, formatViolations } from './support/axe.mjs';

const suite = servedDist();

test('the static reference shows every ARCO stage without script, passes axe, and requests nothing else', async () => {
  // The page has no script of its own (its CSP allows none); axe needs script, so it stays on.
  const { context, page, requests, errors } = await newRecordedPage(suite.browser, suite.server.url);
  try {
    await page.goto(`${suite.server.url}/avn-aid-reference.html`);
    for (const code of ['I', 'II', 'IIIA', 'IIIB', 'IV']) {
      assert.equal(await page.getByRole('heading', { level: 4, name: `ARCO 2019 stage ${code}`, exact: true }).count(), 1, code);
    }
    assert.match(await page.locator('body').innerText(), /Yoon BH, Mont MA, Koo KH/);
    const violations = await checkA11y(page);
    assert.equal(violations.length, 0, formatViolations(violations));
    assert.equal(await page.locator('script').count(), 0);
    assert.deepEqual(requests.map((u) => new URL(u).pathname), ['/avn-aid-reference.html']);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('with JavaScript off, the hosted page points to the full reference', async () => {
  const { context, page } = await newRecordedPage(suite.browser, suite.server.url, { javaScriptEnabled: false });
  try {
    await page.goto(`${suite.server.url}/`);
    const link = page.getByRole('link', { name: 'Read the full reference without it' });
    assert.equal(await link.getAttribute('href'), 'avn-aid-reference.html');
  } finally {
    await context.close();
  }
});
