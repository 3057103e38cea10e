// Browser tests of the paths a patient walks through the aid: from the report's stage, by working
// it out with "I don't know" answers, without a stage, comparing options, coming back by reload
// or Back, embedded in a host page, by keyboard only, on a narrow or zoomed screen, on paper, and
// on the reference pages. axe must find nothing on every view visited; the counts are printed at
// the end as one "axe <view> <violations>" line per view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './support/server.mjs';
import { launchBrowser, newRecordedPage, afterNextPaint } from './support/browser.mjs';
import { checkA11y, formatViolations } from './support/axe.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.env.DIST_DIR || path.join(root, 'dist');
// Written under target/ (never over tracked files); copy to docs/screenshots to refresh them.
const shots = path.join(root, 'target/screenshots');

const ARCO_ORDER = ['I', 'II', 'IIIA', 'IIIB', 'IV'];
const STEINBERG = 'Steinberg (University of Pennsylvania)';

const hostPage = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>St Example Hospital: hip clinic</title><link rel="icon" href="data:,">
<script defer src="/avn-aid.js"></script></head>
<body><header><h1>St Example Hospital</h1></header>
<main><h2 id="clinic">Hip clinic</h2>
<div data-avn-aid data-lang="en"><p>Loading…</p></div></main></body></html>`;

let server, browser;
/** view name → axe violation count, in the order first visited. */
const axeCounts = new Map();

before(async () => {
  server = await startServer(dist, { extraPages: { '/host.html': hostPage } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  for (const [view, count] of axeCounts) console.log('axe', view, count);
});

async function expectNoAxeViolations(page, view) {
  const violations = await checkA11y(page);
  const key = axeCounts.has(view) ? `${view} (again)` : view;
  axeCounts.set(key, Math.max(violations.length, axeCounts.get(key) ?? 0));
  assert.equal(violations.length, 0, `axe on ${view}:\n${formatViolations(violations)}`);
}

// The focused element, looking inside the aid's shadow root.
const deepActive = `(() => { let a = document.activeElement; while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; return a; })()`;
/** What a button says first: its title span if it has one, else its text. */
const focusedLabel = (page) =>
  page.evaluate(`(() => { const a = ${deepActive}; if (!a) return ''; const t = a.querySelector?.('.avn-choice-title'); return (t ?? a).textContent.trim(); })()`);
const focused = (page) =>
  page.evaluate(`(() => { const a = ${deepActive}; return { tag: a?.tagName ?? '', text: (a?.textContent ?? '').trim(), type: a?.type ?? '', checked: !!a?.checked, label: a?.closest?.('label')?.textContent.trim() ?? '', aria: a?.getAttribute?.('aria-label') ?? '' }; })()`);

const h1 = (scope) => scope.getByRole('heading', { level: 1 });
async function expectView(scope, page, title, { timeout } = {}) {
  await h1(scope).filter({ hasText: title }).waitFor({ timeout });
  assert.equal(await h1(scope).innerText(), title);
}
async function expectFocusOnH1(page, title) {
  await afterNextPaint(page);
  const f = await focused(page);
  assert.equal(f.tag, 'H1', `focus should be on the new h1 "${title}", is on ${f.tag} "${f.text}"`);
  assert.equal(f.text, title);
}
/** Clicks, waits for the new h1, and checks focus moved to it. */
async function step(scope, page, locator, title) {
  await locator.click();
  await expectView(scope, page, title);
  await expectFocusOnH1(page, title);
}
const button = (scope, name) => scope.getByRole('button', { name, exact: typeof name === 'string' });
const stageButton = (scope, system, code) =>
  scope.getByRole('button', { name: new RegExp(`^${system.replace(/[()]/g, '\\$&')} stage ${code}(?![A-Z0-9])`) });

async function openHosted(page, fragment = '') {
  await page.goto(`${server.url}/${fragment}`);
  await button(page, 'Hip').waitFor();
}

/** The page's fragment, once the aid's deferred history write has run. */
const fragment = async (page) => {
  await afterNextPaint(page);
  return decodeURIComponent(new URL(page.url()).hash);
};

/** Start → Hip → ARCO 2019 → stage `code` → options (checking each view as it goes). */
async function walkToOptions(page, code, { axe = false } = {}) {
  await step(page, page, button(page, 'Hip'), 'AVN of the hip');
  await step(page, page, button(page, /^ARCO 2019/), 'Stages in the ARCO 2019 system');
  await step(page, page, stageButton(page, 'ARCO 2019', code), `ARCO 2019 stage ${code}`);
  if (axe) await expectNoAxeViolations(page, `stage ARCO ${code}`);
  await step(page, page, button(page, 'See the options for this stage').first(), `Options for ARCO 2019 stage ${code}`);
}

const COMPARED = ['Watch and wait', 'Bisphosphonate medicines', 'Shockwave therapy'];
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// The visually hidden ": <name>" is its own box, so Chromium names the tick "Compare : <name>";
// either spacing reads the same aloud.
const tick = (scope, name) => scope.getByRole('checkbox', { name: new RegExp(`^Compare: ${escape(name)}$`) });
const compareButton = (scope) => button(scope, 'Compare the ticked options');

test('1. my report names a stage: Hip → Steinberg → stage III shows the same stage in ARCO and the collapse fact', async () => {
  const { context, page, errors, foreignRequests } = await newRecordedPage(browser, server.url);
  try {
    await openHosted(page);
    await expectNoAxeViolations(page, 'start');
    await step(page, page, button(page, 'Hip'), 'AVN of the hip');
    const text = await page.locator('.avn-aid').innerText();
    assert.match(text, /How would you like to find your stage\?/);
    for (const way of ['My report names a stage', 'Help me work it out', "I don't know my stage"]) {
      assert.equal(await page.getByRole('heading', { level: 3, name: way, exact: true }).count(), 1, way);
    }
    await expectNoAxeViolations(page, 'joint (hip)');

    await step(page, page, button(page, new RegExp(`^${STEINBERG.replace(/[()]/g, '\\$&')}`)), `Stages in the ${STEINBERG} system`);
    assert.match(await page.locator('.avn-aid').innerText(), /Pick the stage written on your report/);
    await expectNoAxeViolations(page, 'system (Steinberg)');

    await step(page, page, stageButton(page, STEINBERG, 'III'), `${STEINBERG} stage III`);
    const stage = await page.locator('.avn-aid').innerText();
    assert.match(stage, /Bone shape\s*After collapse: the joint surface has started to give way/);
    const same = page.locator('h2', { hasText: 'The same stage in other systems' });
    assert.equal(await same.count(), 1);
    const translator = await page.locator('.avn-view ul', { hasText: 'ARCO 2019' }).first().innerText();
    assert.match(translator, /ARCO 2019 stage IIIA/, 'the translator names ARCO IIIA');
    assert.match(stage, /ARCO 2019 calls this stage IIIA/);
    assert.equal(await button(page, 'See the options for this stage').count(), 2);
    assert.match(await fragment(page), /v=stage&s=hip-steinberg\/III&f=report/);
    await expectNoAxeViolations(page, 'stage (Steinberg III)');
    assert.deepEqual(foreignRequests(), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('2. work it out with "I don\'t know" answers: the result is a range with ARCO IIIA and says why', async () => {
  const { context, page, errors } = await newRecordedPage(browser, server.url);
  try {
    await openHosted(page);
    await step(page, page, button(page, 'Hip'), 'AVN of the hip');
    await step(page, page, button(page, 'Help me work it out'), 'Help me work it out');
    const result = page.locator('section.avn-result');
    assert.match(await result.innerText(), /You have not answered yet/);
    await expectNoAxeViolations(page, 'work it out (no answers)');

    const question = (words) => page.locator('fieldset.avn-question', { hasText: words });
    // Every question has an "I don't know" answer.
    const count = await page.locator('fieldset.avn-question').count();
    assert.ok(count >= 4, `${count} questions`);
    for (let i = 0; i < count; i++) {
      const fieldset = page.locator('fieldset.avn-question').nth(i);
      assert.equal(await fieldset.getByRole('radio', { name: "I don't know", exact: true }).count(), 1, `question ${i + 1}`);
    }
    await question('X-ray looks normal').getByRole('radio', { name: 'No. The X-ray shows a change too.', exact: true }).check();
    await question('crescent sign').getByRole('radio', { name: 'Yes', exact: true }).check();
    await question('flattened or sunk').getByRole('radio', { name: "I don't know", exact: true }).check();
    await question('joint space').getByRole('radio', { name: "I don't know", exact: true }).check();
    assert.ok(await question('crescent sign').getByRole('radio', { name: 'Yes', exact: true }).isChecked());

    await result.getByText(/This is because you said/).waitFor();
    const said = await result.innerText();
    const arco = said.match(/Your answers fit ARCO 2019 (?:stage (\S+)\.|stages between (\S+) and (\S+)\.)/);
    assert.ok(arco, `an ARCO 2019 line in:\n${said}`);
    assert.equal(arco[1], undefined, 'with two "I don\'t know" answers the result is a range, not one stage');
    const [low, high] = [ARCO_ORDER.indexOf(arco[2]), ARCO_ORDER.indexOf(arco[3])];
    const iiia = ARCO_ORDER.indexOf('IIIA');
    assert.ok(low >= 0 && high >= 0 && low <= iiia && iiia <= high, `range ${arco[2]}–${arco[3]} includes IIIA`);
    assert.ok(low < iiia || high > iiia, 'the range is wider than IIIA alone');
    const because = result.locator('p', { hasText: 'This is because you said:' }).locator('xpath=following-sibling::ul[1]');
    assert.match(await because.innerText(), /“Yes” to “Does the report mention a crescent sign, or a crack just under the surface of the bone, on the X-ray, a CT scan or the MRI\?”/);
    assert.match(said, /You did not know the answer to:[\s\S]*flattened or sunk/);
    assert.match(said, /Only your doctor can tell you your stage/);
    // The answers live in the fragment (not any health detail beyond them), and the view stays.
    assert.match(await fragment(page), /^#v=work-it-out&j=hip&a=/);
    await expectNoAxeViolations(page, 'work it out (with result)');

    const fit = result.locator('section.avn-fit', { has: page.getByRole('heading', { level: 3, name: 'ARCO 2019', exact: true }) });
    const choices = await fit.locator('.avn-choice-title').allInnerTexts();
    assert.ok(choices.includes('ARCO 2019 stage IIIA'), choices.join(', '));
    assert.ok(!choices.includes('ARCO 2019 stage I'), 'stage I is ruled out by "the X-ray shows a change" and the crack');
    await step(page, page, stageButton(fit, 'ARCO 2019', 'IIIA'), 'ARCO 2019 stage IIIA');
    assert.match(await fragment(page), /v=stage&s=hip-arco-2019\/IIIA&f=worked-out/);
    assert.match(await page.locator('.avn-aid').innerText(), /After collapse/);
    await expectNoAxeViolations(page, 'stage (ARCO IIIA, worked out)');

    // Back returns to the questions with the answers still given.
    await step(page, page, button(page, 'Back'), 'Help me work it out');
    assert.ok(await question('crescent sign').getByRole('radio', { name: 'Yes', exact: true }).isChecked());
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('3. "I don\'t know my stage": questions to ask, and the overview leads to a stage', async () => {
  const { context, page, errors } = await newRecordedPage(browser, server.url);
  try {
    await openHosted(page);
    await step(page, page, button(page, 'Hip'), 'AVN of the hip');
    await step(page, page, button(page, "I don't know my stage"), "If you don't know your stage");
    const ask = page.locator('h2', { hasText: 'What to ask your doctor' }).locator('xpath=following-sibling::ul[1]');
    const questions = await ask.locator('li').allInnerTexts();
    assert.ok(questions.length >= 3, questions.join(' | '));
    assert.ok(questions.includes('Can I have a copy of my scan report?'));
    assert.ok(questions.some((q) => /Which stage is my joint at/.test(q)));
    assert.equal(await page.getByRole('heading', { level: 2, name: 'Early and late stages in short', exact: true }).count(), 1);
    for (const group of ['Early', 'Middle', 'Late']) {
      assert.equal(await page.getByRole('heading', { level: 3, name: group, exact: true }).count(), 1, group);
    }
    const overview = await page.locator('.avn-choice-title').allInnerTexts();
    assert.deepEqual(overview, ARCO_ORDER.map((c) => `ARCO 2019 stage ${c}`));
    await expectNoAxeViolations(page, 'no stage');
    await step(page, page, stageButton(page, 'ARCO 2019', 'IIIB'), 'ARCO 2019 stage IIIB');
    assert.match(await fragment(page), /f=overview/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/** Checks a compare table: option columns, and one time span per figure row. Returns the column names. */
async function checkCompareTable(page, expectedColumns) {
  const table = page.locator('table.avn-grid');
  const columns = (await table.locator('thead th[scope=col] .avn-col-name').allInnerTexts()).map((t) => t.trim());
  assert.deepEqual(columns, expectedColumns);
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      header: tr.querySelector('th[scope=row]')?.textContent.trim() ?? '',
      figureRow: tr.classList.contains('avn-figure-row'),
      cells: tr.querySelectorAll('td').length,
      pictures: [...tr.querySelectorAll('svg.avn-icons')].map((s) => s.parentElement.querySelector('.avn-figure-main')?.textContent ?? ''),
      words: [...tr.querySelectorAll('td')].map((td) => td.textContent),
    })),
  );
  for (const row of rows) assert.equal(row.cells, expectedColumns.length, `cells in "${row.header}"`);
  assert.ok(rows.some((r) => r.header === 'What is it?'));
  const withPictures = rows.filter((r) => r.pictures.length > 0);
  assert.ok(withPictures.length >= 1, 'at least one row has pictures');
  for (const row of withPictures) {
    assert.ok(row.figureRow, `pictures only in figure rows: "${row.header}"`);
    const span = row.header.match(/(?:within|over) ([\d.]+) years/);
    assert.ok(span, `figure row header names a time span: "${row.header}"`);
    for (const label of row.pictures) {
      assert.match(label, /^\d+ in 100 /, label);
      const years = label.match(/within ([\d.]+) years/);
      assert.ok(years, `picture label names its time span: ${label}`);
      assert.equal(years[1], span[1], `row "${row.header}" picture "${label}" uses the same span`);
    }
    // A figure over another span is words only, and names a different span.
    for (const words of row.words) {
      const other = words.match(/Only known over ([\d.]+) years/);
      if (other) assert.notEqual(other[1], span[1], `"${words}" in row "${row.header}"`);
    }
  }
  for (const row of rows.filter((r) => r.figureRow)) {
    assert.match(row.header, /(?:within|over) [\d.]+ years/, `figure row "${row.header}"`);
  }
  return columns;
}

test('4. compare three options for ARCO II: three columns, pictures with one time span per row', async () => {
  const { context, page, errors } = await newRecordedPage(browser, server.url);
  try {
    await openHosted(page);
    await walkToOptions(page, 'II');
    const aid = page.locator('.avn-aid');
    // The decision first: the choices, grouped by how often offered, then care that goes with any.
    const sections = await aid.locator('h2').allInnerTexts();
    assert.ok(sections.indexOf('The choices at this stage') >= 0, sections.join(' | '));
    assert.ok(sections.indexOf('The choices at this stage') < sections.indexOf('Care that goes with any choice'), sections.join(' | '));
    const choices = aid.locator('section.avn-decision-choices');
    for (const group of ['Usually offered at this stage', 'Sometimes offered at this stage']) {
      assert.equal(await choices.getByRole('heading', { level: 3, name: group, exact: true }).count(), 1, group);
    }
    const careNames = await aid.locator('section.avn-with-any article h3').allInnerTexts();
    assert.ok(careNames.includes('Pain relief medicines') && !careNames.includes('Watch and wait'), careNames.join(' | '));
    const card = choices.locator('article.avn-card', { has: page.getByRole('heading', { level: 3, name: 'Watch and wait', exact: true }) });
    assert.equal(await card.getByRole('heading', { level: 4, name: 'Possible benefits', exact: true }).count(), 1);
    assert.equal(await card.getByRole('heading', { level: 4, name: 'Possible harms and side effects', exact: true }).count(), 1);
    assert.equal(await card.getByRole('button', { name: 'More about Watch and wait', exact: true }).count(), 1);
    assert.match(await aid.innerText(), /Options ticked to compare: 0 \(2 to 4\)/);
    await expectNoAxeViolations(page, 'options (ARCO II)');

    await tick(page, 'Watch and wait').check();
    assert.match(await aid.innerText(), /Options ticked to compare: 1 \(2 to 4\)/);
    const oneTicked = compareButton(page);
    assert.equal(await oneTicked.count(), 0, 'no compare button with one ticked');
    assert.match(await aid.innerText(), /Tick at least two options to compare them side by side/);

    await tick(page, COMPARED[1]).check();
    await tick(page, COMPARED[2]).check();
    assert.match(await aid.innerText(), /Options ticked to compare: 3 \(2 to 4\)/);
    assert.ok(await compareButton(page).first().isEnabled());
    await expectNoAxeViolations(page, 'options (3 ticked)');

    await step(page, page, compareButton(page).first(), 'Comparing options for ARCO 2019 stage II');
    await checkCompareTable(page, COMPARED);
    assert.match(await fragment(page), /^#v=compare&s=hip-arco-2019\/II&f=report&c=watch-and-wait,bisphosphonates,shockwave-therapy$/);
    await expectNoAxeViolations(page, 'compare (3 options)');

    // Removing one leaves two columns.
    await page.getByRole('button', { name: /^Remove: Bisphosphonate medicines$/ }).click();
    await checkCompareTable(page, ['Watch and wait', 'Shockwave therapy']);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('4b. an option card names how sure the research is once, not twice', async () => {
  const { context, page } = await newRecordedPage(browser, server.url);
  try {
    await page.goto(`${server.url}/#v=options&s=hip-arco-2019/II&f=report`);
    await expectView(page, page, 'Options for ARCO 2019 stage II');
    const card = page.locator('article.avn-card', { has: page.getByRole('heading', { level: 3, name: 'Watch and wait', exact: true }) });
    const line = await card.locator('p', { hasText: 'changes the course of AVN' }).innerText();
    assert.match(line, /^How sure the research is that it changes the course of AVN:\s*moderate\s*[●○]{4}$/, line);
  } finally {
    await context.close();
  }
});

