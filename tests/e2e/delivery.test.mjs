// Browser proofs for the three ways the aid reaches patients (hosted page, CMS embed, single-file
// offline copy): no request after the app's own files, no cookie or storage, no CSP violation,
// style isolation both ways with a hostile host page, safe handling of bad configuration, and a
// friendly message (not a blank box, not a broken host) when the app panics.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from './support/server.mjs';
import { launchBrowser, newRecordedPage } from './support/browser.mjs';
import { checkA11y, formatViolations } from './support/axe.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.env.DIST_DIR || path.join(root, 'dist');
const panicDist = process.env.DIST_TEST_PANIC_DIR || path.join(root, 'target/dist-test-panic');
const STAGES = ['I', 'II', 'IIIA', 'IIIB', 'IV'];

// A hospital page with a strict policy of its own, hostile global CSS, its own script, and two
// instances: one fully configured, one configured badly.
const HOSTILE_CSS = `
  html { font-size: 10px; }
  * { font-family: serif !important; color: rgb(255, 0, 0) !important; letter-spacing: 3px; }
  button { background: rgb(255, 0, 0) !important; font-size: 8px !important; }
  h1 { font-size: 80px; text-transform: uppercase; }
  div { border: 5px solid rgb(0, 255, 0); padding: 20px; }`;
const hostPage = (withAid) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src data:; connect-src 'none'">
<title>St Example Hospital</title><link rel="icon" href="data:,"><style>${HOSTILE_CSS}</style>
<script defer src="/host.js"></script>${withAid ? '<script defer src="/avn-aid.js"></script>' : ''}</head>
<body><header><h1>St Example Hospital</h1></header>
<main><p id="host-text">Our hip team.</p><button id="host-button" type="button">Clicked 0 times</button>
<div class="host-box">A host box</div>
<div id="aid-one" data-avn-aid data-lang="en" data-hospital="St Example Hospital"
  data-contact-url="https://hospital.example/book" data-accent="#7a1f5c" data-joint="hip"
  data-disclaimer="This guide does not replace advice from your own care team."></div>
<div id="aid-two" data-avn-aid data-lang="zz" data-contact-url="javascript:alert(1)" data-accent="url(x)"
  data-joint="elbow"></div>
