// The aid in Firefox and in WebKit (Safari's engine), beside the full Chromium suite: the hosted
// page's core walk, the embed in a host page, the offline file from disk, glossary words that
// look tappable, every style declaration the engine understands, and axe on a stage page.
// Runs under xvfb-run (MiniBrowser needs a display): see scripts/test.sh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from '../e2e/support/server.mjs';
import { dist } from '../e2e/support/suite.mjs';
import { firefox, webkit } from './drivers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// Every `property: value` the aid's styles declare (custom properties aside).
const declarations = fs
  .readdirSync(path.join(root, 'styles'))
  .filter((f) => f.endsWith('.css'))
  .flatMap((f) => [...fs.readFileSync(path.join(root, 'styles', f), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/\{([^{}]*)\}/g)])
  .flatMap((m) => m[1].split(';'))
  .map((d) => d.trim().replace(/\s*!important$/, ''))
  .filter((d) => /^[a-z-]+\s*:/.test(d) && !d.startsWith('--'))
  .map((d) => [d.slice(0, d.indexOf(':')).trim(), d.slice(d.indexOf(':') + 1).trim()]);
// Declarations an engine may drop: a prefixed one whose standard twin stands beside it, and
// `forced-color-adjust`, which only matters in forced-colours mode (WebKit has none).
// A declaration one engine drops is fine when its other spelling sits beside it (either way round:
// Firefox drops some -webkit- forms, WebKit drops some standard ones).
const TWIN_PAIRS = [
  ['-webkit-print-color-adjust', 'print-color-adjust'],
  ['-webkit-box-decoration-break', 'box-decoration-break'],
];
const PREFIXED_TWINS = Object.fromEntries(TWIN_PAIRS.flatMap(([a, b]) => [[a, b], [b, a]]));
const FORCED_COLOURS_ONLY = ['forced-color-adjust'];

const hostPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>St Example Hospital</title>
<link rel="icon" href="data:,"><script defer src="/avn-aid.js"></script></head>
<body><h1 id="host-heading">St Example Hospital</h1>
<div data-avn-aid data-hospital="St Example Hospital" data-joint="hip"></div></body></html>`;

// In-page helpers, as script text: the aid's shadow root, a click on a button by text.
const AID = `const host = document.querySelector('[data-avn-aid], avn-aid'); const aid = host && host.shadowRoot;`;
const click = (text) => `${AID} if (!aid) return false;
  const b = [...aid.querySelectorAll('button')].find((b) => b.textContent.trim().startsWith(${JSON.stringify(text)}));
  if (b) b.click(); return !!b;`;

let server;
const timings = [];
before(async () => {
  server = await startServer(dist, { extraPages: { '/host.html': hostPage, '/host-en-XA.html': hostPage.replace('<div data-avn-aid', '<div data-avn-aid data-lang="en-XA"') } });
});
after(async () => {
  await server?.close();
  for (const line of timings) console.log(line);
});

for (const [engineName, launch] of [['Firefox', firefox], ['WebKit', webkit]]) {
  test(`${engineName}: the hosted walk, marked words, styles, axe, the embed and the offline file`, async (t) => {
    const t0 = Date.now();
    const engine = await launch();
    try {
      const untilHeading = (wanted) =>
        engine.until(`${AID} const h = aid && aid.querySelector('h1') ? aid.querySelector('h1').textContent.trim() : '';
          return h.startsWith(${JSON.stringify(wanted)}) && h;`, `heading "${wanted}"`);
      const press = async (text) => assert.ok(await engine.until(click(text), `button "${text}"`), `button "${text}"`);

      await t.test('hosted page: hip → ARCO 2019 → stage IIIB → options → compare', async () => {
        await engine.open(`${server.url}/`);
        await press('Hip');
        const startedIn = await engine.run(`return Math.round(performance.getEntriesByName('avn-aid:first-view')[0].startTime);`);
        await untilHeading('AVN of the hip');
        await press('ARCO 2019');
        await untilHeading('Stages in the ARCO 2019 system');
        await press('ARCO 2019 stage IIIB');
        await untilHeading('ARCO 2019 stage IIIB');
        // Glossary words must look like something to tap.
        const marks = await engine.run(`${AID} return [...aid.querySelectorAll('button.avn-term')].map((b) => getComputedStyle(b).textDecorationLine);`);
        assert.ok(marks.length >= 3, `${marks.length} explained words`);
        for (const line of marks) assert.match(line, /underline/, `an explained word is drawn with "${line}"`);
        await press('See the options for this stage');
        await untilHeading('Options for ARCO 2019 stage IIIB');
        const ticked = await engine.run(`${AID} const boxes = [...aid.querySelectorAll('input[type=checkbox]')].filter((b) => (b.getAttribute('aria-label') || '').startsWith('Compare: ')).slice(0, 2); boxes.forEach((b) => b.click()); return boxes.length;`);
        assert.equal(ticked, 2);
        await press('Compare the ticked options');
        await untilHeading('Comparing options for ARCO 2019 stage IIIB');
        const columns = await engine.run(`${AID} return aid.querySelectorAll('table.avn-grid thead th[scope=col]').length;`);
        assert.equal(columns, 2);
        timings.push(`${engine.version}: first view ${startedIn} ms after navigation (hosted page, no throttling)`);
      });

      await t.test('styles: every declaration is understood, or has its standard twin beside it', async () => {
        const dropped = await engine.run(`return ${JSON.stringify(declarations)}.filter(([p, v]) => !CSS.supports(p, v)).map(([p, v]) => p + ': ' + v);`);
        const unexplained = dropped.filter((d) => {
          const property = d.slice(0, d.indexOf(':'));
          if (FORCED_COLOURS_ONLY.includes(property)) return false;
          const twin = PREFIXED_TWINS[property];
          return !twin || !declarations.some(([p]) => p === twin);
        });
        assert.deepEqual(unexplained, [], `${engine.name} drops: ${dropped.join(' | ')}`);
      });

      await t.test('axe finds no violation on a stage page', async () => {
        await engine.open(`${server.url}/#v=stage&s=hip-arco-2019/II`);
        await untilHeading('ARCO 2019 stage II');
        const injected = await engine.run(`${axeSource}; return typeof axe === 'object';`).catch(() => false);
        if (!injected) return t.skip(`${engine.name} would not take axe`);
        const violations = await engine.run(`return axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.length));`);
        assert.deepEqual(violations, []);
      });

      await t.test('embedded in a host page: starts, styled, with the host page untouched', async () => {
        await engine.open(`${server.url}/host.html`);
        await untilHeading('');
        await engine.until(`${AID} return aid && aid.querySelector('h1') && aid.adoptedStyleSheets.length > 0;`, 'the styled aid');
        const font = await engine.run(`${AID} return getComputedStyle(aid.querySelector('.avn-aid')).lineHeight;`);
        assert.notEqual(font, 'normal', 'the aid has its own styles');
        assert.equal(await engine.run(`return document.getElementById('host-heading').textContent;`), 'St Example Hospital');
        assert.equal(await engine.run(`return location.hash;`), '', 'the host URL is not changed');
      });

      await t.test('languages: the en-XA page with its pack inlined, and the embed adding the pack from beside the script', async () => {
        await engine.open(`${server.url}/en-XA/index.html`);
        await untilHeading('[');
        assert.equal(await engine.run(`return document.documentElement.lang;`), 'en-XA');
        await engine.open(`${server.url}/host-en-XA.html`);
        await untilHeading('[');
      });

      await t.test('offline file from disk: starts and opens the hip', async () => {
        await engine.open(pathToFileURL(path.join(dist, 'avn-aid-offline.html')).href);
        await press('Hip');
        await untilHeading('AVN of the hip');
      });
      // Only an engine that can report its console is held to it (classic WebDriver cannot).
      if (engine.errors) assert.deepEqual(engine.errors, [], 'no console error');
    } finally {
      await engine.close();
      timings.push(`${engineName}: ${((Date.now() - t0) / 1000).toFixed(1)} s for its tests`);
    }
  });
}
