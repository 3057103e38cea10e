// One browser and one server of dist/ (or DIST_DIR) for a test file, started before its tests
// and closed after them.
import { before, after } from 'node:test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';
import { launchBrowser } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The built app's folder: DIST_DIR, or dist/ at the repository root. */
export const dist = process.env.DIST_DIR || path.join(root, 'dist');

/** Registers the file's before/after hooks; the returned object holds `server` and `browser` once they run. */
export function servedDist() {
  const suite = { server: null, browser: null };
  before(async () => {
    suite.server = await startServer(dist);
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
