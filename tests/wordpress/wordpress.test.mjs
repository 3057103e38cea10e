// The WordPress plugin in a real WordPress 6.1 (Debian's packages, Twenty Twenty-Three, its own
// MariaDB and Apache: see site.mjs), with content saved by each role so WordPress's own filtering
// applies: a) an administrator's raw snippet in a Custom HTML block, b) an author's shortcode in
// classic content, c) an editor's block, d) an editor (no unfiltered_html) pasting the raw
// snippet, e) a page without the guide, f) an administrator's hostile shortcode settings. Then the
// block in the real block editor, the settings page, a missing script, the PHP log and uninstall.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSite, SiteSkipped, SITE_DEFAULTS, WP_ROOT, CONFIG_NAME } from './site.mjs';
import { launchBrowser, newRecordedPage } from '../e2e/support/browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const MISSING = /The patient guide.s script is missing from this page/;
const START = 'AVN of the hip';

let site = null;
let browser = null;
let skipped = '';
let failed = false;
const t0 = Date.now();
let testsStarted = 0;

before(async () => {
  try {
    site = await startSite();
  } catch (err) {
    if (!(err instanceof SiteSkipped)) throw err;
    skipped = err.message;
    console.log(skipped);
    return;
  }
  const steps = Object.entries(site.timings).map(([k, v]) => `${k} ${v.toFixed(1)}s`).join(', ');
  console.log(`[time] wordpress setup: ${((Date.now() - t0) / 1000).toFixed(1)}s (WordPress ${site.versions.wordpress}, PHP ${site.versions.php}: ${steps})`);
  browser = await launchBrowser();
  testsStarted = Date.now();
});

after(async () => {
  await browser?.close();
  if (site) {
    if (failed) {
      const logs = site.logs();
      console.log(`--- PHP log (end)\n${logs.php}\n--- Apache error log (end)\n${logs.apache}`);
    }
    const tests = (Date.now() - testsStarted) / 1000;
    const stopping = Date.now();
    await site.stop();
    console.log(`[time] wordpress tests: ${tests.toFixed(1)}s; stopping the site: ${((Date.now() - stopping) / 1000).toFixed(1)}s`);
  }
});

/** A test that is skipped (with the reason) when the site could not start here. */
function wpTest(name, fn) {
  test(name, async (t) => {
    if (!site) return t.skip(skipped || 'the WordPress site did not start');
    try {
      await fn(t);
    } catch (err) {
      failed = true;
      throw err;
    }
  });
}

const html = async (url) => {
  const res = await fetch(url);
  assert.equal(res.status, 200, url);
  return res.text();
};
const scriptTags = (page) => page.match(/<script[^>]*avn-aid\.js[^>]*>/g) ?? [];
const aid = (page) => page.locator('[data-avn-aid]').first();
const h1 = (scope) => scope.getByRole('heading', { level: 1 });

async function expectView(scope, title) {
  await h1(scope).filter({ hasText: title }).waitFor({ timeout: 20000 });
  assert.equal((await h1(scope).innerText()).trim(), title);
}

/** Hip → ARCO 2019 → stage II → its options, inside the aid. */
async function walkToOptions(scope) {
  await expectView(scope, START);
  await scope.getByRole('button', { name: /^ARCO 2019/ }).click();
  await expectView(scope, 'Stages in the ARCO 2019 system');
  await scope.getByRole('button', { name: /^ARCO 2019 stage II(?![A-Z0-9])/ }).click();
  await expectView(scope, 'ARCO 2019 stage II');
  await scope.getByRole('button', { name: 'See the options for this stage', exact: true }).first().click();
  await expectView(scope, 'Options for ARCO 2019 stage II');
}