</main></body></html>`;
const hostScript = `document.getElementById('host-button').addEventListener('click', function () {
  this.dataset.count = String(Number(this.dataset.count || 0) + 1);
  this.textContent = 'Clicked ' + this.dataset.count + ' times';
});`;

let server, panicServer, browser;

before(async () => {
  const extraPages = { '/host.html': hostPage(true), '/host-baseline.html': hostPage(false), '/host.js': hostScript };
  server = await startServer(dist, { extraPages });
  panicServer = await startServer(panicDist, { extraPages });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await panicServer?.close();
});

/** A recorded page that also collects Content-Security-Policy violations. */
async function openPage(baseUrl) {
  const recorded = await newRecordedPage(browser, baseUrl);
  await recorded.page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return recorded;
}

const cspViolations = (page) => page.evaluate(() => window.__csp);

/** Cookies and every kind of web storage the page's origin holds. */
async function storedData(context, page) {
  const cookies = await context.cookies();
  const storage = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).length,
    caches: typeof caches === 'undefined' ? 0 : (await caches.keys()).length,
  }));
  return { cookies: cookies.length, ...storage };
}

/** Walks every view of one instance: start, the hip, the ARCO 2019 system, each stage and back, then start again. */
async function walkEveryView(aid) {
  const h1 = aid.getByRole('heading', { level: 1 });
  if (await aid.getByRole('button', { name: 'Hip', exact: true }).count()) {
    await aid.getByRole('button', { name: 'Hip', exact: true }).click();
  }
  await h1.filter({ hasText: 'AVN of the hip' }).waitFor();
  await aid.getByRole('button', { name: /^ARCO 2019/ }).click();
  await h1.filter({ hasText: 'Stages in the ARCO 2019 system' }).waitFor();
  for (const code of STAGES) {
    await aid.getByRole('button', { name: new RegExp(`^ARCO 2019 stage ${code}\\b`) }).click();
    await h1.filter({ hasText: `ARCO 2019 stage ${code}` }).waitFor();
    await aid.getByRole('button', { name: 'Back' }).click();
    await h1.filter({ hasText: 'Stages in the ARCO 2019 system' }).waitFor();
  }
  await aid.getByRole('button', { name: 'Start again' }).click();
  await h1.filter({ hasText: 'understand your stage' }).waitFor();
}

const NOTHING_STORED = { cookies: 0, local: 0, session: 0, indexedDB: 0, caches: 0 };

/**
 * The privacy proof every output must pass: exactly the expected requests (paths, or whole URLs
 * for file://), none to another origin, no CSP violation, nothing stored, no error.
 */
async function assertNothingLeaked({ context, page, requests, errors, foreignRequests }, expected) {
  const shown = requests.map((u) => (u.startsWith('file:') ? u : new URL(u).pathname));
  assert.deepEqual(shown, expected, 'requests');
  assert.deepEqual(foreignRequests(), []);
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(await storedData(context, page), NOTHING_STORED);
  assert.deepEqual(errors, []);
}

test('hosted: one request, strict CSP, offline link, and no request, cookie or storage after a full walk', async () => {
  const recorded = await openPage(server.url);
  const { context, page, requests } = recorded;
  try {
    await page.goto(`${server.url}/`);
    const aid = page.locator('[data-avn-aid]');
    await aid.getByRole('button', { name: 'Hip', exact: true }).waitFor();
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /connect-src 'none'/);
    assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval';/);
    const offline = page.getByRole('link', { name: 'Save this guide to use it offline' });
    assert.equal(await offline.getAttribute('href'), 'avn-aid-offline.html');
    assert.notEqual(await offline.getAttribute('download'), null);
    const atStart = requests.length;

    await walkEveryView(aid);

    assert.equal(requests.length, atStart, 'zero requests after start-up');
    await assertNothingLeaked(recorded, ['/']);
  } finally {
    await context.close();
  }
});

test('offline: the single file opens from disk, shows its content version, and requests nothing else', async () => {
  const file = pathToFileURL(path.join(dist, 'avn-aid-offline.html')).href;
  const recorded = await openPage('file://');
  const { context, page } = recorded;
  try {
    await page.goto(file);
    const aid = page.locator('[data-avn-aid]');
    await aid.getByRole('button', { name: 'Hip', exact: true }).waitFor();
    assert.match(await aid.locator('.avn-footer').innerText(), /Content version \d+\.\d+\.\d+\. Last reviewed \d{4}-\d\d-\d\d · Next review due \d{4}-\d\d-\d\d/);
    assert.match(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'), /script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
    await walkEveryView(aid);
    await aid.getByRole('button', { name: 'Hip', exact: true }).click();
    await aid.getByRole('button', { name: /^ARCO 2019/ }).click();
    await aid.getByRole('button', { name: /^ARCO 2019 stage IIIB/ }).click();
    const violations = await checkA11y(page);
    assert.equal(violations.length, 0, formatViolations(violations));
    await assertNothingLeaked(recorded, [file]);
  } finally {
    await context.close();
  }
});

/** What the host's own elements look like: text, markup and the computed styles that matter. */
const hostSnapshot = (page) =>
  page.evaluate(() =>
    ['header h1', '#host-text', '#host-button', '.host-box', 'main'].map((selector) => {
      const el = document.querySelector(selector);
      const s = getComputedStyle(el);
      const style = ['font-family', 'font-size', 'color', 'background-color', 'border', 'padding', 'letter-spacing', 'text-transform'].map((p) => s.getPropertyValue(p));
      return { selector, html: selector === 'main' ? null : el.outerHTML, style };
    }),
  );

test('embed: a hostile host page and two instances leave each other alone, and bad configuration is explained', async () => {
  const baseline = await openPage(server.url);
  let expectedHost;
  try {
    await baseline.page.goto(`${server.url}/host-baseline.html`);
    await baseline.page.locator('#host-button').click();
    expectedHost = await hostSnapshot(baseline.page);
  } finally {
    await baseline.context.close();
  }

  const recorded = await openPage(server.url);
  const { context, page } = recorded;
  try {
    await page.goto(`${server.url}/host.html#clinic`);
    const one = page.locator('#aid-one');
    const two = page.locator('#aid-two');
    // data-joint="hip" starts the first instance on the hip; the second falls back to the start.
    await one.getByRole('heading', { level: 1, name: 'AVN of the hip' }).waitFor();
    await two.getByRole('heading', { level: 1, name: /understand your stage/ }).waitFor();

    // Bad configuration: each value is explained inside the widget and replaced by the default.
    const twoText = await two.locator('.avn-aid').innerText();
    assert.match(twoText, /contact link that is not safe/);
    assert.match(twoText, /cannot read as a colour/);
    assert.match(twoText, /not available in the language "zz" yet/);
    assert.match(twoText, /start on "elbow"/);
    assert.equal(await two.locator('a[href^="javascript"]').count(), 0);
    assert.equal(await two.getByRole('link', { name: /Talk to a specialist/ }).count(), 0);

    // Good configuration: name, contact link, disclaimer and accent are used.
    const contact = one.getByRole('link', { name: 'Talk to a specialist at St Example Hospital' });
    assert.equal(await contact.getAttribute('href'), 'https://hospital.example/book');
    assert.match(await one.locator('.avn-aid').innerText(), /A note from St Example Hospital\s*This guide does not replace advice/);
    const accent = await one.locator('.avn-choice-title').first().evaluate((el) => getComputedStyle(el).color);
    assert.equal(accent, 'rgb(122, 31, 92)');

    // The host's styles do not reach inside: the aid keeps its own look.
    const inside = await two.locator('h1').evaluate((el) => {
      const s = getComputedStyle(el);
      const button = el.getRootNode().querySelector('button.avn-choice');
      const b = getComputedStyle(button);
      return { h1Size: s.fontSize, h1Case: s.textTransform, h1Font: s.fontFamily, h1Colour: s.color, buttonBg: b.backgroundColor, buttonSize: b.fontSize };
    });
    assert.notEqual(inside.h1Size, '80px');
    assert.equal(inside.h1Case, 'none');
    assert.doesNotMatch(inside.h1Font, /^serif$/);
    assert.notEqual(inside.h1Colour, 'rgb(255, 0, 0)');
    assert.notEqual(inside.buttonBg, 'rgb(255, 0, 0)');
    assert.ok(parseFloat(inside.buttonSize) >= 16, `button text ${inside.buttonSize} should not shrink with the host's 10px root`);

    // Walking one instance does not move the other.
    await walkEveryView(one);
    await one.getByRole('button', { name: 'Hip', exact: true }).click();
    await one.getByRole('button', { name: /^ARCO 2019/ }).click();
    await one.getByRole('button', { name: /^ARCO 2019 stage II\b/ }).click();
    assert.equal(await two.getByRole('heading', { level: 1 }).innerText(), 'Avascular necrosis: understand your stage');
    await two.getByRole('button', { name: 'Hip', exact: true }).click();
    await two.getByRole('heading', { level: 1, name: 'AVN of the hip' }).waitFor();
    assert.equal(await one.getByRole('heading', { level: 1 }).innerText(), 'ARCO 2019 stage II');

    // The aid's styles do not reach out, and the host page still works and keeps its URL.
    await page.locator('#host-button').click();
    assert.deepEqual(await hostSnapshot(page), expectedHost);
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).hash, '/host.html#clinic');

    const violations = await checkA11y(page, { include: ['#aid-one', '#aid-two'] });
    assert.equal(violations.length, 0, formatViolations(violations));
    await assertNothingLeaked(recorded, ['/host.html', '/host.js', '/avn-aid.js']);
  } finally {
    await context.close();
  }
});

test('a panic inside the aid shows a reload message in every widget box and leaves the host working', async () => {
  const { context, page, errors } = await openPage(panicServer.url);
  try {
    await page.goto(`${panicServer.url}/host.html`);
    const one = page.locator('#aid-one');
    const two = page.locator('#aid-two');
    await one.getByRole('heading', { level: 1, name: 'AVN of the hip' }).waitFor();
    await one.getByRole('button', { name: 'Trigger a test failure' }).click();

    for (const aid of [one, two]) {
      const alert = aid.getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.innerText(), /Something went wrong in this guide\. Please reload the page\./);
    }
    await page.locator('#host-button').click();
    assert.equal(await page.locator('#host-button').innerText(), 'Clicked 1 times');
    assert.equal(await page.locator('#host-text').innerText(), 'Our hip team.');
    assert.ok(errors.length >= 1 && errors.every((e) => /unreachable|AVN guide: [\s\S]*test panic/.test(e)), errors.join('\n'));
  } finally {
    await context.close();
  }
});
