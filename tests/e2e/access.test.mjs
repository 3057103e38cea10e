// Accessible beyond what axe checks: focus after a removal, short announcements, pictures in
// high-contrast mode, and one Tab stop per explained word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newRecordedPage } from './support/browser.mjs';
import { servedDist } from './support/suite.mjs';
import { checkA11y, formatViolations } from './support/axe.mjs';

const suite = servedDist();

const deepActive = `(() => { let a = document.activeElement; while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; return a ? { tag: a.tagName, text: a.textContent.trim(), label: a.getAttribute('aria-label') || '' } : null; })()`;
const h1 = (page) => page.getByRole('heading', { level: 1 });

test('focus after Remove lands on the next Remove button or the heading, with a short "Removed" status', async () => {
  const { context, page, errors } = await newRecordedPage(suite.browser, suite.server.url);
  try {
    await page.goto(`${suite.server.url}/#v=compare&s=hip-arco-2019/II&f=report&c=watch-and-wait,bisphosphonates,shockwave-therapy`);
    await h1(page).filter({ hasText: 'Comparing options' }).waitFor();
    const first = page.getByRole('button', { name: /^Remove: Watch and wait$/ });
    await first.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /^Remove: Watch and wait$/ }).waitFor({ state: 'detached' });
    let at = await page.evaluate(deepActive);
    assert.equal(at.label, 'Remove: Bisphosphonate medicines', JSON.stringify(at));
    assert.match(await page.locator('[role="status"]').first().innerText(), /^Removed: Watch and wait$/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    at = await page.evaluate(deepActive);
    assert.ok(at && at.tag !== 'BODY', `focus is on ${JSON.stringify(at)}`);

    // The same on the question list.
    await page.goto(`${suite.server.url}/#v=questions&s=hip-arco-2019/II`);
    await h1(page).filter({ hasText: 'Questions for my doctor' }).waitFor();
    const removes = page.locator('.avn-question-list li button');
    const before = await removes.count();
    await removes.nth(1).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => {
      const host = document.querySelector('[data-avn-aid]').shadowRoot;
      return host.querySelectorAll('.avn-question-list li button').length === n - 1;
    }, before);
    at = await page.evaluate(deepActive);
    assert.match(at.label, /^Remove: /, JSON.stringify(at));
    assert.match(await page.locator('[role="status"]').last().innerText(), /^Removed: /);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('each view has one short live line: answering a question announces a sentence, not the whole result', async () => {
  const { context, page } = await newRecordedPage(suite.browser, suite.server.url);
  try {
    for (const view of ['#v=work-it-out&j=hip', '#v=values&s=hip-arco-2019/II', '#v=ready', '#v=options&s=hip-arco-2019/II']) {
      await page.goto(`${suite.server.url}/${view}`);
      await h1(page).waitFor();
      const live = () => page.evaluate(() => {
        const host = document.querySelector('[data-avn-aid]').shadowRoot;
        return [...host.querySelectorAll('[aria-live], [role="status"]')].filter((el) => !el.classList.contains('avn-notice')).map((el) => el.textContent);
      });
      if (view.includes('options')) {
        await page.locator('input[type="checkbox"]').first().check();
      } else {
        await page.locator('input[type="radio"]').first().check();
        await page.locator('input[type="radio"]').nth(3).check();
      }
      const regions = await live();
      assert.ok(regions.length <= 1, `${view}: ${regions.length} live regions`);
      for (const text of regions) assert.ok(text.length < 200, `${view}: "${text}"`);
      assert.equal(await page.locator('section.avn-result[aria-live]').count(), 0, view);
    }
  } finally {
    await context.close();
  }
});

test('under forced colours with a dark scheme the three picture states and the legend stay distinguishable', async () => {
  const { context, page } = await newRecordedPage(suite.browser, suite.server.url, { forcedColors: 'active', colorScheme: 'dark' });
  try {
    await page.goto(`${suite.server.url}/#v=option&s=hip-arco-2019/II&o=watch-and-wait`);
    await page.locator('svg.avn-icons').first().waitFor();
    const look = await page.evaluate(() => {
      const host = document.querySelector('[data-avn-aid]').shadowRoot;
      const style = (sel) => { const el = host.querySelector(sel); if (!el) return null; const s = getComputedStyle(el); return { fill: s.fill, stroke: s.stroke, bg: s.backgroundColor, border: s.borderTopStyle + ' ' + s.borderTopColor }; };
      return {
        page: getComputedStyle(host.querySelector('.avn-aid')).backgroundColor,
        yes: style('.avn-icons-yes'), maybe: style('.avn-icons-maybe'), no: style('.avn-icons-no'),
        keyYes: style('.avn-key-yes'), keyNo: style('.avn-key-no'),
      };
    });
    const { yes, maybe, no } = look;
    assert.notEqual(yes.fill, no.fill, JSON.stringify(look));
    assert.notEqual(`${maybe.fill} ${maybe.stroke}`, `${no.fill} ${no.stroke}`, JSON.stringify(look));
    assert.notEqual(yes.fill, maybe.fill, JSON.stringify(look));
    assert.notEqual(look.keyYes.bg, look.keyNo.bg, JSON.stringify(look));
    assert.notEqual(look.keyYes.bg, 'rgba(0, 0, 0, 0)', 'the filled swatch is visible');
  } finally {
    await context.close();
  }
});

test('at 390 px an options page has one Tab stop per explained word (its first use), and puts the decision first', async () => {
  const { context, page } = await newRecordedPage(suite.browser, suite.server.url, { viewport: { width: 390, height: 800 } });
  try {
    await page.goto(`${suite.server.url}/#v=options&s=hip-arco-2019/IIIB&f=report`);
    await h1(page).filter({ hasText: 'Options for' }).waitFor();
    const repeats = await page.evaluate(() => {
      const host = document.querySelector('[data-avn-aid]').shadowRoot;
      // A word is a button where the page first uses it (in any card), plain text after.
      const seen = new Map();
      const out = [];
      for (const card of host.querySelectorAll('article.avn-card')) {
        const name = card.querySelector('h3').textContent;
        for (const word of [...card.querySelectorAll('button.avn-term')].map((b) => b.textContent.trim().toLowerCase())) {
          if (seen.has(word)) out.push(`${word} in "${name}", already in "${seen.get(word)}"`);
          else seen.set(word, name);
        }
      }
      return out;
    });
    assert.deepEqual(repeats, []);
    // The decision first: replacement among the first section's cards, lifestyle in the second.
    const first = await page.locator('section.avn-decision-choices article h3').allInnerTexts();
    const second = await page.locator('section.avn-with-any article h3').allInnerTexts();
    assert.ok(first.includes('Total hip replacement'), first.join(' | '));
    assert.ok(!first.includes('Changing your activities') && second.some((n) => /activit/i.test(n)), `${first.join(' | ')} // ${second.join(' | ')}`);
    const violations = await checkA11y(page);
    assert.equal(violations.length, 0, formatViolations(violations));
  } finally {
    await context.close();
  }
});

test('a picture of 100 people is read once (its sentence), and a tick box disabled at 4 says why', async () => {
  const { context, page } = await newRecordedPage(suite.browser, suite.server.url);
  try {
    await page.goto(`${suite.server.url}/#v=option&s=hip-arco-2019/II&o=watch-and-wait`);
    await page.locator('svg.avn-icons').first().waitFor();
    const pictures = await page.evaluate(() => {
      const host = document.querySelector('[data-avn-aid]').shadowRoot;
      return [...host.querySelectorAll('svg.avn-icons')].map((svg) => ({
        hidden: svg.getAttribute('aria-hidden') === 'true',
        label: svg.getAttribute('aria-label'),
        sentence: svg.parentElement.querySelector('.avn-figure-main')?.textContent ?? '',
      }));
    });
    assert.ok(pictures.length >= 1);
    for (const p of pictures) {
      assert.ok(p.hidden && !p.label, `read once: ${JSON.stringify(p)}`);
      assert.match(p.sentence, /^\d+ in 100 /, 'the sentence beside it carries the numbers');
    }
    await page.goto(`${suite.server.url}/#v=options&s=hip-arco-2019/II`);
    const ticks = page.getByRole('checkbox', { name: /^Compare: / });
    for (let i = 0; i < 4; i++) await ticks.nth(i).check();
    const disabled = page.locator('input[type="checkbox"][disabled]').first();
    await disabled.waitFor({ state: 'attached' });
    const why = await disabled.evaluate((el) => el.getRootNode().getElementById(el.getAttribute('aria-describedby'))?.textContent ?? '');
    assert.match(why, /ticked 4 already.*Untick one/, why);
    await ticks.nth(0).uncheck();
    assert.equal(await page.locator('input[type="checkbox"][disabled]').count(), 0, 'one untick frees the others');
    const violations = await checkA11y(page);
    assert.equal(violations.length, 0, formatViolations(violations));
  } finally {
    await context.close();
  }
});

test('each view has its own document title, the aid is a named region, inputs show a focus ring and source links name their source', async () => {
  const { context, page } = await newRecordedPage(suite.browser, suite.server.url);
  try {
    await page.goto(`${suite.server.url}/#v=stage&s=hip-arco-2019/II`);
    await h1(page).filter({ hasText: 'ARCO 2019 stage II' }).waitFor();
    assert.equal(await page.title(), 'ARCO 2019 stage II – Avascular necrosis: understand your stage');
    assert.equal(await page.getByRole('region', { name: 'Avascular necrosis: understand your stage' }).count(), 1);
    const links = await page.locator('.avn-sources a').evaluateAll((as) => as.map((a) => a.textContent.trim()));
    assert.ok(links.length >= 1);
    for (const name of links) assert.ok(name.length > 8 && !/^link\b/i.test(name), `source link "${name}"`);
    await page.goto(`${suite.server.url}/#v=options&s=hip-arco-2019/II`);
    await h1(page).filter({ hasText: 'Options for' }).waitFor();
    assert.equal(await page.title(), 'Options for ARCO 2019 stage II – Avascular necrosis: understand your stage');
    // Keyboard focus on a tick box draws the aid's own outline, not the browser's default.
    const tick = page.getByRole('checkbox', { name: /^Compare: / }).first();
    await tick.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const ring = await tick.evaluate((el) => { const s = getComputedStyle(el); return `${s.outlineStyle} ${s.outlineWidth}`; });
    assert.equal(ring, 'solid 3px');
  } finally {
    await context.close();
  }
});

test('a ticked situation shows its notes on the stage and options pages, and never reaches the URL or storage', async () => {
  const { context, page, errors } = await newRecordedPage(suite.browser, suite.server.url);
  try {
    await page.goto(`${suite.server.url}/#v=stage&s=hip-arco-2019/IIIB&f=report`);
    await h1(page).waitFor();
    const picker = page.locator('.avn-situations details');
    await picker.locator('summary').click();
    const sickle = page.getByRole('checkbox', { name: /sickle cell/i });
    await sickle.check();
    await page.locator('.avn-situation-notes li').first().waitFor();
    assert.match(await page.locator('.avn-situation-notes').innerText(), /sickle cell/i);
    await page.getByRole('button', { name: 'See the options for this stage' }).first().click();
    await h1(page).filter({ hasText: 'Options for' }).waitFor();
    assert.ok((await page.locator('.avn-situation-notes li').count()) >= 1);
    assert.doesNotMatch(decodeURIComponent(page.url()), /sickle/);
    assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
    assert.equal((await context.cookies()).length, 0);
    const violations = await checkA11y(page);
    assert.equal(violations.length, 0, formatViolations(violations));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