test('4c. certainty badges stay inside their table cells on the compare page (800 px and 320 px)', async () => {
  const outside = [];
  for (const width of [800, 320]) {
    const { context, page } = await newRecordedPage(browser, server.url, { viewport: { width, height: 900 } });
    try {
      await page.goto(`${server.url}/#v=compare&s=hip-arco-2019/II&f=report&c=watch-and-wait,bisphosphonates,shockwave-therapy`);
      await expectView(page, page, 'Comparing options for ARCO 2019 stage II');
      const badges = await page.locator('table.avn-grid td .avn-badge').evaluateAll((els) =>
        els.map((b) => {
          const cell = b.closest('td').getBoundingClientRect();
          const box = b.getBoundingClientRect();
          return { text: b.textContent.trim(), over: Math.round(box.right - cell.right) };
        }),
      );
      assert.ok(badges.length >= 3);
      for (const b of badges) if (b.over > 0) outside.push(`${width} px: "${b.text}" ends ${b.over} px past its cell`);
    } finally {
      await context.close();
    }
  }
  assert.deepEqual(outside, [], 'badges overflow their cells (and overlap the next column or are cut off)');
});

test('5. reload keeps the place, Back goes one view back, and a malformed link lands on the start with a notice', async () => {
  const { context, page, errors } = await newRecordedPage(browser, server.url);
  try {
    await openHosted(page);
    await walkToOptions(page, 'II');
    for (const name of COMPARED) await tick(page, name).check();
    await step(page, page, compareButton(page).first(), 'Comparing options for ARCO 2019 stage II');
    const before = await fragment(page);

    await page.reload();
    await expectView(page, page, 'Comparing options for ARCO 2019 stage II');
    assert.equal(await fragment(page), before);
    await checkCompareTable(page, COMPARED);

    await page.goBack();
    await expectView(page, page, 'Options for ARCO 2019 stage II');
    for (const name of COMPARED) assert.ok(await tick(page, name).isChecked(), `${name} still ticked`);
    await page.goForward();
    await expectView(page, page, 'Comparing options for ARCO 2019 stage II');
    await page.goBack();
    await expectView(page, page, 'Options for ARCO 2019 stage II');
    // The aid's own Back button after a reload follows the natural way back.
    await page.reload();
    await expectView(page, page, 'Options for ARCO 2019 stage II');
    await step(page, page, button(page, 'Back'), 'ARCO 2019 stage II');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }

  const fresh = await newRecordedPage(browser, server.url);
  try {
    await fresh.page.goto(`${server.url}/#v=stage&s=nonsense`);
    await expectView(fresh.page, fresh.page, 'Avascular necrosis: understand your stage');
    assert.match(
      await fresh.page.locator('.avn-aid').innerText(),
      /The link you used did not match a page of this guide, so you are at the start\./,
    );
    await expectNoAxeViolations(fresh.page, 'start (malformed link notice)');
    assert.deepEqual(fresh.errors, []);
  } finally {
    await fresh.context.close();
  }
});

