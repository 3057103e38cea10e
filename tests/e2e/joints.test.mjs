// Every joint, walked as a patient would: an early and a late stage, each page showing that
// joint's own warning signs (never another joint's), the options page putting the choices first
// with at least one operation at a late stage, and axe finding nothing on any of these views.
// The expectations are read from the content files themselves, so the test follows the content.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newRecordedPage } from './support/browser.mjs';
import { servedDist } from './support/suite.mjs';
import { checkA11y, formatViolations } from './support/axe.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const content = path.join(root, 'content');

/** The TOML files of one content folder, as text. */
const files = (folder) =>
  fs.readdirSync(path.join(content, folder)).filter((f) => f.endsWith('.toml')).map((f) => ({
    id: f.replace(/\.toml$/, ''),
    text: fs.readFileSync(path.join(content, folder, f), 'utf8'),
  }));
/** A `key = "value"` or `key.en = "value"` line's value (the first one in `text`). */
const value = (text, key) => text.match(new RegExp(`^${key.replace('.', '\\.')} = "(.*)"$`, 'm'))?.[1];
/** A `key = ["a", "b"]` line's items. */
const list = (text, key) => (text.match(new RegExp(`^${key} = \\[(.*)\\]$`, 'm'))?.[1].match(/"[^"]*"/g) ?? []).map((s) => s.slice(1, -1));

const joints = files('joints').map(({ id, text }) => ({ id, name: value(text, 'name.en'), title: value(text, 'title.en') }));
// A joint's own signs: not about the time after a treatment, naming the joint.
const signs = files('warning-signs').flatMap(({ text }) =>
  text.split(/^\[\[sign\]\]$/m).slice(1).map((block) => ({
    text: value(block, 'text.en'),
    joints: list(block, 'joints'),
    aftercare: /^after(_operation)? = /m.test(block),
  })),
);
const ownSigns = (joint) => signs.filter((s) => !s.aftercare && s.joints.includes(joint));
const OPERATIONS = ['joint-preserving-surgery', 'joint-replacement', 'other-surgery'];
const operationNames = files('options').filter(({ text }) => OPERATIONS.includes(value(text, 'kind'))).map(({ text }) => value(text, 'name.en'));

const suite = servedDist();

const h1 = (scope) => scope.getByRole('heading', { level: 1 });

/** The text of the "When to get help" box on the current view. */
const helpBox = (aid) => aid.locator('section.avn-doctor').innerText();

async function noAxe(page, view) {
  const violations = await checkA11y(page);
  assert.equal(violations.length, 0, `axe on ${view}:\n${formatViolations(violations)}`);
}

/** The warning box shows every sign of this joint's own and none of another joint's own. */
function checkSigns(box, joint, view) {
  const own = ownSigns(joint.id);
  assert.ok(own.length >= 1, `${joint.id} has signs of its own`);
  for (const sign of own) assert.ok(box.includes(sign.text), `${view}: missing "${sign.text}"`);
  for (const sign of signs.filter((s) => !s.aftercare && !s.joints.includes(joint.id))) {
    assert.ok(!box.includes(sign.text), `${view}: shows another joint's sign "${sign.text}"`);
  }
}

for (const joint of joints) {
  test(`${joint.name}: an early and a late stage, with this joint's warning signs and, late, an operation among the choices`, async () => {
    const { context, page, errors } = await newRecordedPage(suite.browser, suite.server.url);
    try {
      await page.goto(`${suite.server.url}/`);
      const aid = page.locator('.avn-aid');
      await aid.getByRole('button', { name: joint.name, exact: true }).click();
      await h1(aid).filter({ hasText: joint.title }).waitFor();
      await aid.locator('section.avn-way').first().locator('button.avn-choice').first().click();
      await h1(aid).filter({ hasText: /^Stages in/ }).waitFor();
      const systemView = await h1(aid).innerText();
      for (const group of ['Early', 'Late']) {
        const stages = aid.locator(`section.avn-phase-${group.toLowerCase()} button.avn-choice`);
        if ((await stages.count()) === 0) continue;
        const stage = group === 'Early' ? stages.first() : stages.last();
        const name = (await stage.locator('.avn-choice-title').innerText()).trim();
        await stage.click();
        await h1(aid).filter({ hasText: name }).waitFor();
        assert.doesNotMatch(await aid.innerText(), /\bAtRisk\b/, 'no internal code reaches the patient');
        checkSigns(await helpBox(aid), joint, `${name} stage page`);
        await noAxe(page, `${joint.id} ${name} stage`);

        await aid.getByRole('button', { name: 'See the options for this stage' }).first().click();
        await h1(aid).filter({ hasText: `Options for ${name}` }).waitFor();
        checkSigns(await helpBox(aid), joint, `${name} options page`);
        const choices = await aid.locator('section.avn-decision-choices article h3').allInnerTexts();
        assert.ok(choices.includes('Watch and wait'), `${name}: watch and wait among the choices`);
        assert.ok(choices.length >= 2, `${name}: at least two choices`);
        if (group === 'Late') {
          const offered = await aid.locator('section.avn-decision-choices .avn-offer-group').filter({ hasNotText: 'Not usually offered' }).locator('article h3').allInnerTexts();
          assert.ok(offered.some((n) => operationNames.includes(n)), `${name}: an operation is usually or sometimes offered (${offered.join(', ')})`);
        }
        await noAxe(page, `${joint.id} ${name} options`);
        // An option page shows the joint's signs too, and those for after it.
        await aid.locator('section.avn-decision-choices article').first().getByRole('button', { name: /^More about/ }).click();
        await aid.locator('section.avn-doctor').waitFor();
        checkSigns(await helpBox(aid), joint, `${name} option page`);
        await aid.getByRole('button', { name: 'Back' }).click();
        await h1(aid).filter({ hasText: `Options for ${name}` }).waitFor();
        await aid.getByRole('button', { name: 'Back' }).click();
        await h1(aid).filter({ hasText: name }).waitFor();
        await aid.getByRole('button', { name: 'Back' }).click();
        await h1(aid).filter({ hasText: systemView }).waitFor();
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