/** The theme's header, page title and text as the browser draws them, and the page's style sheets. */
const themeSnapshot = (page) =>
  page.evaluate(() => {
    const look = (el, props) => (el ? Object.fromEntries(props.map((p) => [p, getComputedStyle(el).getPropertyValue(p)])) : null);
    const text = ['font-family', 'font-size', 'font-weight', 'line-height', 'color', 'letter-spacing', 'text-decoration-line'];
    const box = ['display', 'width', 'height', 'padding-top', 'padding-left', 'margin-top', 'background-color'];
    const header = document.querySelector('header.wp-block-template-part');
    const title = document.querySelector('.wp-block-site-title a, .wp-block-site-title');
    return {
      header: header?.outerHTML ?? null,
      headerLook: look(header, box),
      siteTitle: title?.textContent.trim() ?? null,
      siteTitleLook: look(title, text),
      body: look(document.body, [...text, 'background-color', 'margin-top']),
      pageTitle: look(document.querySelector('h1.wp-block-post-title'), text),
      styleSheets: [...document.querySelectorAll('link[rel=stylesheet], style')].map((s) => s.id || s.getAttribute('href') || 'style').join(' '),
      adopted: document.adoptedStyleSheets.length,
    };
  });

/** Widths of the aid's box and of the paragraph beside it in the post content. */
const widths = (page) =>
  page.evaluate(() => {
    const host = document.querySelector('[data-avn-aid]');
    const paragraph = [...host.parentElement.children].find((e) => e.tagName === 'P');
    return {
      host: host.getBoundingClientRect().width,
      scroll: host.scrollWidth,
      paragraph: paragraph ? paragraph.getBoundingClientRect().width : NaN,
      column: getComputedStyle(host.parentElement).getPropertyValue('--wp--style--global--content-size').trim(),
    };
  });

/** The fallback words inside the aid's box that the browser draws (none once the aid runs). */
const drawnFallback = (page) =>
  page.evaluate(() => {
    const host = document.querySelector('[data-avn-aid]');
    const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
    const drawn = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      if (node.textContent.trim() && range.getClientRects().length > 0) drawn.push(node.textContent.trim());
    }
    return drawn;
  });