test('5b. ticking options to compare is not a step: browser Back from the options goes to the stage', async () => {
  const { context, page } = await newRecordedPage(browser, server.url);
  try {
    await openHosted(page);
    await walkToOptions(page, 'II');
    await tick(page, 'Watch and wait').check();
    await tick(page, 'Shockwave therapy').check();
    await page.goBack();
    await expectView(page, page, 'ARCO 2019 stage II', { timeout: 5000 });
  } finally {
    await context.close();
  }
});

test('5c. answering a question is not a step: browser Back from "Help me work it out" goes to the joint', async () => {
  const { context, page } = await newRecordedPage(browser, server.url);
  try {
    await openHosted(page);
    await step(page, page, button(page, 'Hip'), 'AVN of the hip');
    await step(page, page, button(page, 'Help me work it out'), 'Help me work it out');
    const question = (words) => page.locator('fieldset.avn-question', { hasText: words });
    await question('crescent sign').getByRole('radio', { name: 'Yes', exact: true }).check();
    await question('flattened or sunk').getByRole('radio', { name: "I don't know", exact: true }).check();
    await page.goBack();
    await expectView(page, page, 'AVN of the hip', { timeout: 5000 });
  } finally {
    await context.close();
  }
});

test('5d. a malformed link typed into an open tab also lands on the start with the notice', async () => {
  const { context, page } = await newRecordedPage(browser, server.url);
  try {
    await page.goto(`${server.url}/#v=stage&s=hip-arco-2019/II&f=report`);
    await expectView(page, page, 'ARCO 2019 stage II');
    await page.goto(`${server.url}/#v=stage&s=nonsense`); // same document: only the fragment changes
    await expectView(page, page, 'Avascular necrosis: understand your stage');
    await page.locator('.avn-aid').getByText('The link you used did not match a page of this guide, so you are at the start.').waitFor({ timeout: 5000 });
  } finally {
    await context.close();
  }
});

