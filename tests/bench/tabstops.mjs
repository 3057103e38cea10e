// Counts the Tab stops of each main view at 390 px, for a dist folder (this build, or another
// for comparison), with how many of them are explained words. A measurement, not a test:
//   node tests/bench/tabstops.mjs [DIST_DIR]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../e2e/support/server.mjs';
import { launchBrowser } from '../e2e/support/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.argv[2] || path.join(root, 'dist');
const server = await startServer(dist);
const browser = await launchBrowser();
const views = [
  ['start', 'v=start'],
  ['help me work it out', 'v=work-it-out&j=hip'],
  ['stage', 'v=stage&s=hip-arco-2019/IIIB'],
  ['options', 'v=options&s=hip-arco-2019/IIIB'],
  ['one option', 'v=option&s=hip-arco-2019/IIIB&o=total-hip-replacement'],
  ['compare', 'v=compare&s=hip-arco-2019/IIIB&c=watch-and-wait,total-hip-replacement,core-decompression'],
  ['what matters to me', 'v=values&s=hip-arco-2019/IIIB'],
  ['questions', 'v=questions&s=hip-arco-2019/IIIB'],
  ['summary', 'v=summary&s=hip-arco-2019/IIIB'],
];
console.log(`${'view'.padEnd(22)} tab stops  of them words`);
for (const [name, hash] of views) {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/#${hash}`);
  await page.waitForFunction(() => document.querySelector('[data-avn-aid]')?.shadowRoot?.querySelector('h1'));
  await page.waitForTimeout(300);
  const [stops, words] = await page.evaluate(() => {
    const host = document.querySelector('[data-avn-aid]').shadowRoot;
    const all = [...host.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')].filter(
      (el) => !el.disabled && el.tabIndex >= 0 && el.checkVisibility() && !(el.type === 'radio' && !el.checked && host.querySelector(`input[type=radio][name="${el.name}"]:checked`)),
    );
    // One Tab stop per radio group.
    const seen = new Set();
    const stops = all.filter((el) => el.type !== 'radio' || (!seen.has(el.name) && seen.add(el.name)));
    return [stops.length, stops.filter((el) => el.classList.contains('avn-term')).length];
  });
  console.log(`${name.padEnd(22)} ${String(stops).padStart(9)}  ${String(words).padStart(13)}`);
  await context.close();
}
await browser.close();
await server.close();
