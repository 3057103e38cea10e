// Robust in every host and with every input: the script twice and beside another wasm widget,
// the <avn-aid> element, hostile fragments, attributes and saved values, a full question list,
// printing, copies the browser saves, and a seeded fuzz run. Each test asserts what a patient or
// a web team would notice, never a time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from './support/server.mjs';
import { launchBrowser, newRecordedPage } from './support/browser.mjs';
import { checkA11y, formatViolations } from './support/axe.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.env.DIST_DIR || path.join(root, 'dist');

const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src data:; connect-src 'none'">`;
const page = (body, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8">${CSP}
<title>Host</title><link rel="icon" href="data:,">${head}</head><body>${body}</body></html>`;

const HOSTILE_CSS = `<style>* { font-family: serif !important; color: rgb(255, 0, 0) !important; }
avn-aid, div { border: 5px solid rgb(0, 255, 0); padding: 20px; display: inline; }</style>`;

const pages = {
  // Another wasm-bindgen widget already defined the page-level name; the aid's script comes twice.
  '/twice.html': page(
    `<script>var wasm_bindgen = function () { return 'the other widget'; };</script>
     <div id="one" data-avn-aid data-joint="hip"></div>
     <script src="/avn-aid.js"></script>
     <div id="two" data-avn-aid></div>
     <script src="/avn-aid.js"></script>`,
  ),
  '/element.html': page(
    `<avn-aid id="one" hospital="St Example" contact-url="https://hospital.example/book" joint="hip"></avn-aid>
     <avn-aid id="two" lang="zz" accent="red; background:url(//evil)" contact-url="https:///"></avn-aid>
     <script defer src="/avn-aid.js"></script>`,
    HOSTILE_CSS,
  ),
  '/late.html': page(
    `<div id="tabs"></div>
     <script defer src="/avn-aid.js"></script>`,
  ),
  '/no-wasm-csp.html': page(
    `<div id="blocked" data-avn-aid>The patient guide's script is missing from this page.</div>
     <script defer src="/avn-aid.js"></script>`,
    // A second policy is enforced beside the first: this one leaves out 'wasm-unsafe-eval'.
    `<meta http-equiv="Content-Security-Policy" content="script-src 'self'">`,
  ),
  // A block theme's content column (a max-width on each child of the post), a narrow sidebar, and
  // a widget whose shadow root holds an aid the page's observer cannot see.
  '/column.html': page(
    `<main class="is-layout-constrained" style="width: 1000px"><p id="para">Our hip team.</p>
       <div id="column" data-avn-aid></div></main>
     <aside style="width: 320px"><div id="narrow" data-avn-aid data-joint="hip"></div></aside>
     <x-widget id="widget"></x-widget>
     <script>
       for (const name of ['first', 'later']) {
         const shadow = document.getElementById('widget').shadowRoot || document.getElementById('widget').attachShadow({ mode: 'open' });
         const inner = document.createElement('div');
         inner.id = name;
         inner.setAttribute('data-avn-aid', '');
         inner.setAttribute('data-joint', 'jaw');
         shadow.append(inner);
       }
       document.addEventListener('DOMContentLoaded', () => {
         window.__runningAtCall = !!document.querySelector('#column').shadowRoot;
         AvnAid.mount(document.getElementById('widget').shadowRoot.getElementById('first'));
       });
     </script>
     <script defer src="/avn-aid.js"></script>`,
    `<style>body { margin: 0 } .is-layout-constrained > :where(:not(.alignwide)) { max-width: 650px; margin-left: auto !important; margin-right: auto !important; }</style>`,
  ),
  '/framed.html': page(
    `<h1>St Example Hospital</h1>
     <iframe id="frame" title="AVN patient guide" style="width: 100%; height: 85vh; border: 0"
       src="/index.html?hospital=St%20Example&contact-url=https%3A%2F%2Fhospital.example%2Fbook&joint=hip&accent=%237a1f5c"></iframe>`,
  ),
  '/bad-hosts.html': page(
    `<img id="picture" data-avn-aid alt="">
     <div id="first" data-avn-aid data-keep-place="url"></div>
     <div id="second" data-avn-aid data-keep-place="url"></div>
     <script defer src="/avn-aid.js"></script>`,
  ),
};

let server, browser;

before(async () => {
  server = await startServer(dist, { extraPages: pages });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A recorded page that also collects CSP violations and console warnings. */
async function open(url) {
  const recorded = await newRecordedPage(browser, server.url);
  const warnings = [];
  recorded.page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await recorded.page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  if (url) await recorded.page.goto(url);
  return { ...recorded, warnings };
}

const h1 = (aid) => aid.getByRole('heading', { level: 1 });

test('the script included twice, beside a page-level wasm_bindgen, starts one aid per element with no page error', async () => {
  const { context, page, errors } = await open(`${server.url}/twice.html`);
  try {
    await h1(page.locator('#one')).filter({ hasText: 'AVN of the hip' }).waitFor();
    await h1(page.locator('#two')).filter({ hasText: 'understand your stage' }).waitFor();
    assert.equal(await page.locator('#one .avn-aid, #two .avn-aid').count(), 2, 'one aid in each element');
    assert.equal(await page.evaluate(() => document.querySelectorAll('#one > *').length), 0, 'nothing added outside the shadow root');
    assert.equal(await page.evaluate(() => window.wasm_bindgen()), 'the other widget', 'the host\'s own global is untouched');
    assert.deepEqual(errors, []);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
  } finally {
    await context.close();
  }
});

test('a browser without constructed style sheets says the guide could not start, never shows it unstyled', async () => {
  const { context, page } = await newRecordedPage(browser, server.url);
  try {
    await page.addInitScript(() => {
      delete ShadowRoot.prototype.adoptedStyleSheets;
      delete Document.prototype.adoptedStyleSheets;
    });
    await page.goto(`${server.url}/twice.html`);
    await page.locator('#one').filter({ hasText: 'could not start in this browser' }).waitFor();
    assert.equal(await page.evaluate(() => document.getElementById('one').shadowRoot), null, 'no unstyled aid');
  } finally {
    await context.close();
  }
});

test('a div added after start mounts (its fallback words hidden), and a site policy that blocks WebAssembly is named as such', async () => {
  const { context, page, errors } = await open(`${server.url}/late.html`);
  try {
    // A theme's tab shows its content by script, well after the aid's script ran.
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.waitForTimeout(500);
    await page.evaluate(() => {
      document.getElementById('tabs').innerHTML = '<section><div id="late" data-avn-aid data-joint="hip">The patient guide\'s script is missing from this page.</div></section>';
    });
    await h1(page.locator('#late')).filter({ hasText: 'AVN of the hip' }).waitFor();
    const drawn = await page.evaluate(() => {
      const words = [...document.getElementById('late').childNodes].find((n) => n.nodeType === Node.TEXT_NODE);
      const range = document.createRange();
      range.selectNodeContents(words);
      return range.getClientRects().length;
    });
    assert.equal(drawn, 0, 'the fallback words are not drawn once the aid runs');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
  const blocked = await open(`${server.url}/no-wasm-csp.html`);
  const consoleErrors = [];
  blocked.page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  try {
    await blocked.page.reload();
    await blocked.page.locator('#blocked').filter({ hasText: "blocked by this website's security settings" }).waitFor();
    assert.ok(consoleErrors.some((e) => e.includes("'wasm-unsafe-eval'")), consoleErrors.join(' | '));
  } finally {
    await blocked.context.close();
  }
});

test('the aid fits a theme\'s column, AvnAid.mount reaches hosts no observer sees, and an iframe configures the hosted page by its address', async () => {
  const { context, page, errors } = await open(`${server.url}/column.html`);
  try {
    await h1(page.locator('#column')).filter({ hasText: 'understand your stage' }).waitFor();
    await h1(page.locator('#narrow')).filter({ hasText: 'AVN of the hip' }).waitFor();
    const boxes = await page.evaluate(() => {
      const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, width: r.width }; };
      const narrow = document.getElementById('narrow');
      return {
        column: box(document.getElementById('column')),
        para: box(document.getElementById('para')),
        narrow: box(narrow),
        narrowContent: narrow.shadowRoot.querySelector('.avn-root').scrollWidth,
      };
    });
    assert.deepEqual(boxes.column, boxes.para, 'the aid takes the theme\'s column, as a paragraph does');
    assert.ok(boxes.narrow.width <= 320 && boxes.narrowContent <= 320, JSON.stringify(boxes));

    // Inside another widget's shadow root: mounted only when asked, before or after start.
    assert.equal(await page.evaluate(() => window.__runningAtCall), false, 'the first call came before the app ran');
    await h1(page.locator('#first')).filter({ hasText: 'MRONJ' }).waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.locator('#later').locator('h1').count(), 0, 'not mounted until asked');
    await page.evaluate(() => AvnAid.mount(document.getElementById('widget').shadowRoot.getElementById('later')));
    await h1(page.locator('#later')).filter({ hasText: 'MRONJ' }).waitFor();
    const misuse = await page.evaluate(() => { try { AvnAid.mount('#later'); return 'no error'; } catch (e) { return `${e.name}: ${e.message}`; } });
    assert.match(misuse, /^TypeError: AvnAid.mount needs an element/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }

  const framed = await open(`${server.url}/framed.html`);
  try {
    const frame = framed.page.frameLocator('#frame');
    await frame.getByRole('heading', { level: 1, name: 'AVN of the hip' }).waitFor();
    const contact = frame.getByRole('link', { name: 'Talk to a specialist at St Example' });
    assert.equal(await contact.getAttribute('href'), 'https://hospital.example/book');
    await frame.getByRole('button', { name: /^ARCO 2019/ }).click();
    await frame.getByRole('heading', { level: 1, name: /ARCO 2019/ }).waitFor();
    const address = framed.page.frames().find((f) => f.url().includes('/index.html')).url();
    assert.match(address, /\?hospital=St%20Example&.*#v=/, 'the place is kept after the settings');
    // The same address opened on its own is the plain guide: a link cannot rebrand the page.
    await framed.page.goto(address.replace(/#.*/, ''));
    await framed.page.getByRole('heading', { level: 1, name: /understand your stage/ }).waitFor();
    assert.equal(await framed.page.getByRole('link', { name: /Talk to a specialist/ }).count(), 0);
    assert.deepEqual(framed.errors, []);
  } finally {
    await framed.context.close();
  }
});

test('<avn-aid>: settings without data-, hostile styles kept out, read-only facts, changed settings applied, bad values explained', async () => {
  const { context, page, errors } = await open(`${server.url}/element.html`);
  try {
    const one = page.locator('#one');
    const two = page.locator('#two');
    await h1(one).filter({ hasText: 'AVN of the hip' }).waitFor();
    await h1(two).filter({ hasText: 'understand your stage' }).waitFor();
    assert.equal(await one.getByRole('link', { name: 'Talk to a specialist at St Example' }).getAttribute('href'), 'https://hospital.example/book');
    const twoText = await two.locator('.avn-aid').innerText();
    assert.match(twoText, /cannot read as a colour/, 'a colour with CSS after it is not a colour');
    assert.match(twoText, /contact link that is not safe/, 'https:/// has no host');
    assert.match(twoText, /not available in the language "zz"/);
    assert.equal(await two.getByRole('link', { name: /Talk to a specialist/ }).count(), 0);

    const style = await h1(two).evaluate((el) => ({ font: getComputedStyle(el).fontFamily, colour: getComputedStyle(el).color }));
    assert.doesNotMatch(style.font, /^serif$/);
    assert.notEqual(style.colour, 'rgb(255, 0, 0)');
    assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('one')).display), 'block');

    const facts = await page.evaluate(() => {
      const el = document.getElementById('one');
      const before = [el.version, el.contentReviewed, el.nextReview];
      try { el.version = 'x'; } catch { /* read-only */ }
      return { before, after: el.version };
    });
    assert.match(facts.before[0], /^\d+\.\d+\.\d+$/);
    assert.match(facts.before[1], /^\d{4}-\d\d-\d\d$/);
    assert.match(facts.before[2], /^\d{4}-\d\d-\d\d$/);
    assert.equal(facts.after, facts.before[0], 'version cannot be changed');
    const footer = await one.locator('.avn-footer').innerText();
    assert.ok(footer.includes(`Last reviewed ${facts.before[1]} · Next review due ${facts.before[2]}`), footer);

    // A setting changed after start is applied; the other element is untouched.
    await page.evaluate(() => document.getElementById('one').setAttribute('hospital', 'Northside Clinic'));
    await one.getByRole('link', { name: 'Talk to a specialist at Northside Clinic' }).waitFor();
    await page.evaluate(() => document.getElementById('two').removeAttribute('lang'));
    await two.locator('.avn-aid').filter({ hasNotText: 'not available in the language' }).waitFor();

    // An element added later starts too.
    await page.evaluate(() => {
      const later = document.createElement('avn-aid');
      later.id = 'three';
      later.setAttribute('joint', 'jaw');
      document.body.append(later);
    });
    await h1(page.locator('#three')).filter({ hasText: /jaw/i }).waitFor();

    const violations = await checkA11y(page, { include: ['#one', '#two'] });
    assert.equal(violations.length, 0, formatViolations(violations));
    assert.deepEqual(errors, []);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
  } finally {
    await context.close();
  }
});

test('an element that cannot hold the aid is named in the console, and only the first aid keeps its place in the URL', async () => {
  const { context, page, errors, warnings } = await open(`${server.url}/bad-hosts.html`);
  try {
    const first = page.locator('#first');
    const second = page.locator('#second');
    await h1(first).waitFor();
    await h1(second).waitFor();
    assert.ok(warnings.some((w) => w.includes('<img id="picture">') && w.includes('cannot hold the guide')), warnings.join('\n'));
    assert.match(await second.locator('.avn-aid').innerText(), /Another copy of this guide on this page keeps its place/);
    assert.doesNotMatch(await first.locator('.avn-aid').innerText(), /Another copy/);
    await first.getByRole('button', { name: 'Hip', exact: true }).click();
    await page.waitForFunction(() => location.hash.includes('v=joint'));
    await second.getByRole('button', { name: 'Shoulder', exact: true }).click();
    await h1(second).filter({ hasText: /shoulder/i }).waitFor();
    assert.match(new URL(page.url()).hash, /j=hip/, 'the second aid never writes the URL');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('hostile links and saved values: a 2 MB fragment and a huge saved place get the notice, and the aid starts', async () => {
  // About 1.5 MB (Chromium's addresses stop at 2 MB), typed into an open tab.
  const huge = 'v=start&'.repeat(196608);
  const { context, page, errors } = await open(`${server.url}/#v=joint&j=hip`);
  try {
    const aid = page.locator('[data-avn-aid]');
    await h1(aid).filter({ hasText: 'AVN of the hip' }).waitFor();
    await page.evaluate((h) => { location.hash = h; }, huge);
    await h1(aid).filter({ hasText: 'understand your stage' }).waitFor();
    assert.match(await aid.locator('.avn-aid').innerText(), /The link you used did not match a page of this guide/);

    // A tampered remembered entry: readable answers with a huge place after them.
    await page.evaluate((place) => localStorage.setItem('avn-aid:answers', `avn1.AAAAAAAAAAAA\n${place}`), huge);
    await page.goto(`${server.url}/`);
    await h1(aid).filter({ hasText: 'understand your stage' }).waitFor();
    assert.deepEqual(errors, []);
    // Whatever could not be opened is not kept.
    const kept = await page.evaluate(() => localStorage.getItem('avn-aid:answers'));
    assert.ok(kept === null || kept.length < 10000, 'the tampered entry is not kept');
  } finally {
    await context.close();
  }
});

