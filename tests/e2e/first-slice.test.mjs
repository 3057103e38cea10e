// Browser tests of the first slice: a patient picks the hip and an ARCO 2019 stage and reads it,
// standalone and embedded in a host page; axe finds nothing; no request leaves the app's files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './support/server.mjs';
import { launchBrowser, newRecordedPage, afterNextPaint } from './support/browser.mjs';
import { checkA11y, formatViolations } from './support/axe.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.env.DIST_DIR || path.join(root, 'dist');
const APP_FILES = ['/'];

const hostPage = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>St Example Hospital: hip clinic</title><link rel="icon" href="data:,">
<script defer src="/avn-aid.js"></script></head>
<body><header><h1>St Example Hospital</h1><a href="#contact">Contact us</a></header>
<main><h2 id="section-2">Hip clinic</h2><p id="host-text">Our team treats hip problems.</p>
<div data-avn-aid data-lang="en"><p>Loading…</p></div>
<div data-avn-aid data-lang="xx"><p>Loading…</p></div>
<p id="contact">Call us on 0100 000 000.</p></main></body></html>`;

let server, browser;

before(async () => {
  server = await startServer(dist, { extraPages: { '/host.html': hostPage } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function expectNoAxeViolations(page, view) {
  const violations = await checkA11y(page);
  assert.equal(violations.length, 0, `axe on ${view}:\n${formatViolations(violations)}`);
}

// The focused element, looking inside the aid's shadow root.
const deepActive = `(() => { let a = document.activeElement; while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; return a; })()`;
const deepActiveTag = `${deepActive}?.tagName`;
const deepActiveText = `${deepActive}?.textContent ?? ''`;

const paths = (urls) => urls.map((u) => new URL(u).pathname);

test('a patient picks the hip and ARCO stage IIIA and reads what it means', async () => {
  const { context, page, requests, errors, foreignRequests } = await newRecordedPage(browser, server.url);
  try {
    await page.goto(`${server.url}/`);
    const h1 = page.getByRole('heading', { level: 1 });
    await assert.doesNotReject(h1.filter({ hasText: 'understand your stage' }).waitFor());
    assert.match(await page.locator('.avn-aid').innerText(), /not diagnose you/);
    assert.match(await page.locator('.avn-aid').innerText(), /Nothing you choose here leaves this device/);
    await expectNoAxeViolations(page, 'start');
    const loaded = requests.length;

    await page.getByRole('button', { name: 'Hip', exact: true }).click();
    await h1.filter({ hasText: 'AVN of the hip' }).waitFor();
    assert.equal(await afterNextPaint(page).then(() => page.evaluate(deepActiveTag)), 'H1', 'focus moves to the new heading');
    assert.match(await page.locator('.avn-aid').innerText(), /How would you like to find your stage\?/);
    await expectNoAxeViolations(page, 'hip');

    await page.getByRole('button', { name: /^ARCO 2019/ }).click();
    await h1.filter({ hasText: 'Stages in the ARCO 2019 system' }).waitFor();
    assert.equal(await afterNextPaint(page).then(() => page.evaluate(deepActiveTag)), 'H1', 'focus moves to the new heading');
    for (const group of ['Early', 'Middle', 'Late']) {
      assert.equal(await page.getByRole('heading', { level: 2, name: group, exact: true }).count(), 1, group);
    }
    const stageButtons = page.getByRole('button', { name: /^ARCO 2019 stage/ });
    assert.deepEqual(
      (await stageButtons.allInnerTexts()).map((t) => t.split('\n')[0].trim()),
      ['ARCO 2019 stage I', 'ARCO 2019 stage II', 'ARCO 2019 stage IIIA', 'ARCO 2019 stage IIIB', 'ARCO 2019 stage IV'],
    );
    await expectNoAxeViolations(page, 'ARCO 2019 system');

    await page.getByRole('button', { name: /ARCO 2019 stage IIIA/ }).click();
    await h1.filter({ hasText: 'ARCO 2019 stage IIIA' }).waitFor();
    assert.equal(await afterNextPaint(page).then(() => page.evaluate(deepActiveTag)), 'H1', 'focus moves to the new heading');
    const text = await page.locator('.avn-aid').innerText();
    assert.match(text, /Stage group\s*Middle/);
    assert.match(text, /After collapse/);
    assert.match(text, /crack/i);
    assert.match(text, /Can it get better\?/);
    assert.match(text, /How sure the research is:\s*low/);
    assert.match(text, /When to get help/);
    assert.match(text, /Yoon BH, Mont MA, Koo KH/);
    await expectNoAxeViolations(page, 'stage IIIA');

    await page.getByRole('button', { name: 'Back' }).click();
    await h1.filter({ hasText: 'Stages in the ARCO 2019 system' }).waitFor();
    await page.getByRole('button', { name: 'Back' }).click();
    await h1.filter({ hasText: 'AVN of the hip' }).waitFor();

    // The hosted page keeps the place in the fragment; back at the joint it names the hip.
    await afterNextPaint(page);
    assert.match(new URL(page.url()).hash, /^#v=joint&j=hip(&|$)/, 'the hosted page keeps its place in the fragment');
    assert.deepEqual(paths(requests).sort(), [...APP_FILES].sort(), 'only the app files were requested');
    assert.equal(requests.length, loaded, 'no request after start-up');
    assert.deepEqual(foreignRequests(), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('keyboard only: Tab and Enter reach the hip, the ARCO 2019 system and then a stage', async () => {
  const { context, page, errors } = await newRecordedPage(browser, server.url);
  try {
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Hip', exact: true }).waitFor();
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(deepActiveText)) === 'Hip') break;
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'AVN of the hip' }).waitFor();
    assert.equal(await afterNextPaint(page).then(() => page.evaluate(deepActiveTag)), 'H1', 'focus moves to the new heading');
    // From the focused heading, Tab forward to the ARCO 2019 system.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(deepActiveText)).startsWith('ARCO 2019')) break;
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Stages in the ARCO 2019 system' }).waitFor();
    assert.equal(await afterNextPaint(page).then(() => page.evaluate(deepActiveTag)), 'H1', 'focus moves to the new heading');
    // Then Tab forward to stage I.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate(deepActiveText);
      if (label.startsWith('ARCO 2019 stage I') && !label.startsWith('ARCO 2019 stage II')) break;
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'ARCO 2019 stage I' }).waitFor();
    assert.equal(await afterNextPaint(page).then(() => page.evaluate(deepActiveTag)), 'H1', 'focus moves to the new heading');
    assert.match(await page.locator('.avn-aid').innerText(), /Before collapse/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('embedded in a host page: the host is untouched and each instance keeps its own place', async () => {
  const { context, page, errors, foreignRequests } = await newRecordedPage(browser, server.url);
  try {
    await page.goto(`${server.url}/host.html#section-2`);
    const aids = page.locator('[data-avn-aid]');
    const first = aids.nth(0);
    const second = aids.nth(1);
    await first.getByRole('button', { name: 'Hip', exact: true }).waitFor();
    await second.getByRole('button', { name: 'Hip', exact: true }).waitFor();

    await first.getByRole('button', { name: 'Hip', exact: true }).click();
    await first.getByRole('button', { name: /^ARCO 2019/ }).click();
    await first.getByRole('button', { name: /ARCO 2019 stage IV/ }).click();
    await first.getByRole('heading', { level: 1, name: 'ARCO 2019 stage IV' }).waitFor();

    assert.equal(await second.getByRole('heading', { level: 1 }).innerText(), 'Avascular necrosis: understand your stage');
    assert.equal(await page.locator('header h1').innerText(), 'St Example Hospital');
    assert.equal(await page.locator('#host-text').innerText(), 'Our team treats hip problems.');
    assert.equal(await page.locator('#contact').innerText(), 'Call us on 0100 000 000.');
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).hash, '/host.html#section-2');
    assert.match(await second.locator(".avn-aid").innerText(), /not available in the language "xx" yet/);
    await expectNoAxeViolations(page, 'host page with two instances');
    assert.deepEqual(foreignRequests(), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