test('6. embedded without data-keep-place: walking to the options never changes the URL', async () => {
  const { context, page, errors, foreignRequests } = await newRecordedPage(browser, server.url);
  try {
    await page.goto(`${server.url}/host.html#clinic`);
    const start = page.url();
    const aid = page.locator('[data-avn-aid]');
    await button(aid, 'Hip').waitFor();
    const history = await page.evaluate(() => history.length);
    await step(aid, page, button(aid, 'Hip'), 'AVN of the hip');
    assert.equal(page.url(), start);
    await step(aid, page, button(aid, /^ARCO 2019/), 'Stages in the ARCO 2019 system');
    assert.equal(page.url(), start);
    await step(aid, page, stageButton(aid, 'ARCO 2019', 'IIIB'), 'ARCO 2019 stage IIIB');
    assert.equal(page.url(), start);
    await step(aid, page, button(aid, 'See the options for this stage').first(), 'Options for ARCO 2019 stage IIIB');
    assert.equal(page.url(), start);
    await tick(aid, 'Watch and wait').check();
    await tick(aid, 'Total hip replacement').check();
    await step(aid, page, compareButton(aid).first(), 'Comparing options for ARCO 2019 stage IIIB');
    assert.equal(page.url(), start);
    assert.equal(await page.evaluate(() => history.length), history, 'no history entries added');
    await step(aid, page, button(aid, 'Back'), 'Options for ARCO 2019 stage IIIB');
    assert.equal(page.url(), start);
    await expectNoAxeViolations(page, 'host page (options)');
    assert.deepEqual(foreignRequests(), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/** Presses Tab until `wanted(label)` holds for the focused element; fails after `max` presses. */
async function tabTo(page, wanted, what, max = 400) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (wanted(await focusedLabel(page), await focused(page))) return;
  }
  assert.fail(`Tab never reached ${what}`);
}

test('7. keyboard only: Tab, Enter and Space reach the hip, a system, a stage, the options and the comparison', async () => {
  const { context, page, errors } = await newRecordedPage(browser, server.url);
  try {
    await openHosted(page);
    await tabTo(page, (l) => l === 'Hip', 'Hip');
    await page.keyboard.press('Enter');
    await expectView(page, page, 'AVN of the hip');
    await expectFocusOnH1(page, 'AVN of the hip');

    await tabTo(page, (l) => l === 'ARCO 2019', 'the ARCO 2019 system');
    await page.keyboard.press('Enter');
    await expectView(page, page, 'Stages in the ARCO 2019 system');
    await expectFocusOnH1(page, 'Stages in the ARCO 2019 system');

    await tabTo(page, (l) => l === 'ARCO 2019 stage II', 'stage II');
    await page.keyboard.press('Enter');
    await expectView(page, page, 'ARCO 2019 stage II');
    await expectFocusOnH1(page, 'ARCO 2019 stage II');

    await tabTo(page, (l) => l === 'See the options for this stage', 'the options button');
    await page.keyboard.press('Enter');
    await expectView(page, page, 'Options for ARCO 2019 stage II');
    await expectFocusOnH1(page, 'Options for ARCO 2019 stage II');

    await tabTo(page, (_, f) => f.type === 'checkbox' && /^Compare: Watch and wait$/.test(f.aria), 'the Watch and wait tick');
    await page.keyboard.press('Space');
    assert.ok(await tick(page, 'Watch and wait').isChecked(), 'Space ticks');
    assert.ok((await focused(page)).type === 'checkbox', 'focus stays on the tick box after it re-renders');
    await tabTo(page, (_, f) => f.type === 'checkbox' && /^Compare: Shockwave therapy$/.test(f.aria), 'the Shockwave therapy tick');
    await page.keyboard.press('Space');
    assert.ok(await tick(page, 'Shockwave therapy').isChecked());
    await tabTo(page, (l) => l === 'Compare the ticked options', 'the compare button');
    await page.keyboard.press('Enter');
    await expectView(page, page, 'Comparing options for ARCO 2019 stage II');
    await expectFocusOnH1(page, 'Comparing options for ARCO 2019 stage II');
    // Back comes before the heading: Shift+Tab reaches it, and Space on it goes back.
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focusedLabel(page), 'Back');
    await page.keyboard.press('Space');
    await expectView(page, page, 'Options for ARCO 2019 stage II');
    await expectFocusOnH1(page, 'Options for ARCO 2019 stage II');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

const noSideScroll = (page) =>
  page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));

test('8. at 320 px wide and at 200 % zoom the stage, compare, options and risk-factor pages do not scroll sideways', async () => {
  const views = [
    ['stage', '#v=stage&s=hip-arco-2019/IIIA&f=report', 'ARCO 2019 stage IIIA'],
    ['compare', '#v=compare&s=hip-arco-2019/II&f=report&c=watch-and-wait,bisphosphonates,shockwave-therapy', 'Comparing options for ARCO 2019 stage II'],
    ['options', '#v=options&s=hip-arco-2019/II&f=report', 'Options for ARCO 2019 stage II'],
    ['risk factors', '#v=risk-factors', 'What raises the risk'],
  ];
  const sizes = [
    ['320 px', { viewport: { width: 320, height: 800 } }],
    ['200 % zoom', { viewport: { width: 640, height: 800 }, deviceScaleFactor: 2 }],
  ];
  const overflows = [];
  for (const [size, options] of sizes) {
    const { context, page, errors } = await newRecordedPage(browser, server.url, options);
    try {
      for (const [name, hash, title] of views) {
        await page.goto(`${server.url}/${hash}`);
        await expectView(page, page, title);
        const { scrollWidth, innerWidth } = await noSideScroll(page);
        if (scrollWidth > innerWidth) overflows.push(`${name} at ${size}: page is ${scrollWidth} px wide in a ${innerWidth} px window`);
        if (name === 'compare') {
          // Rows stack: each cell names its option.
          const names = await page.locator('td .avn-cell-name').first().isVisible();
          if (size === '320 px') assert.ok(names, 'cells name their option when rows stack');
        }
        await expectNoAxeViolations(page, `${name} at ${size}`);
        await page.goto('about:blank');
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
  assert.deepEqual(overflows, [], 'no view scrolls sideways');
});

test('9. printed, a stage page keeps its heading and pictures and drops buttons and the guide menu', async () => {
  const { context, page, errors } = await newRecordedPage(browser, server.url);
  try {
    await page.goto(`${server.url}/#v=stage&s=hip-arco-2019/II&f=report`);
    await expectView(page, page, 'ARCO 2019 stage II');
    assert.ok(await page.locator('svg.avn-icons').first().isVisible());
    assert.ok(await page.locator('nav.avn-more').isVisible());
    await page.emulateMedia({ media: 'print' });
    assert.ok(await h1(page).isVisible(), 'heading printed');
    const pictures = page.locator('svg.avn-icons');
    assert.ok((await pictures.count()) >= 1);
    for (const svg of await pictures.all()) assert.ok(await svg.isVisible(), 'picture printed');
    assert.equal(await page.getByRole('navigation', { name: 'More in this guide' }).isVisible(), false, 'menu not printed');
    const shown = await page.locator('.avn-aid button:not(.avn-term)').evaluateAll((bs) =>
      bs.filter((b) => b.checkVisibility()).map((b) => b.textContent.trim()),
    );
    assert.deepEqual(shown, [], 'no button is printed');
    assert.match(await page.locator('.avn-aid').innerText(), /What this stage means/);
    await page.emulateMedia({ media: 'screen' });
    assert.ok(await button(page, 'Back').isVisible());
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('10. reference pages: the risk checklist counts ticks without a trace in the URL; symptoms are urgent; a word opens and Back returns', async () => {
  const { context, page, errors } = await newRecordedPage(browser, server.url);
  try {
    await openHosted(page);
    const nav = page.getByRole('navigation', { name: 'More in this guide' });
    for (const name of ['Symptoms and when to see a doctor', 'What raises the risk', 'Words explained', 'Questions people ask', 'Sources', 'About this guide']) {
      assert.equal(await nav.getByRole('button', { name, exact: true }).count(), 1, name);
    }
    await step(page, page, nav.getByRole('button', { name: 'What raises the risk', exact: true }), 'What raises the risk');
    const atList = await fragment(page);
    assert.equal(atList, '#v=risk-factors');
    const line = page.locator('.avn-summary-line');
    assert.equal(await line.innerText(), 'You ticked 0. Of these, 0 can be changed, at least in part.');
    assert.equal(await line.getAttribute('aria-live'), 'polite');
    await expectNoAxeViolations(page, 'risk factors');

    const applies = (name) => page.getByRole('checkbox', { name: new RegExp(`^This applies to me: ${escape(name)}$`) });
    const boxes = page.getByRole('checkbox', { name: /^This applies to me: / });
    assert.ok((await boxes.count()) >= 10);
    const names = await page.locator('.avn-cards h2').allInnerTexts();
    const modifiable = await page.locator('.avn-cards > li').evaluateAll((lis) =>
      lis.map((li) => !/Can it be changed\?\s*No\b/.test(li.innerText)),
    );
    const picks = [0, 1, names.length - 1];
    let changeable = 0;
    for (const [n, i] of picks.entries()) {
      await applies(names[i]).check();
      if (modifiable[i]) changeable++;
      await line.filter({ hasText: `You ticked ${n + 1}.` }).waitFor();
      assert.equal(await line.innerText(), `You ticked ${n + 1}. Of these, ${changeable} can be changed, at least in part.`);
      assert.equal(await fragment(page), atList, 'ticking leaves the URL alone');
    }
    await applies(names[1]).uncheck();
    if (modifiable[1]) changeable--;
    assert.equal(await line.innerText(), `You ticked 2. Of these, ${changeable} can be changed, at least in part.`);
    const ids = (await fs.readdir(path.join(root, 'content/risk-factors'))).map((f) => f.replace(/\.toml$/, ''));
    for (const id of ids) assert.ok(!(await fragment(page)).includes(id), `fragment mentions ${id}`);
    await expectNoAxeViolations(page, 'risk factors (ticked)');

    // Leaving and coming back: the ticks are not written anywhere that outlives the page.
    await step(page, page, button(page, 'Back'), 'Avascular necrosis: understand your stage');
    for (const id of ids) assert.ok(!page.url().includes(id));

    await step(page, page, nav.getByRole('button', { name: 'Symptoms and when to see a doctor', exact: true }), 'Symptoms and when to see a doctor');
    // Every joint's warning signs, most urgent first, and those for after a treatment.
    const signs = page.locator('li.avn-urgency');
    assert.ok((await signs.count()) >= 10);
    assert.ok(await signs.first().isVisible());
    for (const text of await signs.allInnerTexts()) assert.match(text, /^(Call emergency services now|Get seen the same day|Contact your care team within a day or two):/);
    const joints = await page.locator('.avn-doctor h3').allInnerTexts();
    for (const name of ['Hip', 'Jaw', 'Wrist', 'After a treatment']) assert.ok(joints.includes(name), joints.join(' | '));
    await expectNoAxeViolations(page, 'symptoms');

    for (const [name, title] of [['Words explained', 'Words explained'], ['Questions people ask', 'Questions people ask'], ['Sources', 'Sources'], ['About this guide', 'About this guide']]) {
      await step(page, page, nav.getByRole('button', { name, exact: true }), title);
      await expectNoAxeViolations(page, title.toLowerCase());
    }

    // A word explained inside a stage's text opens its page, and Back returns to the stage.
    await page.goto(`${server.url}/#v=stage&s=hip-arco-2019/IIIA&f=report`);
    await expectView(page, page, 'ARCO 2019 stage IIIA');
    const word = page.locator('.avn-view button.avn-term').first();
    assert.ok((await word.count()) === 1, 'the stage text has an explained word');
    const wordText = (await word.innerText()).trim();
    await word.click();
    await h1(page).filter({ hasNot: page.getByText('ARCO 2019 stage IIIA') }).waitFor();
    const termTitle = await h1(page).innerText();
    assert.ok(termTitle.toLowerCase().startsWith(wordText.toLowerCase().slice(0, 4)), `"${wordText}" opened "${termTitle}"`);
    await expectFocusOnH1(page, termTitle);
    assert.match(await fragment(page), /^#v=term&t=/);
    assert.ok((await page.locator('.avn-lead').innerText()).length > 20, 'the word is explained');
    await expectNoAxeViolations(page, `term (${termTitle})`);
    await page.goBack();
    await expectView(page, page, 'ARCO 2019 stage IIIA');
    // Back from a word returns to the same place in the text, with focus on the word.
    await page.setViewportSize({ width: 390, height: 700 });
    await word.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -120));
    const scrolled = await page.evaluate(() => window.scrollY);
    assert.ok(scrolled > 100, `the word is down the page (${scrolled} px)`);
    await word.click();
    await expectView(page, page, termTitle);
    await button(page, 'Back').click();
    await expectView(page, page, 'ARCO 2019 stage IIIA');
    const back = await focused(page);
    assert.equal(back.tag, 'BUTTON', `focus is on ${back.tag} "${back.text}"`);
    assert.equal(back.text, wordText);
    const again = await page.evaluate(() => window.scrollY);
    assert.ok(Math.abs(again - scrolled) <= 50, `scrolled to ${again} px, was ${scrolled} px`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/** Saves a screenshot of the viewport at the given scroll target (or the top). */
async function shoot(page, name, { scrollTo } = {}) {
  if (scrollTo) await scrollTo.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  else await page.evaluate(() => window.scrollTo(0, 0));
  const file = path.join(shots, `${name}.png`);
  await page.screenshot({ path: file });
  const { size } = await fs.stat(file);
  assert.ok(size < 300 * 1024, `${name}.png is ${Math.round(size / 1024)} KB`);
}

test('screenshots of the main views (target/screenshots)', async () => {
  await fs.mkdir(shots, { recursive: true });
  const { context, page, errors } = await newRecordedPage(browser, server.url, { viewport: { width: 800, height: 1000 } });
  try {
    await openHosted(page);
    await shoot(page, 'start');
    await step(page, page, button(page, 'Hip'), 'AVN of the hip');
    await shoot(page, 'joint');
    await step(page, page, button(page, 'Help me work it out'), 'Help me work it out');
    const question = (words) => page.locator('fieldset.avn-question', { hasText: words });
    await question('X-ray looks normal').getByRole('radio', { name: 'No. The X-ray shows a change too.', exact: true }).check();
    await question('crescent sign').getByRole('radio', { name: 'Yes', exact: true }).check();
    await question('flattened or sunk').getByRole('radio', { name: "I don't know", exact: true }).check();
    await question('joint space').getByRole('radio', { name: "I don't know", exact: true }).check();
    await shoot(page, 'work-it-out-result', { scrollTo: page.locator('section.avn-result') });

    await page.goto(`${server.url}/#v=stage&s=hip-arco-2019/II&f=report`);
    await expectView(page, page, 'ARCO 2019 stage II');
    await shoot(page, 'stage');
    await shoot(page, 'stage-figures', { scrollTo: page.getByRole('heading', { level: 2, name: 'If nothing is done' }) });
    await page.goto(`${server.url}/#v=options&s=hip-arco-2019/II&f=report&c=watch-and-wait,bisphosphonates`);
    await expectView(page, page, 'Options for ARCO 2019 stage II');
    await shoot(page, 'options');
    const compare = `${server.url}/#v=compare&s=hip-arco-2019/II&f=report&c=watch-and-wait,bisphosphonates,shockwave-therapy`;
    await page.goto(compare);
    await expectView(page, page, 'Comparing options for ARCO 2019 stage II');
    await shoot(page, 'compare-800', { scrollTo: page.locator('tr.avn-figure-row').first() });
    await page.goto(`${server.url}/#v=risk-factors`);
    await expectView(page, page, 'What raises the risk');
    await page.getByRole('checkbox', { name: /^This applies to me: / }).first().check();
    await shoot(page, 'risk-factors');

    await page.setViewportSize({ width: 320, height: 900 });
    await page.goto('about:blank');
    await page.goto(compare);
    await expectView(page, page, 'Comparing options for ARCO 2019 stage II');
    await shoot(page, 'compare-320', { scrollTo: page.locator('tr.avn-figure-row').first() });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
