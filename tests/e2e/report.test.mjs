// "Explain my report" in Chromium: reports from the decoder's test set (tests/report/reports.toml)
// pasted as a patient would, read back per side with the report's own words quoted, the stages
// that fit and a way on to each; the marked words explained, by mouse and by keyboard alone;
// the report text never leaving the view (not in the URL, not in storage, no request); hostile
// and over-long text; a 320 px screen and paper. axe must find nothing on a page with results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { servedDist } from './support/suite.mjs';
import { newRecordedPage, afterNextPaint } from './support/browser.mjs';
import { checkA11y, formatViolations } from './support/axe.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const suite = servedDist();

/** The text and joint of one report of the test set. */
function report(id) {
  const set = fs.readFileSync(path.join(root, 'tests/report/reports.toml'), 'utf8');
  const at = set.indexOf(`id = "${id}"`);
  assert.ok(at >= 0, `${id} is in the test set`);
  const rest = set.slice(at);
  return { joint: rest.match(/joint = "([^"]+)"/)[1], text: rest.match(/text = '''\n([\s\S]*?)'''/)[1] };
}

const BOX = 'The text of your scan report';
const h1 = (page) => page.getByRole('heading', { level: 1 });
const box = (page) => page.getByLabel(BOX);
const side = (page, name) => page.locator('section.avn-report-side', { has: page.getByRole('heading', { level: 2, name, exact: true }) });
const list = (scope, kind) => scope.locator(`section.avn-found-${kind} > ul > li`);
/** Each item of a list as [name, the quoted words]. */
const items = async (scope, kind) =>
  (await list(scope, kind).all()).length
    ? Promise.all((await list(scope, kind).all()).map(async (li) => [await li.locator('.avn-found-name').innerText(), await li.locator('.avn-found-from').innerText()]))
    : [];
const names = async (scope, kind) => (await items(scope, kind)).map(([name]) => name);

async function openReport(page, joint = 'hip') {
  await page.goto(`${suite.server.url}/#v=report&j=${joint}`);
  await h1(page).filter({ hasText: 'Explain my report' }).waitFor();
}

/** Pastes `text` into the box, as a patient pasting their report would. */
async function paste(page, text) {
  await box(page).fill(text);
  await afterNextPaint(page);
}

async function expectNoAxe(page, what) {
  const violations = await checkA11y(page);
  assert.equal(violations.length, 0, `axe on ${what}:\n${formatViolations(violations)}`);
}

/** The report text must never be in the address, in storage, or sent. */
async function expectNothingLeft(page, words) {
  await afterNextPaint(page);
  const href = decodeURIComponent(await page.evaluate(() => location.href)).toLowerCase();
  for (const word of words) assert.ok(!href.includes(word.toLowerCase()), `"${word}" is not in ${href}`);
  const stored = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }));
  assert.deepEqual(stored, { local: 0, session: 0 }, 'nothing in localStorage or sessionStorage');
}

