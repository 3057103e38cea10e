// A throwaway WordPress for the plugin's test: its own MariaDB and its own Apache (mod_php) on free
// ports of 127.0.0.1, started from the Debian packages (scripts/setup.sh: ensure_wordpress) and
// never touching the system's services. WordPress is /usr/share/wordpress with a temporary
// wp-content (Twenty Twenty-Three linked in, the plugin unpacked from dist/avn-aid-wordpress.zip);
// Debian's wp-config.php reads /etc/wordpress/config-avn-aid-test.php, written here and removed
// on stop. Content is created as each user through the REST API with application passwords, so
// WordPress filters it (kses) as it would for that user's role.
//
// As a program (`node tests/wordpress/site.mjs`) it starts the site, prints the logins and the
// pages, and stops everything on Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

export const WP_ROOT = process.env.WORDPRESS_ROOT || '/usr/share/wordpress';
export const CONFIG_NAME = 'avn-aid-test';
const CONFIG_DIR = '/etc/wordpress';
const CONFIG_FILE = path.join(CONFIG_DIR, `config-${CONFIG_NAME}.php`);
const MARKER = 'Written by tests/wordpress/site.mjs';
const THEME = path.join(WP_ROOT, 'wp-content/themes/twentytwentythree');
const APACHE = '/usr/sbin/apache2';
const APACHE_MODULES = '/usr/lib/apache2/modules';
const MARIADBD = '/usr/sbin/mariadbd';
const IS_ROOT = process.getuid?.() === 0;

export const defaultZip = path.join(process.env.DIST_DIR || path.join(root, 'dist'), 'avn-aid-wordpress.zip');

/** The site-wide defaults the test site saves (through the plugin's sanitize callback). */
export const SITE_DEFAULTS = {
  hospital: 'St Example Hospital',
  contact_url: 'https://hospital.example/book',
  accent: '#0b5c8a',
  lang: 'en',
  disclaimer: '',
};

/** Thrown when this machine cannot run the site; the message says what is missing. */
export class SiteSkipped extends Error {}

const onPath = (program) => spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).status === 0;

function phpModule() {
  const found = fs.existsSync(APACHE_MODULES) ? fs.readdirSync(APACHE_MODULES).filter((f) => /^libphp8[.\d]*\.so$/.test(f)).sort() : [];
  return found.length ? path.join(APACHE_MODULES, found.at(-1)) : null;
}

