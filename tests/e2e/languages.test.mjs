// Languages in Chromium, proved with the pseudo-language en-XA (every letter accented, every
// text about 40 % longer, in brackets; made from English when the content loads): its own hosted
// page with its pack inlined walks the whole journey with no English left on any view, nothing
// wider than a 320 px screen and nothing axe can find; the embed adds the pack from beside
// avn-aid.js (a script, no fetch); a pack that cannot load leaves the aid working in English,
// saying so in English; the English page carries no pack at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { servedDist, dist } from './support/suite.mjs';
import { newRecordedPage, afterNextPaint } from './support/browser.mjs';
import { checkA11y, formatViolations } from './support/axe.mjs';

const suite = servedDist();

/** Every view of the journey, by its fragment. */
const VIEWS = [
  '#v=start',
  '#v=joint&j=hip',
  '#v=system&y=hip-arco-2019',
  '#v=work-it-out&j=hip',
  '#v=no-stage&j=hip',
  '#v=stage&s=hip-arco-2019/IIIB&f=report',
  '#v=options&s=hip-arco-2019/IIIB&f=report',
  '#v=option&s=hip-arco-2019/IIIB&o=watch-and-wait&f=report',
  '#v=compare&s=hip-arco-2019/IIIB&f=report&c=watch-and-wait,core-decompression',
  '#v=values&s=hip-arco-2019/IIIB&f=report',
  '#v=ready&s=hip-arco-2019/IIIB&f=report',
  '#v=questions&s=hip-arco-2019/IIIB&f=report',
  '#v=summary&s=hip-arco-2019/IIIB&f=report',
  '#v=report&j=knee',
  '#v=term&t=mri',
  '#v=risk-factors',
  '#v=symptoms',
  '#v=glossary',
  '#v=faq',
  '#v=about',
];

/**
 * The words on the aid that stayed English: runs of three or more plain Latin letters, outside
 * what is never translated (the cited sources' authors, titles and journals, links' addresses,
 * a staging code such as "IIIB", the patient's own text).
 */
const leftovers = (page) =>
  page.evaluate(() => {
    const root = document.querySelector('[data-avn-aid]').shadowRoot;
    // Text marked as another language (a language's name in itself, in the language menu) is not left over.
    const otherLanguage = (el) => { const marked = el.closest('[lang]'); return marked && marked.getAttribute('lang') !== 'en-XA'; };
    const skip = (el) => otherLanguage(el) || el.closest('.avn-sources, .avn-source, .avn-cite, cite, code, textarea, .avn-report-text, [translate="no"]');
    const found = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || skip(el) || el.closest('[hidden], style')) continue;
      for (const word of node.textContent.match(/[A-Za-z]{3,}/g) || []) {
        if (/^[IVXABC]+$/.test(word)) continue;
        found.push(`${word} (in <${el.tagName.toLowerCase()} class="${el.className}">: "${node.textContent.trim().slice(0, 60)}")`);
      }
    }
    const attributes = [...root.querySelectorAll('[aria-label], [title], [placeholder]')]
      .filter((el) => !skip(el))
      .flatMap((el) => ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a)).filter(Boolean))
      .filter((v) => /[A-Za-z]{3,}/.test(v.replace(/\b[IVXABC]+\b/g, '')));
    return [...new Set(found)].concat(attributes.map((a) => `attribute "${a.slice(0, 60)}"`));
  });

/** Elements of the aid wider than the screen (what a patient would have to scroll sideways for). */
const overflowing = (page) =>
  page.evaluate(() => {
    const root = document.querySelector('[data-avn-aid]').shadowRoot;
    const width = document.documentElement.clientWidth;
    return [...root.querySelectorAll('*')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > width + 1 && !el.closest('[hidden]');
      })
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}"> right edge ${Math.round(el.getBoundingClientRect().right)} px`)
      .slice(0, 5);
  });

const h1 = (page) => page.locator('[data-avn-aid] h1');

