// Browser tests of decision support: a patient says what matters and sees the fit change,
// answers SURE, edits their questions, prints and saves the summary; nothing is stored unless
// they opt in, and opted-in answers come back after a reload and go when they clear them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './support/server.mjs';
import { launchBrowser, newRecordedPage } from './support/browser.mjs';
import { checkA11y, formatViolations } from './support/axe.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.env.DIST_DIR || path.join(root, 'dist');
const OPTIONS = '#v=options&s=hip-arco-2019/II&f=report';

let server, browser;
const axeResults = [];

before(async () => {
  server = await startServer(dist);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  for (const [view, count] of axeResults) console.log(`# axe ${view}: ${count} violations`);
});

async function expectNoAxeViolations(page, view) {
  const violations = await checkA11y(page);
  axeResults.push([view, violations.length]);
  assert.equal(violations.length, 0, `axe on ${view}:\n${formatViolations(violations)}`);
}

const h1 = (page) => page.getByRole('heading', { level: 1 });
const result = (page) => page.locator('.avn-result');
const rate = (page, value, rating) =>
  page.getByRole('group', { name: value, exact: true }).getByRole('radio', { name: rating, exact: true }).check();

// Everything the browser could have kept for this origin.
async function storedAnything(page, context) {
  const inPage = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
  }));
  return { ...inPage, cookies: (await context.cookies()).length };
}

// Ticks watch and wait and core decompression, then opens "What matters to me".
async function toValues(page) {
  await page.goto(`${server.url}/${OPTIONS}`);
  await h1(page).filter({ hasText: 'Options for ARCO 2019 stage II' }).waitFor();
  await page.getByRole('checkbox', { name: /Compare.*Watch and wait/ }).check();
  await page.getByRole('checkbox', { name: /Compare.*Core decompression$/ }).check();
  await page.getByRole('button', { name: 'What matters to me', exact: true }).click();
  await h1(page).filter({ hasText: 'What matters to me' }).waitFor();
}