/** What stops the site from running here, as one sentence, or '' when nothing does. */
export function missingPrerequisites(zip = defaultZip) {
  const missing = [];
  if (process.platform !== 'linux') missing.push('a Linux machine');
  if (!fs.existsSync(path.join(WP_ROOT, 'wp-settings.php'))) missing.push(`WordPress in ${WP_ROOT} (package wordpress)`);
  if (!fs.existsSync(path.join(THEME, 'theme.json'))) missing.push('Twenty Twenty-Three (package wordpress-theme-twentytwentythree)');
  if (!fs.existsSync(MARIADBD) || !onPath('mariadb-install-db')) missing.push('MariaDB (package mariadb-server)');
  if (!fs.existsSync(APACHE)) missing.push('Apache (package apache2)');
  if (!phpModule()) missing.push('PHP for Apache (package libapache2-mod-php)');
  if (!onPath('php')) missing.push('the PHP command (package php-cli)');
  else if (spawnSync('php', ['-r', 'exit(extension_loaded("mysqli") ? 0 : 1);']).status !== 0) missing.push('PHP\'s mysqli (package php-mysql)');
  if (fs.existsSync(CONFIG_DIR)) {
    try {
      fs.accessSync(CONFIG_DIR, fs.constants.W_OK);
    } catch {
      missing.push(`write access to ${CONFIG_DIR} (run as root)`);
    }
  } else if (!IS_ROOT) missing.push(`${CONFIG_DIR} (run as root)`);
  if (!onPath('unzip') && !onPath('python3')) missing.push('unzip or python3');
  const packages = missing.length ? `needs ${missing.join(', ')}; scripts/setup.sh (ensure_wordpress) installs the packages` : '';
  const shown = zip.startsWith(root + path.sep) ? path.relative(root, zip) : zip;
  const build = fs.existsSync(zip) ? '' : `needs ${shown}, which \`cargo xtask build\` makes`;
  return [packages, build].filter(Boolean).join('; and it ');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const phpString = (s) => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const tail = (file, lines = 15) => {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
};

/** Runs a command to the end; throws with its output when it fails. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 16 << 20, ...options });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${(result.stdout || '') + (result.stderr || '')}`.trim());
  }
  return result.stdout;
}

// Everything started, for the exit handlers: a crash or Ctrl-C still stops the servers and
// removes the config file and the temporary folder.
const live = new Set();
function cleanUpNow() {
  for (const site of live) site.stopNow();
}
let handlersInstalled = false;
function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', cleanUpNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      cleanUpNow();
      process.exit(128 + (os.constants.signals[signal] ?? 0));
    });
  }
}

class Site {
  constructor(zip, log) {
    this.zip = zip;
    this.log = log;
    this.tmp = null;
    this.children = {}; // name -> ChildProcess
    this.wroteConfig = false;
    this.timings = {};
    this.pages = {};
    this.users = {};
  }

  async time(label, fn) {
    const t0 = Date.now();
    try {
      return await fn();
    } finally {
      this.timings[label] = (Date.now() - t0) / 1000;
    }
  }

  async start() {
    live.add(this);
    installExitHandlers();
    this.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'avn-aid-wp-'));
    fs.chmodSync(this.tmp, 0o755); // Apache's children (www-data) read wp-content and write the PHP log
    [this.dbPort, this.port] = [await freePort(), await freePort()];
    this.url = `http://127.0.0.1:${this.port}`;
    this.dbPassword = crypto.randomBytes(12).toString('hex');

    await this.time('database', () => this.startDatabase());
    await this.time('files', () => this.writeFiles());
    await this.time('install', () => this.install());
    await this.time('web server', () => this.startApache());
    await this.time('content', () => this.createContent());
    return this;
  }

  // --- MariaDB: a fresh data folder, root's socket login only, one database and user for WordPress.
  async startDatabase() {
    const dataDir = path.join(this.tmp, 'db');
    const asRoot = IS_ROOT ? ['--user=root'] : [];
    run('mariadb-install-db', ['--no-defaults', `--datadir=${dataDir}`, ...asRoot, '--auth-root-authentication-method=socket', '--skip-test-db', '--skip-name-resolve']);
    const init = path.join(this.tmp, 'db-init.sql');
    fs.writeFileSync(
      init,
      [
        'CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;',
        `CREATE USER IF NOT EXISTS 'wp'@'127.0.0.1' IDENTIFIED BY '${this.dbPassword}';`,
        "GRANT ALL PRIVILEGES ON wordpress.* TO 'wp'@'127.0.0.1';",
        '',
      ].join('\n'),
    );
    this.dbLog = path.join(this.tmp, 'mariadb.log');
    this.spawnServer('mariadb', MARIADBD, [
      '--no-defaults',
      `--datadir=${dataDir}`,
      `--socket=${path.join(this.tmp, 'mariadb.sock')}`,
      `--pid-file=${path.join(this.tmp, 'mariadb.pid')}`,
      `--log-error=${this.dbLog}`,
      `--init-file=${init}`,
      '--bind-address=127.0.0.1',
      `--port=${this.dbPort}`,
      '--skip-name-resolve',
      '--skip-log-bin',
      '--innodb-buffer-pool-size=64M',
      '--innodb-flush-log-at-trx-commit=0',
      '--innodb-doublewrite=0',
      '--performance-schema=OFF',
      ...asRoot,
    ]);
    await this.waitForPort('mariadb', this.dbPort, this.dbLog);
  }

  spawnServer(name, command, args) {
    const out = fs.openSync(path.join(this.tmp, `${name}.out`), 'a');
    // Its own process group, so stopping it also stops the workers it forked.
    const child = spawn(command, args, { detached: true, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    child.exited = new Promise((resolve) => child.once('exit', resolve));
    child.once('exit', () => {
      child.gone = true;
    });
    this.children[name] = child;
  }

  async waitForPort(name, port, log, timeoutMs = 30000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.children[name].gone) throw new Error(`${name} stopped while starting:\n${tail(log)}\n${tail(path.join(this.tmp, `${name}.out`))}`);
      const open = await new Promise((resolve) => {
        const socket = net.connect(port, '127.0.0.1');
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
      if (open) return;
      await sleep(100);
    }
    throw new Error(`${name} did not listen on port ${port} within ${timeoutMs / 1000} s:\n${tail(log)}`);
  }

  // --- wp-content (theme linked, plugin unpacked) and Debian's per-site config file.
  writeFiles() {
    const content = path.join(this.tmp, 'wp-content');
    fs.mkdirSync(path.join(content, 'themes'), { recursive: true });
    fs.mkdirSync(path.join(content, 'plugins'));
    fs.mkdirSync(path.join(content, 'uploads'));
    fs.symlinkSync(THEME, path.join(content, 'themes/twentytwentythree'));
    const plugins = path.join(content, 'plugins');
    if (onPath('unzip')) run('unzip', ['-q', this.zip, '-d', plugins]);
    else run('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', this.zip, plugins]);
    this.pluginDir = path.join(plugins, 'avn-aid');
    if (!fs.existsSync(path.join(this.pluginDir, 'avn-aid.php'))) throw new Error(`${this.zip} has no avn-aid/avn-aid.php`);
    // Readable by Apache's children whatever the zip's modes; the PHP log and uploads writable.
    run('chmod', ['-R', 'a+rX', content]);
    this.phpLog = path.join(this.tmp, 'php-errors.log');
    fs.writeFileSync(this.phpLog, '');
    fs.chmodSync(this.phpLog, 0o666);
    fs.chmodSync(path.join(content, 'uploads'), 0o777);

    if (fs.existsSync(CONFIG_FILE) && !fs.readFileSync(CONFIG_FILE, 'utf8').includes(MARKER)) {
      throw new Error(`${CONFIG_FILE} exists and was not written by this test: not touching it`);
    }
    const salt = () => phpString(crypto.randomBytes(32).toString('hex'));
    const config = `<?php
// ${MARKER} for one test run (${this.tmp}); removed when the run stops.
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp' );
define( 'DB_PASSWORD', ${phpString(this.dbPassword)} );
define( 'DB_HOST', ${phpString(`127.0.0.1:${this.dbPort}`)} );
define( 'DB_CHARSET', 'utf8mb4' );
$table_prefix = 'wp_';
define( 'WP_HOME', ${phpString(this.url)} );
define( 'WP_SITEURL', ${phpString(this.url)} );
define( 'WP_CONTENT_DIR', ${phpString(content)} );
define( 'WP_CONTENT_URL', ${phpString(`${this.url}/wp-content`)} );
define( 'WP_ENVIRONMENT_TYPE', 'local' ); // also what makes application passwords work over http
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_AUTO_UPDATE_CORE', false );
define( 'WP_HTTP_BLOCK_EXTERNAL', true ); // WordPress itself fetches nothing from the internet
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', ${phpString(this.phpLog)} );
${['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'].map((k) => `define( '${k}', ${salt()} );`).join('\n')}
`;
    fs.mkdirSync(CONFIG_DIR, { recursive: true });
    fs.writeFileSync(CONFIG_FILE, config, { mode: 0o644 });
    this.wroteConfig = true;
  }

  php(phase) {
    const env = {
      ...process.env,
      WORDPRESS_CONFIG: CONFIG_NAME,
      WORDPRESS_ROOT: WP_ROOT,
      AVN_WP_URL: this.url,
      AVN_WP_DEFAULTS: JSON.stringify(SITE_DEFAULTS),
    };
    return run('php', [path.join(here, 'install.php'), phase], { env, cwd: this.tmp });
  }

  install() {
    this.php('install');
    const out = this.php('setup');
    const line = out.split('\n').find((l) => l.startsWith('AVN-AID-JSON '));
    if (!line) throw new Error(`install.php setup printed no result:\n${out}`);
    const result = JSON.parse(line.slice('AVN-AID-JSON '.length));
    this.users = result.users;
    this.settings = result.settings;
    this.versions = { wordpress: result.wp, php: result.php };
  }

  // --- Apache: prefork + mod_php, WordPress as the document root, the temporary wp-content aliased in.
  async startApache() {
    const dir = path.join(this.tmp, 'apache');
    fs.mkdirSync(dir);
    const content = path.join(this.tmp, 'wp-content');
    const modules = ['mpm_prefork', 'authz_core', 'dir', 'mime', 'alias', 'env'];
    const conf = `# ${MARKER}
ServerRoot ${dir}
ServerName 127.0.0.1
Listen 127.0.0.1:${this.port}
PidFile ${dir}/httpd.pid
DefaultRuntimeDir ${dir}
Mutex file:${dir} default
ErrorLog ${dir}/error.log
LogLevel warn
LogFormat "%h \\"%r\\" %>s %b %D" short
CustomLog ${dir}/access.log short
${modules.map((m) => `LoadModule ${m}_module ${APACHE_MODULES}/mod_${m}.so`).join('\n')}
LoadModule php_module ${phpModule()}
${IS_ROOT ? 'User www-data\nGroup www-data' : ''}
StartServers 2
MinSpareServers 2
MaxSpareServers 6
MaxRequestWorkers 12
KeepAlive On
TypesConfig /etc/mime.types
DocumentRoot ${WP_ROOT}
DirectoryIndex index.php index.html
SetEnv WORDPRESS_CONFIG ${CONFIG_NAME}
Alias /wp-content ${content}
<Directory />
  Options None
  AllowOverride None
  Require all denied
</Directory>
<Directory ${WP_ROOT}>
  Options FollowSymLinks
  Require all granted
</Directory>
<Directory ${content}>
  Options FollowSymLinks
  Require all granted
</Directory>
<FilesMatch "\\.php$">
  SetHandler application/x-httpd-php
</FilesMatch>
<Directory ${content}/uploads>
  <FilesMatch "\\.php$">
    SetHandler none
    Require all denied
  </FilesMatch>
</Directory>
`;
    const confFile = path.join(dir, 'httpd.conf');
    fs.writeFileSync(confFile, conf);
    this.apacheLog = path.join(dir, 'error.log');
    this.spawnServer('apache', APACHE, ['-f', confFile, '-DFOREGROUND']);
    await this.waitForPort('apache', this.port, this.apacheLog);
    const res = await fetch(`${this.url}/wp-login.php`);
    if (res.status !== 200) throw new Error(`GET /wp-login.php: ${res.status}\n${tail(this.apacheLog)}\n${tail(this.phpLog)}`);
  }

  /** A REST API call as `login` (Basic auth with the user's application password). */
  async rest(login, method, route, { body, query = {} } = {}) {
    const user = this.users[login];
    const url = new URL(`${this.url}/`);
    url.searchParams.set('rest_route', route);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const res = await fetch(url, {
      method,
      headers: {
        Authorization: `Basic ${Buffer.from(`${login}:${user.applicationPassword}`).toString('base64')}`,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`${method} ${route} as ${login}: ${res.status}, not JSON:\n${text.slice(0, 500)}`);
    }
    if (!res.ok) throw new Error(`${method} ${route} as ${login}: ${res.status} ${json.code}: ${json.message}`);
    return json;
  }

  /** Publishes a post or page as `login`; `resave` then saves its stored content back unchanged, as that user. */
  async publish(key, login, type, title, content, { resave = false } = {}) {
    const route = type === 'page' ? '/wp/v2/pages' : '/wp/v2/posts';
    let item = await this.rest(login, 'POST', route, { body: { title, content, status: 'publish' } });
    if (resave) {
      const stored = await this.rest(login, 'GET', `${route}/${item.id}`, { query: { context: 'edit' } });
      item = await this.rest(login, 'POST', `${route}/${item.id}`, { body: { content: stored.content.raw } });
    }
    const stored = await this.rest(login, 'GET', `${route}/${item.id}`, { query: { context: 'edit' } });
    this.pages[key] = { id: item.id, type, route, url: item.link, login, title, sent: content, stored: stored.content.raw };
    return this.pages[key];
  }

  async createContent() {
    const script = path.join(this.pluginDir, 'avn-aid.js');
    const integrity = `sha384-${crypto.createHash('sha384').update(fs.readFileSync(script)).digest('base64')}`;
    const intro = (words) => `<!-- wp:paragraph -->\n<p>${words}</p>\n<!-- /wp:paragraph -->`;
    // The README's snippet, with the script from the plugin's folder.
    const snippet = `<script defer src="${this.url}/wp-content/plugins/avn-aid/avn-aid.js"
        integrity="${integrity}" crossorigin="anonymous"></script>

<div data-avn-aid
     data-hospital="St Example Hospital"
     data-contact-url="https://www.your-hospital.example/hip-clinic/book"
     data-lang="en"
     data-accent="#7a1f5c"
     data-joint="hip"
     data-disclaimer="This guide does not replace advice from your own care team.">
  The patient guide's script is missing from this page: ask your web team to add avn-aid.js.
</div>`;
    const customHtml = `<!-- wp:html -->\n${snippet}\n<!-- /wp:html -->`;

    await this.publish('a', 'admin', 'page', 'Hip clinic: the raw snippet', `${intro('Our guide for patients with avascular necrosis of the hip.')}\n\n${customHtml}`);
    // Classic content (no block markup): wpautop adds the paragraphs when the page is shown.
    await this.publish(
      'b',
      'author',
      'post',
      'The guide in a classic post',
      'Our guide for patients with avascular necrosis of the hip.\n\n[avn_aid hospital="St Example" contact_url="https://hospital.example/hip-clinic" joint="hip"]\n\nCall the clinic if anything in it worries you.',
      { resave: true },
    );
    await this.publish(
      'c',
      'editor',
      'page',
      'The guide as a block',
      `${intro('Our guide for patients with avascular necrosis of the hip.')}\n\n<!-- wp:avn-aid/guide {"hospital":"St Example","joint":"hip"} /-->`,
      { resave: true },
    );
    await this.publish('d', 'editor', 'page', 'The raw snippet, pasted by an editor', `${intro('Our guide for patients with avascular necrosis of the hip.')}\n\n${customHtml}`);
    await this.publish('e', 'admin', 'page', 'Visiting the clinic', intro('Parking is free for patients.'));
    // An administrator may write anything: the renderer must still escape what reaches the page.
    await this.publish(
      'f',
      'admin',
      'post',
      'Hostile shortcode settings',
      `[avn_aid hospital='Ward "7" <b>East</b>' contact_url="javascript:alert(1)" accent='#123456" onclick="alert(1)' joint="hip"]`,
    );
  }

  /** PHP log lines that name the plugin (core's own PHP 8.2 deprecations are not ours). */
  pluginLogLines() {
    return tail(this.phpLog, 100000)
      .split('\n')
      .filter((l) => l.includes('plugins/avn-aid'));
  }

  logs() {
    return { php: tail(this.phpLog, 40), apache: tail(this.apacheLog, 40), mariadb: tail(this.dbLog, 20) };
  }

  async stop() {
    const { apache, mariadb } = this.children;
    await stopChild(apache, 'SIGTERM', true);
    await stopChild(mariadb, 'SIGTERM', false);
    this.removeFiles();
    live.delete(this);
  }

  /** For the exit handlers: no waiting, so SIGKILL. */
  stopNow() {
    for (const [name, child] of Object.entries(this.children)) {
      if (child && !child.gone) {
        try {
          process.kill(name === 'apache' ? -child.pid : child.pid, 'SIGKILL');
        } catch {}
      }
    }
    this.removeFiles();
    live.delete(this);
  }

  removeFiles() {
    if (this.wroteConfig) {
      try {
        if (fs.readFileSync(CONFIG_FILE, 'utf8').includes(this.tmp)) fs.rmSync(CONFIG_FILE);
      } catch {}
      this.wroteConfig = false;
    }
    if (this.tmp) {
      fs.rmSync(this.tmp, { recursive: true, force: true });
      this.tmp = null;
    }
  }
}

/** Stops a server this harness started (by its process id; `group` also stops what it forked). */
async function stopChild(child, signal, group) {
  if (!child || child.gone) return;
  const kill = (sig) => {
    try {
      process.kill(group ? -child.pid : child.pid, sig);
    } catch {}
  };
  kill(signal);
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(() => resolve(false), 15000);
  });
  const done = await Promise.race([child.exited.then(() => true), late]);
  clearTimeout(timer);
  if (!done) {
    kill('SIGKILL');
    await child.exited;
  }
}