async function logIn(page, login) {
  await page.goto(`${site.url}/wp-login.php`);
  await page.fill('#user_login', login);
  await page.fill('#user_pass', site.users[login].password);
  await Promise.all([page.waitForURL(/\/wp-admin\//), page.click('#wp-submit')]);
}

// --- a–c: the aid starts and works, and leaves the theme alone ------------------------------------
const STARTS = [
  ['a', 'an administrator\'s raw snippet in a Custom HTML block', 'St Example Hospital', 'https://www.your-hospital.example/hip-clinic/book', 'rgb(122, 31, 92)'],
  ['b', 'an author\'s shortcode in a classic post, saved twice', 'St Example', 'https://hospital.example/hip-clinic', 'rgb(11, 92, 138)'],
  ['c', 'an editor\'s block (no unfiltered_html), saved twice', 'St Example', SITE_DEFAULTS.contact_url, 'rgb(11, 92, 138)'],
];
for (const [key, what, hospital, contact, accent] of STARTS) {
  wpTest(`${key}) ${what}: the aid starts, walks to the options, and the theme is untouched`, async () => {
    const pageInfo = site.pages[key];
    // The theme as it is without the aid running (its script refused), for comparison.
    const without = await browser.newContext();
    let expected;
    try {
      const page = await without.newPage();
      await page.route(/avn-aid\.js/, (route) => route.abort());
      await page.goto(pageInfo.url);
      expected = await themeSnapshot(page);
    } finally {
      await without.close();
    }

    const { context, page, requests, errors, foreignRequests } = await newRecordedPage(browser, site.url);
    try {
      await page.goto(pageInfo.url);
      const box = aid(page);
      await expectView(box, START);
      assert.equal(await box.evaluate((el) => !!el.shadowRoot), true, 'the aid draws in a shadow root');
      assert.deepEqual(await drawnFallback(page), [], 'the words for editors are not drawn');
      assert.equal(requests.filter((u) => u.includes('/avn-aid.js')).length, 1, 'the script is fetched once');

      const link = box.getByRole('link', { name: `Talk to a specialist at ${hospital}`, exact: true });
      assert.equal(await link.getAttribute('href'), contact);
      const colour = await box.locator('.avn-choice-title').first().evaluate((el) => getComputedStyle(el).color);
      assert.equal(colour, accent, 'the accent colour');

      await walkToOptions(box);

      assert.deepEqual(await themeSnapshot(page), expected, 'the theme\'s header, title and styles are the same with the aid');
      const w = await widths(page);
      assert.ok(w.paragraph > 0, 'a paragraph beside the aid');
      console.log(`${key}) widths: aid ${w.host}px (scrollWidth ${w.scroll}px), paragraph ${w.paragraph}px`);
    assert.ok(w.host <= w.paragraph + 0.5, `the aid's box (${w.host}px) is no wider than the content column's paragraph (${w.paragraph}px, content size ${w.column})`);
      assert.ok(w.scroll <= Math.ceil(w.paragraph) + 1, `nothing in the aid sticks out of the column (scrollWidth ${w.scroll}px, paragraph ${w.paragraph}px)`);

      assert.deepEqual(foreignRequests(), [], `requests only to ${site.url}`);
      assert.deepEqual(errors, [], 'no console error');
      assert.equal(page.url(), pageInfo.url, 'the page URL is not changed');
    } finally {
      await context.close();
    }
  });
}

wpTest('a–c) each role\'s saved content keeps the guide: kses leaves the snippet (administrator), shortcode and block alone', async () => {
  assert.equal(site.users.admin.unfilteredHtml, true);
  assert.equal(site.users.author.unfilteredHtml, false);
  assert.equal(site.users.editor.unfilteredHtml, false, 'the editor role has no unfiltered_html');
  assert.equal(site.pages.a.stored, site.pages.a.sent);
  assert.equal(site.pages.b.stored, site.pages.b.sent);
  assert.equal(site.pages.c.stored, site.pages.c.sent);
});

wpTest('b) the classic editor\'s automatic paragraphs do not break the shortcode\'s box', async () => {
  const page = await html(site.pages.b.url);
  const box = page.match(/(.{0,12})(<div data-avn-aid[^>]*>)(.*?)<\/div>(.{0,8})/s);
  assert.ok(box, 'the box is on the page');
  const [, before, open, inner, after] = box;
  assert.equal(open, '<div data-avn-aid data-hospital="St Example" data-contact-url="https://hospital.example/hip-clinic" data-lang="en" data-accent="#0b5c8a" data-joint="hip">');
  assert.equal(inner, '<p>The patient guide&#039;s script is missing from this page, so the guide cannot start. Please ask the website&#039;s team.</p>');
  assert.doesNotMatch(before, /<p>\s*$/, 'not inside a paragraph');
  assert.doesNotMatch(after, /^\s*<\/p>|^<br/, 'no paragraph end or line break after it');
  assert.match(page, /<p>Our guide for patients with avascular necrosis of the hip\.<\/p>/);
  assert.match(page, /<p>Call the clinic if anything in it worries you\.<\/p>/);
  assert.equal(scriptTags(page).length, 1, 'the script once, from the plugin');
  const version = fs.readFileSync(path.join(site.pluginDir, 'build-info.php'), 'utf8').match(/'script_version'\s*=>\s*'([0-9a-f]+)'/)?.[1];
  assert.ok(version, 'build-info.php has a script_version');
  assert.match(scriptTags(page)[0], new RegExp(`/wp-content/plugins/avn-aid/avn-aid\\.js\\?ver=${version}'`), 'versioned by build-info.php');
});

wpTest('c) the block in the real block editor: the placeholder lists the settings, the sidebar edits them, Update keeps it working', async () => {
  const { context, page, errors } = await newRecordedPage(browser, site.url);
  try {
    await logIn(page, 'editor');
    await page.goto(`${site.url}/wp-admin/post.php?post=${site.pages.c.id}&action=edit`);
    const placeholder = page.locator('.avn-aid-guide-placeholder');
    await placeholder.waitFor({ timeout: 30000 });
    // The first-visit welcome guide covers the editor.
    await page.evaluate(() => {
      const editPost = window.wp.data.select('core/edit-post');
      if (editPost.isFeatureActive('welcomeGuide')) window.wp.data.dispatch('core/edit-post').toggleFeature('welcomeGuide');
    });
    const text = await placeholder.innerText();
    assert.match(text, /AVN patient guide/);
    assert.match(text, /appears here on the published page/);
    assert.match(text, /Hospital name\s*St Example\b/);
    assert.match(text, /Contact link\s*https:\/\/hospital\.example\/book \(site default\)/);
    assert.match(text, /Starts on\s*Hip/);
    assert.equal(await page.getByText('This block contains unexpected or invalid content').count(), 0);
    assert.equal(await page.getByText(/doesn.t include support for the/).count(), 0);

    await placeholder.click();
    const sidebarOpen = await page.evaluate(() => window.wp.data.select('core/edit-post').isEditorSidebarOpened());
    if (!sidebarOpen) await page.evaluate(() => window.wp.data.dispatch('core/edit-post').openGeneralSidebar('edit-post/block'));
    const hospital = page.getByRole('textbox', { name: 'Hospital name' });
    await hospital.waitFor();
    assert.equal(await hospital.inputValue(), 'St Example');
    assert.equal(await page.getByRole('combobox', { name: 'Start on' }).inputValue(), 'hip');
    // A link the page will not use is flagged in the placeholder.
    const contact = page.getByRole('textbox', { name: 'Contact link' });
    await contact.fill('www.hospital.example/book');
    await placeholder.getByText(/www\.hospital\.example\/book is not used: it must start with https:\/\/, mailto: or tel:/).waitFor();
    await contact.fill('');
    await page.getByRole('textbox', { name: 'Disclaimer' }).fill('Ask the hip clinic about anything here.');
    await placeholder.getByText('Ask the hip clinic about anything here.').waitFor();

    await page.getByRole('button', { name: 'Update', exact: true }).click();
    await page.getByText('Page updated.').first().waitFor({ timeout: 20000 });
    assert.deepEqual(errors.filter((e) => /avn-aid|pageerror/.test(e)), [], 'no error from the block\'s script');
  } finally {
    await context.close();
  }
  const stored = await site.rest('editor', 'GET', `/wp/v2/pages/${site.pages.c.id}`, { query: { context: 'edit' } });
  assert.match(stored.content.raw, /<!-- wp:avn-aid\/guide \{"hospital":"St Example","joint":"hip","disclaimer":"Ask the hip clinic about anything here\."\} \/-->/);

  const { context: viewer, page: published } = await newRecordedPage(browser, site.url);
  try {
    await published.goto(site.pages.c.url);
    await expectView(aid(published), START);
    assert.match(await aid(published).locator('.avn-aid').innerText(), /A note from St Example\s*Ask the hip clinic about anything here\./);
  } finally {
    await viewer.close();
  }
});

// --- d–f ------------------------------------------------------------------------------------------
wpTest('d) an editor without unfiltered_html pastes the raw snippet: WordPress strips the script, the box says it is missing', async () => {
  const stored = site.pages.d.stored;
  assert.doesNotMatch(stored, /<script/i, 'kses removed the script tag');
  assert.match(stored, /<div data-avn-aid\s+data-hospital="St Example Hospital"/, 'the div and its data- attributes survive');
  const page = await html(site.pages.d.url);
  assert.deepEqual(scriptTags(page), [], 'no avn-aid.js on the page');

  const { context, page: tab, requests } = await newRecordedPage(browser, site.url);
  try {
    await tab.goto(site.pages.d.url);
    const words = tab.getByText(MISSING);
    await words.waitFor();
    assert.equal(await words.isVisible(), true, 'the explanation is visible text');
    assert.match((await drawnFallback(tab)).join(' '), MISSING, 'and drawn');
    assert.equal(await aid(tab).evaluate((el) => !!el.shadowRoot), false);
    assert.deepEqual(requests.filter((u) => u.includes('avn-aid.js')), []);
  } finally {
    await context.close();
  }
});

wpTest('d) an editor re-saving an administrator\'s page with the snippet removes its script; a bare [avn_aid] uses the site defaults', async () => {
  const pasted = await site.publish('g', 'admin', 'page', 'Pasted by an administrator', site.pages.a.sent);
  assert.match(pasted.stored, /<script defer src=/);
  const raw = (await site.rest('editor', 'GET', `/wp/v2/pages/${pasted.id}`, { query: { context: 'edit' } })).content.raw;
  await site.rest('editor', 'POST', `/wp/v2/pages/${pasted.id}`, { body: { content: raw } });
  const after = (await site.rest('admin', 'GET', `/wp/v2/pages/${pasted.id}`, { query: { context: 'edit' } })).content.raw;
  assert.doesNotMatch(after, /<script/);
  assert.deepEqual(scriptTags(await html(pasted.url)), []);

  const bare = await site.publish('h', 'author', 'post', 'Only the shortcode', '[avn_aid]');
  const page = await html(bare.url);
  assert.match(page, /<div data-avn-aid data-hospital="St Example Hospital" data-contact-url="https:\/\/hospital\.example\/book" data-lang="en" data-accent="#0b5c8a"><p>/);
  assert.equal(scriptTags(page).length, 1);
});

wpTest('e) a page without the guide has no avn-aid.js', async () => {
  const page = await html(site.pages.e.url);
  assert.doesNotMatch(page, /avn-aid/);
  const { context, page: tab, requests, foreignRequests } = await newRecordedPage(browser, site.url);
  try {
    await tab.goto(site.pages.e.url);
    await tab.getByText('Parking is free for patients.').waitFor();
    assert.deepEqual(requests.filter((u) => u.includes('avn-aid')), []);
    assert.deepEqual(foreignRequests(), []);
  } finally {
    await context.close();
  }
});

wpTest('f) hostile shortcode settings are escaped: only data- attributes, no unsafe contact link', async () => {
  const page = await html(site.pages.f.url);
  assert.match(page, /<div data-avn-aid data-hospital="Ward &quot;7&quot; &lt;b&gt;East&lt;\/b&gt;" data-contact-url="https:\/\/hospital\.example\/book" data-lang="en" data-accent="#123456&quot; onclick=&quot;alert\(1\)" data-joint="hip">/);
  assert.doesNotMatch(page, /javascript:/);
  const { context, page: tab, foreignRequests } = await newRecordedPage(browser, site.url);
  let dialogs = 0;
  tab.on('dialog', (d) => {
    dialogs += 1;
    d.dismiss();
  });
  try {
    await tab.goto(site.pages.f.url);
    const box = aid(tab);
    await expectView(box, START);
    assert.deepEqual(await box.evaluate((el) => el.getAttributeNames().filter((n) => !n.startsWith('data-'))), []);
    assert.equal(await box.getAttribute('data-hospital'), 'Ward "7" <b>East</b>');
    // The javascript: link is dropped for the site-wide one.
    assert.equal(await box.getByRole('link', { name: /Talk to a specialist/ }).getAttribute('href'), SITE_DEFAULTS.contact_url);
    await box.click({ position: { x: 5, y: 5 } });
    assert.equal(dialogs, 0);
    assert.deepEqual(foreignRequests(), []);
  } finally {
    await context.close();
  }
});

// --- the settings page and who may use it ---------------------------------------------------------
wpTest('settings: an administrator sees the defaults and cannot save a bad colour or link; editors and authors cannot open it', async () => {
  const settingsUrl = `${site.url}/wp-admin/options-general.php?page=avn-aid`;
  const { context, page } = await newRecordedPage(browser, site.url);
  try {
    await logIn(page, 'admin');
    await page.goto(settingsUrl);
    await page.getByRole('heading', { level: 1, name: 'AVN patient guide' }).waitFor();
    assert.equal(await page.getByLabel('Hospital name').inputValue(), SITE_DEFAULTS.hospital);
    assert.equal(await page.getByLabel('Contact link').inputValue(), SITE_DEFAULTS.contact_url);
    assert.equal(await page.getByLabel('Accent colour').inputValue(), SITE_DEFAULTS.accent);
    assert.equal(await page.getByLabel('Language').inputValue(), 'en');
    assert.match(await page.locator('.wrap').innerText(), /Installed guide: content version \d+\.\d+\.\d+, script [0-9a-f]{12}\./);

    // Too light to read on white, and a link that is not https: neither is saved, both are explained.
    await page.getByLabel('Accent colour').evaluate((el) => el.removeAttribute('pattern'));
    await page.getByLabel('Accent colour').fill('#ffd700');
    await page.getByLabel('Contact link').fill('http://hospital.example/book');
    await page.getByLabel('Hospital name').fill('  St Example Hospital  ');
    await Promise.all([page.waitForURL(/settings-updated=true/), page.getByRole('button', { name: 'Save Changes' }).click()]);
    const notices = await page.locator('.wrap').innerText();
    assert.match(notices, /accent colour was not saved: it is too light/);
    assert.match(notices, /contact link was not saved/);
    assert.equal(await page.getByLabel('Accent colour').inputValue(), SITE_DEFAULTS.accent);
    assert.equal(await page.getByLabel('Contact link').inputValue(), SITE_DEFAULTS.contact_url);
    assert.equal(await page.getByLabel('Hospital name').inputValue(), SITE_DEFAULTS.hospital, 'trimmed');
    assert.equal((notices.match(/was not saved/g) ?? []).length, 2, 'each problem said once');

    await page.goto(`${site.url}/wp-admin/plugins.php`);
    assert.equal(await page.locator('tr[data-plugin="avn-aid/avn-aid.php"] a', { hasText: 'Settings' }).getAttribute('href'), settingsUrl);
  } finally {
    await context.close();
  }

  for (const login of ['editor', 'author']) {
    const { context: other, page: tab } = await newRecordedPage(browser, site.url);
    try {
      await logIn(tab, login);
      assert.equal(await tab.locator('#adminmenu a[href="options-general.php?page=avn-aid"]').count(), 0, `no menu entry for the ${login}`);
      const res = await tab.goto(settingsUrl);
      assert.equal(res.status(), 403, `the ${login} is refused`);
      assert.match(await tab.locator('body').innerText(), /not allowed to access this page/);
    } finally {
      await other.close();
    }
  }
});

// --- without the script ----------------------------------------------------------------------------
wpTest('a missing avn-aid.js: administrators get a notice, pages show the explanation; without build-info.php the version is the file time', async () => {
  const script = path.join(site.pluginDir, 'avn-aid.js');
  const info = path.join(site.pluginDir, 'build-info.php');
  const mtime = String(Math.floor(fs.statSync(script).mtimeMs / 1000));
  fs.renameSync(info, `${info}.away`);
  try {
    const tag = scriptTags(await html(site.pages.b.url))[0] ?? '';
    assert.match(tag, new RegExp(`avn-aid\\.js\\?ver=${mtime}'`), 'the file time as the version');
  } finally {
    fs.renameSync(`${info}.away`, info);
  }

  fs.renameSync(script, `${script}.away`);
  try {
    const page = await html(site.pages.b.url);
    assert.deepEqual(scriptTags(page), []);
    const { context, page: tab } = await newRecordedPage(browser, site.url);
    try {
      await tab.goto(site.pages.c.url);
      const words = tab.getByText(MISSING);
      await words.waitFor();
      assert.equal(await words.isVisible(), true);
      await logIn(tab, 'admin');
      assert.equal(await tab.locator('.notice-error', { hasText: /avn-aid\.js\) is missing from the plugin.s folder/ }).count(), 1, 'the notice');
    } finally {
      await context.close();
    }
  } finally {
    fs.renameSync(`${script}.away`, script);
  }
});

// --- last: the PHP log, then uninstall --------------------------------------------------------------
wpTest('no PHP notice, warning or error from the plugin in the log', async () => {
  assert.deepEqual(site.pluginLogLines(), []);
});

wpTest('deleting the plugin removes its option', async () => {
  const run = spawnSync('php', [path.join(here, 'install.php'), 'uninstall'], {
    encoding: 'utf8',
    env: { ...process.env, WORDPRESS_CONFIG: CONFIG_NAME, WORDPRESS_ROOT: WP_ROOT, AVN_WP_URL: site.url },
  });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /option before: yes, after: no/);
});