test('a patient rates what matters, answers SURE, edits questions, prints and saves the summary; nothing is stored', async () => {
  const { context, page, requests, errors, foreignRequests } = await newRecordedPage(browser, server.url, {
    acceptDownloads: true,
  });
  try {
    await toValues(page);
    const loaded = requests.length;
    assert.match(await result(page).innerText(), /Choose "Matters a lot" or "Matters most"/);
    await expectNoAxeViolations(page, 'what matters to me');

    await rate(page, 'Not having an operation', 'Matters most');
    const fit = await result(page).innerText();
    assert.match(fit, /Watch and wait[\s\S]*Fits well: Not having an operation/);
    assert.match(fit, /Core decompression[\s\S]*Fits poorly: Not having an operation[\s\S]*This is an operation/);
    assert.doesNotMatch(fit, /best option|we recommend/i, 'no verdict');

    await rate(page, 'Keeping my own joint as long as possible', 'Matters a lot');
    assert.match(await result(page).innerText(), /Keeping my own joint[\s\S]*needed a joint replacement within 2 years/,
      'a figure explains the fit');
    await rate(page, 'Not having an operation', 'Does not matter to me');
    assert.doesNotMatch(await result(page).innerText(), /Not having an operation/, 'the fit follows the new rating');

    await page.getByRole('button', { name: 'Are you ready to choose?', exact: true }).click();
    await h1(page).filter({ hasText: 'Are you ready to choose?' }).waitFor();
    const sure = ['Do you feel sure which choice is right for you?', 'Do you feel you know the good and bad points of each option?',
      'Are you clear which good and bad points matter most to you?', 'Do you have enough help and advice to make a choice?'];
    for (const question of sure) {
      const answer = question.startsWith('Do you have enough help') ? 'No' : 'Yes';
      await page.getByRole('group', { name: question }).getByRole('radio', { name: answer, exact: true }).check();
    }
    const ready = await result(page).innerText();
    assert.match(ready, /yes to 3 of 4/);
    assert.match(ready, /Talk to someone you trust/, 'the help for the unmet need');
    assert.doesNotMatch(ready, /Take more time/, 'no help for needs that are met');
    await expectNoAxeViolations(page, 'ready to choose');

    await page.getByRole('button', { name: 'Questions for my doctor', exact: true }).click();
    await h1(page).filter({ hasText: 'Questions for my doctor' }).waitFor();
    const list = page.locator('.avn-question-list');
    assert.match(await list.innerText(), /Is my hip at ARCO 2019 stage II/);
    assert.match(await list.innerText(), /main risks of Core decompression/);
    await page.getByRole('button', { name: /Remove.*Should my other joints be checked/ }).click();
    await page.getByRole('checkbox', { name: /What are the main risks of Core decompression/ }).check();
    await page.getByLabel('Add your own question').fill('Can I keep playing tennis?');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    assert.match(await list.innerText(), /Can I keep playing tennis\?/);
    assert.doesNotMatch(await list.innerText(), /other joints be checked/);
    await expectNoAxeViolations(page, 'questions for my doctor');

    await page.getByRole('button', { name: 'My summary', exact: true }).click();
    await h1(page).filter({ hasText: 'My summary' }).waitFor();
    const summary = page.locator('.avn-summary');
    const text = await summary.innerText();
    for (const expected of [/Hip: ARCO 2019 stage II/, /found this stage on my scan report/, /Watch and wait/,
      /Core decompression/, /Keeping my own joint as long as possible: Matters a lot/, /yes to 3 of 4/,
      /☑ What are the main risks of Core decompression/, /Can I keep playing tennis\?/, /Content version \d/]) {
      assert.match(text, expected);
    }
    assert.doesNotMatch(text, /other joints be checked/);
    await expectNoAxeViolations(page, 'summary');

    await page.emulateMedia({ media: 'print' });
    assert.ok(await summary.isVisible(), 'the summary prints');
    for (const chrome of ['.avn-footer', '.avn-decide', '.avn-remember', '.avn-summary-actions', '.avn-back']) {
      assert.equal(await page.locator(chrome).isVisible(), false, `${chrome} is not printed`);
    }
    await page.emulateMedia({ media: 'screen' });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save as a file', exact: true }).click();
    const file = fs.readFileSync(await (await download).path(), 'utf8');
    assert.match(file, /^<!doctype html>/);
    for (const expected of ['Hip: ARCO 2019 stage II', 'Can I keep playing tennis?', 'Matters a lot', 'yes to 3 of 4']) {
      assert.ok(file.includes(expected), `the file has "${expected}"`);
    }
    assert.doesNotMatch(file, /<script/i, 'the saved file runs no script');

    assert.equal(requests.length, loaded, `no request after loading: ${requests.slice(loaded).join(', ')}`);
    assert.deepEqual(foreignRequests(), []);
    assert.deepEqual(await storedAnything(page, context), { local: 0, session: 0, databases: 0, cookies: 0 },
      'without opting in, nothing is stored');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('with "remember" ticked, a reload restores the answers; clearing them removes everything', async () => {
  const { context, page, errors } = await newRecordedPage(browser, server.url);
  try {
    await toValues(page);
    await rate(page, 'Getting pain relief soon', 'Matters most');
    const remember = page.getByRole('checkbox', { name: 'Remember my answers on this device' });
    assert.equal(await remember.isChecked(), false, 'off by default');
    assert.equal((await storedAnything(page, context)).local, 0);
    await remember.check();
    assert.equal((await storedAnything(page, context)).local, 1, 'one entry once ticked');

    await page.goto(`${server.url}/#v=values&s=hip-arco-2019/II`);
    await page.reload();
    await h1(page).filter({ hasText: 'What matters to me' }).waitFor();
    const pain = page.getByRole('group', { name: 'Getting pain relief soon', exact: true });
    assert.equal(await pain.getByRole('radio', { name: 'Matters most', exact: true }).isChecked(), true,
      'the rating came back after the reload');
    assert.equal(await page.getByRole('checkbox', { name: 'Remember my answers on this device' }).isChecked(), true);

    await page.getByRole('button', { name: 'Clear all my answers', exact: true }).click();
    await h1(page).first().waitFor();
    assert.deepEqual(await storedAnything(page, context), { local: 0, session: 0, databases: 0, cookies: 0 });
    await page.goto(`${server.url}/#v=values&s=hip-arco-2019/II`);
    await page.reload();
    await h1(page).filter({ hasText: 'What matters to me' }).waitFor();
    assert.equal(await pain.getByRole('radio', { name: 'Matters most', exact: true }).isChecked(), false, 'forgotten');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('damaged or old saved answers are dropped with a short notice, never a crash', async () => {
  for (const [saved, notice] of [
    ['avn2.%%%not-base64', 'could not be read'],
    ['avn1.AAAA', 'older version'],
  ]) {
    const { context, page, errors } = await newRecordedPage(browser, server.url);
    try {
      await page.goto(`${server.url}/`);
      // Wait for the aid to start first: it reads (and drops) a damaged entry when it starts.
      await h1(page).first().waitFor();
      await page.evaluate((text) => localStorage.setItem('avn-aid:answers', text), saved);
      await page.reload();
      await h1(page).first().waitFor();
      assert.match(await page.locator('.avn-notice').first().innerText(), new RegExp(notice));
      assert.equal(await page.evaluate(() => localStorage.length), 0, 'the damaged entry is removed');
      await page.getByRole('button', { name: 'Hip', exact: true }).click();
      await h1(page).filter({ hasText: 'AVN of the hip' }).waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});