/**
 * Starts the site. Throws SiteSkipped when this machine cannot run it. The returned site has
 * `url`, `users` ({ admin, author, editor }: id, password, applicationPassword), `pages` (a–f),
 * `timings` (seconds per step), `pluginDir`, `stop()`.
 */
export async function startSite({ zip = defaultZip, log = () => {} } = {}) {
  const why = missingPrerequisites(zip);
  if (why) throw new SiteSkipped(`WordPress test skipped: it ${why}.`);
  const site = new Site(zip, log);
  try {
    return await site.start();
  } catch (err) {
    const logs = site.tmp ? site.logs() : {};
    await site.stop().catch(() => site.stopNow());
    err.message += `\n--- PHP log\n${logs.php ?? ''}\n--- Apache log\n${logs.apache ?? ''}`;
    throw err;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const t0 = Date.now();
  try {
    const site = await startSite();
    console.log(`WordPress ${site.versions.wordpress} (PHP ${site.versions.php}) at ${site.url}/ in ${((Date.now() - t0) / 1000).toFixed(1)} s`, site.timings);
    for (const [login, user] of Object.entries(site.users)) console.log(`  ${login}: password ${user.password}`);
    for (const [key, page] of Object.entries(site.pages)) console.log(`  ${key}) ${page.url}  (${page.login}: ${page.title})`);
    console.log(`  admin: ${site.url}/wp-admin/   Ctrl-C stops it.`);
    await new Promise(() => {});
  } catch (err) {
    console.error(err instanceof SiteSkipped ? err.message : err);
    process.exitCode = err instanceof SiteSkipped ? 0 : 1;
  }
}