test('reached from the joint page; two hips at different stages read back per side with quotes, and a stage link opens the stage page', async () => {
  const { context, page, errors, requests, foreignRequests } = await newRecordedPage(suite.browser, suite.server.url);
  try {
    await page.goto(`${suite.server.url}/#v=joint&j=hip`);
    await h1(page).filter({ hasText: 'AVN of the hip' }).waitFor();
    assert.equal(await page.getByRole('heading', { level: 3, name: 'Explain my report', exact: true }).count(), 1);
    await page.getByRole('button', { name: 'Explain my report', exact: true }).click();
    await h1(page).filter({ hasText: 'Explain my report' }).waitFor();
    await afterNextPaint(page);
    assert.match(decodeURIComponent(page.url()), /#v=report&j=hip$/);
    const shown = await page.locator('.avn-view').innerText();
    assert.match(shown, /Your report text stays on this screen only\./);
    assert.match(shown, /report letter about your scan, or in your hospital's patient portal/);
    assert.match(shown, /0 of 20000 characters/);
    const loaded = requests.length;

    const { text } = report('hip-03-bilateral-us-different-stages');
    await paste(page, text);
    assert.match(await page.locator('.avn-report-count').innerText(), new RegExp(`^${[...text].length} of 20000 characters$`));
    // Line breaks kept: the report is shown as written.
    const back = page.locator('.avn-report-shown');
    assert.equal(await back.evaluate((e) => getComputedStyle(e).whiteSpace), 'pre-wrap');
    assert.equal((await back.textContent()).includes('Right hip: Large geographic'), true);

    const right = side(page, 'Right side');
    const left = side(page, 'Left side');
    for (const name of ['AVN (osteonecrosis)', 'Crack under the joint surface', 'Collapse (flattening)', 'Marrow swelling (oedema)']) {
      assert.ok((await names(right, 'present')).includes(name), `right: ${name} is there`);
      assert.ok((await names(left, 'absent')).includes(name) || name === 'AVN (osteonecrosis)', `left: no ${name}`);
    }
    assert.ok((await names(left, 'present')).includes('AVN (osteonecrosis)'));
    assert.equal(await left.getByRole('heading', { level: 3, name: 'Your report says there is no:' }).count(), 1);
    // Each item quotes the exact words it came from.
    const leftAbsent = Object.fromEntries(await items(left, 'absent'));
    assert.match(leftAbsent['Collapse (flattening)'], /“No collapse\.”/);
    assert.match(leftAbsent['Crack under the joint surface'], /“No subchondral fracture\.”/);
    const rightPresent = Object.fromEntries(await items(right, 'present'));
    assert.match(rightPresent['Crack under the joint surface'], /“A subchondral fracture line parallels the articular surface/);
    // The left's negations do not leak to the right.
    assert.ok(!(await names(right, 'absent')).includes('Collapse (flattening)'));
    // Measurements, with the measurement's name.
    assert.match(await right.locator('section.avn-found', { hasText: 'Measurements' }).innerText(), /How far it has sunk: 3 mm/);
    assert.match(await left.locator('section.avn-found', { hasText: 'Measurements' }).innerText(), /Share of the ball affected: 10%/);

    // Which stages fit, per side, with why, and always the doctor's sentence.
    const rightStages = right.locator('section.avn-report-stages');
    const leftStages = left.locator('section.avn-report-stages');
    assert.match(await rightStages.innerText(), /ARCO 2019: stage IIIB/);
    assert.match(await leftStages.innerText(), /ARCO 2019: stages I to II/);
    assert.match(await leftStages.innerText(), /This is because your report says:\s*“Left hip: Small well-demarcated focus of osteonecrosis/);
    for (const s of [rightStages, leftStages]) assert.match(await s.innerText(), /Only your doctor can confirm your stage\./);
    await expectNoAxe(page, 'report view with two sides');
    await expectNothingLeft(page, ['serpiginous', 'transplant', 'geographic']);

    // A stage of the range is a way on to its page (and so its options).
    await rightStages.getByRole('button', { name: /^ARCO 2019 stage IIIB/ }).click();
    await h1(page).filter({ hasText: 'ARCO 2019 stage IIIB' }).waitFor();
    await afterNextPaint(page);
    assert.match(decodeURIComponent(page.url()), /#v=stage&s=hip-arco-2019\/IIIB&f=explained$/);
    assert.equal(await page.getByRole('button', { name: 'See the options for this stage' }).count() > 0, true);
    await expectNothingLeft(page, ['serpiginous', 'transplant', 'geographic']);
    // Back returns to an empty box: the text lived only in that view.
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await h1(page).filter({ hasText: 'Explain my report' }).waitFor();
    assert.equal(await box(page).inputValue(), '');
    assert.equal(requests.length, loaded, `no request after load: ${requests.slice(loaded).join(', ')}`);
    assert.deepEqual(foreignRequests(), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a report with no sign of AVN says so, names the scan\'s question, and suggests no stage; a mimic is named and explained', async () => {
  const { context, page, errors } = await newRecordedPage(suite.browser, suite.server.url);
  try {
    await openReport(page);
    await paste(page, report('hip-01-normal-history-query').text);
    const result = page.locator('section.avn-report-result');
    assert.match(await result.innerText(), /Your report says there is no sign of AVN\./);
    const asked = page.locator('section.avn-report-asked');
    assert.match(await asked.innerText(), /question the scan was meant to answer/);
    assert.match(await asked.innerText(), /AVN \(osteonecrosis\)\s*From your report: “AVN”/);
    assert.equal(await page.locator('section.avn-report-stages').count(), 0, 'no stage suggested');
    const absent = (await Promise.all((await page.locator('section.avn-report-side').all()).map((s) => items(s, 'absent')))).flat();
    const avn = absent.find(([name]) => name === 'AVN (osteonecrosis)');
    assert.ok(avn, 'AVN is in a "there is no" list');
    assert.match(avn[1], /“No evidence of avascular necrosis of either hip\.”/);
    await expectNoAxe(page, 'report view, no AVN');

    await paste(page, report('hip-08-sif-mimic-elderly').text);
    const mimics = page.locator('section.avn-report-mimics');
    assert.match(await mimics.innerText(), /different conditions that can look like AVN/);
    assert.match(await mimics.innerText(), /Weak-bone crack \(insufficiency fracture\)\s*This is a tiny crack in weak bone/);
    assert.equal(await page.locator('section.avn-report-stages').count(), 0, 'no stage for a mimic');
    await expectNoAxe(page, 'report view, mimic');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a hedged report lists what it is unsure about with what its word of doubt means, and the mark explains the hedge', async () => {
  const { context, page, errors } = await newRecordedPage(suite.browser, suite.server.url);
  try {
    await openReport(page);
    await paste(page, report('hip-06-hedged-cannot-be-excluded').text);
    const right = side(page, 'Right side');
    const unsure = Object.fromEntries(await items(right, 'unsure'));
    assert.match(unsure['AVN (osteonecrosis)'], /“Early AVN cannot be excluded\.”/);
    assert.match(await list(right, 'unsure').filter({ hasText: 'AVN (osteonecrosis)' }).innerText(), /could not rule this out/);
    assert.ok(!(await names(right, 'present')).includes('AVN (osteonecrosis)'), 'hedged is not there');
    assert.match(await right.locator('section.avn-report-stages').innerText(), /ARCO 2019: stages I to II/);

    // The unsure finding, opened by mouse: its status in words, its meaning, its glossary word.
    await page.getByRole('button', { name: /^AVN \(the report is not sure\)$/ }).click();
    const panel = page.locator('#avn-mark-panel');
    await panel.getByRole('heading', { level: 3, name: 'AVN (osteonecrosis)' }).waitFor();
    const explained = await panel.innerText();
    assert.match(explained, /Your report is not sure about this\./);
    assert.match(explained, /AVN means part of a bone has died/);
    assert.match(explained, /What it does not mean\s*It does not mean the whole bone has died/);
    assert.equal(await panel.getByRole('button', { name: /^More about “.+” in Words explained$/ }).count(), 1);
    // A word of doubt explains its one fixed meaning.
    await page.getByRole('button', { name: /^cannot be excluded \(a word that shows doubt\)$/ }).click();
    await panel.getByRole('heading', { level: 3, name: 'A word that shows doubt: “cannot be excluded”' }).waitFor();
    assert.match(await panel.innerText(), /could not rule this out from the pictures/);
    await expectNoAxe(page, 'report view, hedged, a hedge explained');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('keyboard only: type a report, Tab to a marked phrase, Enter explains it; Clear empties the box and returns to it', async () => {
  const { context, page, errors, requests } = await newRecordedPage(suite.browser, suite.server.url);
  try {
    await openReport(page);
    const loaded = requests.length;
    await box(page).focus();
    const typed = 'Left hip: focus of osteonecrosis. No collapse.';
    await page.keyboard.type(typed);
    await afterNextPaint(page);
    assert.match(await page.locator('.avn-report-count').innerText(), new RegExp(`^${typed.length} of 20000`));
    const active = () => page.evaluate(() => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return { tag: a?.tagName, cls: a?.className ?? '', text: a?.textContent ?? '', id: a?.id ?? '' };
    });
    let at;
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      at = await active();
      if (at.cls.includes('avn-mark')) break;
    }
    assert.ok(at.cls.includes('avn-mark'), `Tab reaches a marked phrase (at ${at.tag} "${at.text}")`);
    assert.match(at.text, /osteonecrosis \(said to be there\)/);
    await page.keyboard.press('Enter');
    const panel = page.locator('#avn-mark-panel');
    await panel.getByRole('heading', { level: 3, name: 'AVN (osteonecrosis)' }).waitFor();
    assert.match(await panel.innerText(), /Your report says this is there\. Where: Left side/);
    assert.equal(await page.getByRole('button', { name: /^osteonecrosis/ }).getAttribute('aria-expanded'), 'true');
    // The next mark, by Tab and Space.
    await page.keyboard.press('Tab');
    await page.keyboard.press(' ');
    await panel.getByRole('heading', { level: 3, name: 'Collapse (flattening)' }).waitFor();
    assert.match(await panel.innerText(), /Your report says this is not there\./);
    // Back to Clear and press it: the box is empty and has focus.
    for (let i = 0; i < 6 && !(await active()).text.startsWith('Clear'); i++) await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await afterNextPaint(page);
    assert.equal(await box(page).inputValue(), '');
    assert.equal((await active()).id, 'avn-report-text', 'focus is back in the box');
    assert.equal(await page.locator('.avn-report-shown').count(), 0);
    await expectNothingLeft(page, ['osteonecrosis', 'collapse']);
    assert.equal(requests.length, loaded, 'no request after load');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/** 20,000 characters (code points) of seeded random text: markup, emoji, right-to-left text. */
function hostileText() {
  const pieces = ['<img src=x onerror=alert(1)>', '<script>alert(2)</script>', '"><svg onload=alert(3)>', '&lt;b&gt;', '😀', '👩🏽‍⚕️', 'مرحبا بالعالم', 'שלום', '\u202e', '\u0000', ' no collapse ', ' ?AVN ', ' ARCO IIIA ', ' 3 mm ', '\n', 'javascript:alert(4)', '{{x}}', '${x}'];
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const out = [];
  let n = 0;
  while (n < 20000) {
    const piece = [...(next() < 0.5 ? pieces[Math.floor(next() * pieces.length)] : String.fromCharCode(32 + Math.floor(next() * 95)))];
    for (const c of piece) if (n < 20000) { out.push(c); n++; }
  }
  return out.join('');
}

test('hostile input: 20,000 characters of markup, emoji and right-to-left text add no element of their own, open no dialog, and the page still responds', async () => {
  const { context, page, errors, requests } = await newRecordedPage(suite.browser, suite.server.url);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  try {
    await openReport(page);
    const loaded = requests.length;
    const text = hostileText();
    assert.equal([...text].length, 20000);
    await paste(page, text);
    await page.locator('.avn-report-shown').waitFor();
    assert.equal(await box(page).inputValue(), text, 'the text is kept as typed');
    const found = await page.evaluate(() => {
      const aid = document.querySelector('[data-avn-aid]').shadowRoot;
      const shown = aid.querySelector('.avn-report-shown');
      const tags = new Set([...shown.querySelectorAll('*')].map((e) => `${e.tagName}.${e.className}`));
      const anywhere = (sel) => document.querySelectorAll(sel).length + aid.querySelectorAll(sel).length;
      return { tags: [...tags], img: anywhere('img'), script: aid.querySelectorAll('script').length, svg: anywhere('svg[onload]'), shownText: shown.textContent.length };
    });
    const own = new Set(['BUTTON.avn-mark avn-mark-present', 'BUTTON.avn-mark avn-mark-absent', 'BUTTON.avn-mark avn-mark-unsure', 'BUTTON.avn-mark avn-mark-asked', 'BUTTON.avn-mark avn-mark-word', 'SPAN.avn-visually-hidden']);
    for (const tag of found.tags) assert.ok(own.has(tag), `only the aid's own elements in the report shown back, found ${tag}`);
    assert.equal(found.img, 0, 'no img');
    assert.equal(found.script, 0, 'no script');
    assert.equal(found.svg, 0, 'no svg from the text');
    assert.ok(found.shownText >= text.length, 'every character is shown back as text');
    await page.waitForTimeout(200);
    assert.deepEqual(dialogs, [], 'no dialog opened');
    // Still responsive: a mark opens, and Clear empties the box.
    const mark = page.locator('.avn-report-shown .avn-mark').first();
    if (await mark.count()) {
      await mark.click();
      await page.locator('#avn-mark-panel h3').waitFor({ timeout: 5000 });
    }
    await page.getByRole('button', { name: 'Clear', exact: true }).click({ timeout: 5000 });
    await page.getByText('0 of 20000 characters').waitFor({ timeout: 5000 });
    assert.equal(requests.length, loaded, 'no request after load');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('20,001 characters: the over-limit message says how far over, the text is kept, and nothing is read', async () => {
  const { context, page, errors } = await newRecordedPage(suite.browser, suite.server.url);
  try {
    await openReport(page);
    const text = `${report('hip-03-bilateral-us-different-stages').text}\n${'x'.repeat(20001)}`.slice(0, 20001);
    await paste(page, text);
    const over = page.locator('.avn-report-over');
    assert.match(await over.innerText(), /Your text has 20001 characters\. That is 1 more than the 20000 this guide can read\./);
    assert.match(await over.innerText(), /Your text is still in the box\./);
    assert.equal((await box(page).inputValue()).length, 20001, 'not cut');
    assert.equal(await box(page).getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('.avn-report-shown').count(), 0, 'not read');
    assert.equal(await page.locator('section.avn-report-side').count(), 0);
    // One character fewer and it is read again.
    await page.keyboard.press('End');
    await box(page).press('Control+End');
    await box(page).press('Backspace');
    await afterNextPaint(page);
    assert.equal(await over.innerText(), '');
    await page.locator('.avn-report-shown').waitFor();
    await expectNoAxe(page, 'report view at the limit');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('320 px wide: nothing overflows sideways; on paper the report and what it says stay, the box does not', async () => {
  const { context, page, errors } = await newRecordedPage(suite.browser, suite.server.url, { viewport: { width: 320, height: 640 } });
  try {
    await openReport(page);
    await paste(page, report('hip-03-bilateral-us-different-stages').text);
    await page.getByRole('button', { name: /^collapse \(said not to be there\)$/ }).first().click();
    await page.locator('#avn-mark-panel h3').waitFor();
    const wide = await page.evaluate(() => {
      const aid = document.querySelector('[data-avn-aid]').shadowRoot;
      const limit = document.documentElement.clientWidth;
      return [...aid.querySelectorAll('.avn-view *')]
        .filter((e) => e.getBoundingClientRect().right > limit + 1 && !e.closest('.avn-visually-hidden'))
        .map((e) => `${e.tagName}.${e.className}`)
        .slice(0, 5);
    });
    assert.deepEqual(wide, [], 'no element reaches past 320 px');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no sideways scroll');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await box(page).isVisible(), false, 'the box is not printed');
    assert.equal(await page.locator('.avn-report-shown .avn-mark').first().isVisible(), true, 'marked words print as text');
    assert.equal(await side(page, 'Right side').isVisible(), true);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