test('the 31st own question is kept in the box with the reason, and an empty one is explained', async () => {
  const { context, page, errors } = await open(`${server.url}/#v=questions`);
  try {
    const aid = page.locator('[data-avn-aid]');
    await h1(aid).filter({ hasText: 'Questions for my doctor' }).waitFor();
    const box = aid.getByLabel(/Add your own question/);
    const add = aid.getByRole('button', { name: /^Add/ });
    await add.click();
    assert.match(await aid.locator('#avn-new-question-problem').innerText(), /Type a question first/);
    assert.equal(await box.getAttribute('aria-invalid'), 'true');
    for (let i = 1; i <= 30; i++) {
      await box.fill(`My question number ${i}?`);
      await add.click();
    }
    assert.equal(await aid.getByText('My question number 30?').count(), 1);
    assert.match(await aid.locator('[role="status"]').innerText(), /Question added/);
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    const text = `One more, with family ${family}?`;
    await box.fill(text);
    await add.click();
    assert.equal(await box.inputValue(), text, 'the text stays in the box, whole');
    assert.match(await aid.locator('#avn-new-question-problem').innerText(), /already has 30 of your own questions/);
    assert.equal(await box.getAttribute('aria-describedby'), 'avn-new-question-problem');
    assert.equal(await aid.getByText(text).count(), 0);
    const long = 'Why '.repeat(100);
    await box.fill(long);
    await add.click();
    assert.equal(await box.inputValue(), long);
    assert.match(await aid.locator('#avn-new-question-problem').innerText(), /has 399 characters/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('printing the hosted page prints the aid, not the offline link beside it', async () => {
  const { context, page } = await open(`${server.url}/`);
  try {
    await h1(page.locator('[data-avn-aid]')).waitFor();
    const link = page.getByRole('link', { name: 'Save this guide to use it offline' });
    assert.ok(await link.isVisible());
    await page.emulateMedia({ media: 'print' });
    assert.equal(await link.isVisible(), false);
    assert.ok(await h1(page.locator('[data-avn-aid]')).isVisible());
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
  } finally {
    await context.close();
  }
});

test('a copy saved by the browser starts from disk with no network: page source, serialised page, offline file', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'avn-saved-'));
  const { context, page } = await open(`${server.url}/`);
  let serialised;
  try {
    await h1(page.locator('[data-avn-aid]')).filter({ hasText: 'understand your stage' }).waitFor();
    await page.locator('[data-avn-aid]').getByRole('button', { name: 'Hip', exact: true }).click();
    // What "Webpage, complete", "single file" and MHTML keep: the live DOM as serialised.
    serialised = await page.evaluate(() => '<!doctype html>\n' + document.documentElement.outerHTML);
  } finally {
    await context.close();
  }
  const copies = {
    'source.html': await fs.readFile(path.join(dist, 'index.html'), 'utf8'),
    'complete.html': serialised,
    'offline.html': await fs.readFile(path.join(dist, 'avn-aid-offline.html'), 'utf8'),
  };
  for (const [name, html] of Object.entries(copies)) {
    const file = path.join(dir, name);
    await fs.writeFile(file, html);
    const url = pathToFileURL(file).href;
    const recorded = await open();
    try {
      await recorded.page.goto(url);
      await h1(recorded.page.locator('[data-avn-aid]')).waitFor();
      assert.deepEqual(recorded.requests, [url], `${name}: only the file itself`);
      assert.deepEqual(recorded.errors, [], name);
      assert.deepEqual(await recorded.page.evaluate(() => window.__csp), [], name);
    } finally {
      await recorded.context.close();
    }
  }
  await fs.rm(dir, { recursive: true, force: true });
});

/** A small seeded random generator (mulberry32), so a failing run can be repeated. */
function seeded(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('seeded fuzz: hostile fragments, attributes, stored values and typed text never break the aid', async () => {
  const seed = Number(process.env.FUZZ_SEED || 20261203);
  const random = seeded(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const junk = () => {
    const parts = ['v=', 'stage', '&', 's=', 'hip-arco-2019/', 'IIIA', 'c=', ',', '%', '#', '<b>', '"', '\u{1F468}\u200D\u{1F469}', 'क्ष', '\u0000', 'a=', '----', 'x'.repeat(50)];
    let out = '';
    const n = Math.floor(random() * 12);
    for (let i = 0; i < n; i++) out += pick(parts);
    return out;
  };
  const { context, page, errors } = await open(`${server.url}/element.html`);
  const deadline = Date.now() + 40_000;
  let rounds = 0;
  try {
    await h1(page.locator('#one')).waitFor();
    while (Date.now() < deadline && rounds < 120) {
      rounds++;
      const attribute = pick(['hospital', 'contact-url', 'lang', 'accent', 'joint', 'disclaimer', 'keep-place']);
      const value = junk();
      await page.evaluate(([a, v]) => document.getElementById('two').setAttribute(a, v), [attribute, value]);
      await page.evaluate((v) => { try { localStorage.setItem('avn-aid:answers', v); } catch { /* full */ } }, junk());
      await page.evaluate((v) => { location.hash = v; }, junk());
      const box = page.locator('#one input[type="text"]');
      if (await box.count()) await box.fill(junk());
      const buttons = page.locator('#one button');
      const count = await buttons.count();
      if (count) await buttons.nth(Math.floor(random() * count)).click({ timeout: 2000 }).catch(() => {});
      for (const id of ['#one', '#two']) {
        assert.equal(await page.locator(`${id} .avn-failure`).count(), 0, `round ${rounds} (seed ${seed}): ${id} failed`);
      }
    }
    await h1(page.locator('#two')).waitFor();
    assert.ok(rounds >= 20, `only ${rounds} rounds`);
    assert.deepEqual(errors, [], `seed ${seed}`);
    assert.deepEqual(await page.evaluate(() => window.__csp), [], `seed ${seed}`);
  } finally {
    await context.close();
  }
});
