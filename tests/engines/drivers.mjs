// Firefox (puppeteer-core over WebDriver BiDi) and WebKitGTK (MiniBrowser through Debian's
// WebKitWebDriver, plain WebDriver over HTTP) behind one small interface, so one test walks the
// aid in both engines: open(url), run(body) where body is a script ending in `return …`,
// until(body) that polls it, version, errors (null where the engine cannot report them) and
// close(). Nothing here downloads a browser.
import { spawn } from 'node:child_process';
import net from 'node:net';
import puppeteer from 'puppeteer-core';

const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const MINIBROWSER = process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** Polls `body` (a script that returns a value) until it returns something truthy. */
async function until(run, body, what, timeout = 20000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await run(body).catch(() => null);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function firefox() {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const run = (body) => page.evaluate(`(() => { ${body} })()`);
  return {
    name: 'Firefox',
    version: (await browser.version()).replace('firefox/', 'Firefox '),
    errors,
    open: (url) => page.goto(url),
    run,
    until: (body, what, timeout) => until(run, body, what, timeout),
    close: () => browser.close(),
  };
}

async function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function webkit() {
  const port = await freePort();
  const driver = spawn('WebKitWebDriver', [`--port=${port}`], { stdio: 'ignore' });
  const call = async (method, path, body) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body && JSON.stringify(body),
    });
    const json = await res.json();
    if (json.value?.error) throw new Error(`${path}: ${json.value.error}: ${json.value.message}`);
    return json.value;
  };
  let session;
  for (let tries = 0; !session; tries++) {
    try {
      session = await call('POST', '/session', {
        capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } },
      });
    } catch (e) {
      if (tries > 50) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const id = session.sessionId;
  const run = (body) => call('POST', `/session/${id}/execute/sync`, { script: body, args: [] });
  return {
    name: 'WebKit',
    version: `WebKitGTK ${session.capabilities.browserVersion}`,
    // Classic WebDriver cannot listen to the console; the tests read the aid's own state instead.
    errors: null,
    open: (url) => call('POST', `/session/${id}/url`, { url }),
    run,
    until: (body, what, timeout) => until(run, body, what, timeout),
    close: async () => {
      await call('DELETE', `/session/${id}`).catch(() => {});
      driver.kill();
    },
  };
}