test('the pseudo-language page: every view in en-XA, no English left, nothing wider than 320 px, axe clean', async () => {
  const { context, page, foreignRequests, errors } = await newRecordedPage(suite.browser, suite.server.url, { viewport: { width: 320, height: 640 } });
  try {
    await page.goto(`${suite.server.url}/en-XA/index.html#v=start`);
    await h1(page).filter({ hasText: '[' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en-XA');
    for (const view of VIEWS) {
      await page.evaluate((v) => { location.hash = v; }, view);
      await afterNextPaint(page);
      await h1(page).filter({ hasText: '[' }).waitFor({ timeout: 5000 });
      await afterNextPaint(page);
      assert.deepEqual(await leftovers(page), [], `English left on ${view}`);
      assert.deepEqual(await overflowing(page), [], `wider than 320 px on ${view}`);
      if (['#v=start', '#v=options&s=hip-arco-2019/IIIB&f=report', '#v=compare&s=hip-arco-2019/IIIB&f=report&c=watch-and-wait,core-decompression', '#v=summary&s=hip-arco-2019/IIIB&f=report'].includes(view)) {
        const violations = await checkA11y(page);
        assert.equal(violations.length, 0, `axe on ${view}:\n${formatViolations(violations)}`);
      }
    }
    assert.deepEqual(foreignRequests(), [], 'no request beyond the page');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

const host = (lang) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>St Example Hospital</title>
<link rel="icon" href="data:,"><script defer src="/avn-aid.js"></script></head>
<body><h1 id="host-heading">St Example Hospital</h1><div data-avn-aid data-lang="${lang}"></div></body></html>`;

test('the embed adds the en-XA pack from beside avn-aid.js, with a script and no fetch', async () => {
  const { context, page } = await newRecordedPage(suite.browser, suite.server.url);
  const scripts = [];
  page.on('request', (r) => scripts.push([r.url(), r.resourceType()]));
  try {
    await page.route('**/host.html', (route) => route.fulfill({ contentType: 'text/html', body: host('en-XA') }));
    await page.goto(`${suite.server.url}/host.html`);
    await h1(page).filter({ hasText: '[' }).waitFor();
    const pack = scripts.find(([url]) => url.endsWith('/avn-aid.en-XA.js'));
    assert.ok(pack, `the pack was requested: ${JSON.stringify(scripts)}`);
    assert.equal(pack[1], 'script');
    assert.match(await h1(page).innerText(), /^\[/);
  } finally {
    await context.close();
  }
});

test('a pack that cannot load: the aid works in English and says so, in English', async () => {
  const { context, page } = await newRecordedPage(suite.browser, suite.server.url);
  try {
    await page.route('**/avn-aid.en-XA.js', (route) => route.abort());
    await page.route('**/host.html', (route) => route.fulfill({ contentType: 'text/html', body: host('en-XA') }));
    await page.goto(`${suite.server.url}/host.html`);
    await page.getByText('could not load its text in', { exact: false }).waitFor();
    assert.match(await h1(page).innerText(), /^[A-Z][a-z]/, 'the heading is in English');
    await page.locator('[data-avn-aid]').getByRole('link', { name: 'Hip' }).or(page.locator('[data-avn-aid]').getByRole('button', { name: 'Hip' })).first().click();
    await h1(page).filter({ hasText: 'hip' }).waitFor();
  } finally {
    await context.close();
  }
});

test('the English page carries no pack; the pack is its own file; each language has its own pages', () => {
  const english = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  assert.ok(!english.includes('avn-aid-pack 1'), 'no pack in the English page');
  const pack = fs.readFileSync(path.join(dist, 'avn-aid.en-XA.js'), 'utf8');
  assert.ok(pack.includes('avn-aid-pack 1 en-XA '), 'the pack script holds the en-XA pack');
  const pseudo = fs.readFileSync(path.join(dist, 'en-XA/index.html'), 'utf8');
  assert.ok(pseudo.includes('<html lang="en-XA" dir="ltr">'));
  assert.ok(!english.includes('hreflang="en-XA"'), 'a draft language is not offered');
  const reference = fs.readFileSync(path.join(dist, 'en-XA/avn-aid-reference.html'), 'utf8');
  assert.ok(reference.includes('<html lang="en-XA">'), 'the language has its own static reference page');
  assert.ok(pseudo.includes('href="avn-aid-reference.html"'), 'its page links its own reference page');
  assert.ok(fs.existsSync(path.join(dist, 'avn-aid-reference.html')), 'the English reference page stays');
});

test('switching language inside the aid keeps the patient\'s place (no restart)', async () => {
  const { context, page } = await newRecordedPage(suite.browser, suite.server.url);
  try {
    await page.route('**/host.html', (route) => route.fulfill({ contentType: 'text/html', body: host('en-XA') }));
    await page.goto(`${suite.server.url}/host.html`);
    await h1(page).filter({ hasText: '[' }).waitFor();
    const aid = page.locator('[data-avn-aid]');
    // The embed keeps its place in its own state only: a restart would lose it.
    await aid.locator('.avn-choice').first().click();
    await h1(page).filter({ hasText: 'ĥíṕ' }).waitFor();
    const languages = aid.locator('nav.avn-languages');
    assert.equal(await languages.locator('[aria-current="true"]').getAttribute('lang'), 'en-XA');
    await languages.locator('button[lang="en"]').click();
    await h1(page).filter({ hasText: 'AVN of the hip' }).waitFor();
    assert.equal(await aid.locator('section.avn-aid').getAttribute('lang'), 'en');
    await aid.getByRole('button', { name: 'ARCO 2019' }).first().waitFor();
    // A draft language is offered only while it is shown: English alone is left, so no menu.
    assert.equal(await aid.locator('nav.avn-languages').count(), 0);
  } finally {
    await context.close();
  }
});

test('an English page offers no language menu while English is the only reviewed language', async () => {
  const { context, page } = await newRecordedPage(suite.browser, suite.server.url);
  try {
    await page.goto(`${suite.server.url}/#v=start`);
    await h1(page).waitFor();
    await afterNextPaint(page);
    assert.equal(await page.locator('[data-avn-aid] nav.avn-languages').count(), 0);
  } finally {
    await context.close();
  }
});

test('switching language keeps what the patient answered on "what matters"', async () => {
  const { context, page } = await newRecordedPage(suite.browser, suite.server.url);
  try {
    await page.goto(`${suite.server.url}/en-XA/index.html#v=values&s=hip-arco-2019/IIIB&f=report`);
    await h1(page).filter({ hasText: '[' }).waitFor();
    const aid = page.locator('[data-avn-aid]');
    const radios = aid.locator('input[type="radio"]');
    await radios.nth(1).check();
    const chosen = await aid.locator('input[type="radio"]:checked').evaluateAll((els) => els.map((e) => `${e.name}=${e.value}`));
    assert.equal(chosen.length, 1);
    await aid.locator('nav.avn-languages button[lang="en"]').click();
    await aid.locator('section.avn-aid[lang="en"]').waitFor();
    await afterNextPaint(page);
    assert.doesNotMatch(await h1(page).innerText(), /^\[/, 'the heading is in English now');
    const after = await aid.locator('input[type="radio"]:checked').evaluateAll((els) => els.map((e) => `${e.name}=${e.value}`));
    assert.deepEqual(after, chosen, 'the answer is still chosen');
    assert.match(new URL(page.url()).hash, /^#v=values&s=hip-arco-2019\/IIIB/, 'the same view');
  } finally {
    await context.close();
  }
});

test('a pack the page hands over that is not one (not a pack, or 9 MB of text) is refused: English, with the notice', async () => {
  for (const fake of ['"hello"', "'x'.repeat(9 * 1024 * 1024)"]) {
    const { context, page } = await newRecordedPage(suite.browser, suite.server.url);
    try {
      await page.addInitScript(`window[Symbol.for('avn-aid-packs')] = { 'en-XA': ${fake} };`);
      await page.route('**/host.html', (route) => route.fulfill({ contentType: 'text/html', body: host('en-XA') }));
      await page.goto(`${suite.server.url}/host.html`);
      await page.getByText('could not load its text in', { exact: false }).waitFor();
      assert.match(await h1(page).innerText(), /^[A-Z][a-z]/, `English heading with ${fake.slice(0, 20)}`);
    } finally {
      await context.close();
    }
  }
});
