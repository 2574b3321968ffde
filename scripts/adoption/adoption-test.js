#!/usr/bin/env node
/*
 * The adoption test (`yarn test:adoption`): does a freshly created Backstage
 * app take the packages by the READMEs' steps alone?
 *
 * It packs the published packages once (`yarn release:pack`), then for each
 * variant creates an app with `@backstage/create-app --skip-install`, pins
 * its @backstage/* packages to one release, copies the tarballs into
 * vendor/build-vs-buy/, applies the README steps marked
 * `<!-- adoption:step ... -->` (see readme-steps.js: the snippets are read
 * from the READMEs, there is no copy here), runs `tsc`, starts the backend and
 * the frontend on free ports, asks the API with the guest's token, and checks
 * in Chromium that a component's card, its tab and the dashboard render.
 *
 *   new-newest     the new frontend system, create-app@latest, every
 *                  @backstage/* package at its newest version on npm
 *   legacy-pinned  the legacy frontend system, the create-app of the release
 *                  in backstage.json, @backstage/* at the versions of the root
 *                  package.json's resolutions
 *
 * Why pin: create-app cannot fetch its yarn.lock seed here, so `yarn install`
 * would take the newest version in every range and mix releases (seen:
 * plugin-signals-backend 0.3.21 on backend-defaults 0.18.0, "httpRouter.
 * addWebSocketHandler is not a function"). An adopter aligns them with
 * `yarn backstage-cli versions:bump`, as plugins/build-vs-buy/README.md
 * says; its host is unreachable here, so the test does what it does: one
 * version per package, as resolutions. The monorepo's yarn.lock seeds the app's lockfile (as
 * create-app's own seed would), and Yarn's global cache, shared with the
 * monorepo, saves downloading what the monorepo already has.
 *
 * Options (environment): ADOPTION_VARIANTS (comma-separated, default both),
 * ADOPTION_PACKAGES (a directory of tarballs to use instead of packing),
 * ADOPTION_KEEP=1 (keep the apps in the temporary directory).
 * Writes .test-results/adoption.json (counted by scripts/test-totals.js),
 * screenshots and what the browser console said (adoption-<variant>-console.txt)
 * beside it.
 *
 * Measured with `CI=true yarn test:adoption` on 2 cores shared with other
 * work (load 2-5), Yarn's cache warm from the monorepo's install:
 *
 *   release:pack (both)         50 s
 *                               new-newest  legacy-pinned
 *   create-app                       13 s            1 s
 *   install (README add steps)      187 s          165 s
 *   wiring and tsc                    7 s           10 s
 *   backend start and API            11 s           13 s
 *   frontend start                    2 s            2 s
 *   browser                          13 s           13 s
 *   remove the app                   26 s           40 s
 *   in all: 9 min 24 s (11 min 23 s when Node's fs.rmSync removed the apps)
 *
 * The installs are most of it, and mostly Yarn's link step (building native
 * modules, writing node_modules); resolution takes ~6 s with the seed lock and
 * the fetch ~5 s from the shared cache. `yarn test:all` (scripts/test-all.sh)
 * therefore runs this test beside the unit, reliability and e2e suites.
 * Timings per stage are printed at the end of each run.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { readSteps, applyCode, StepError } = require('./readme-steps');

const root = path.resolve(__dirname, '..', '..');
const resultsDir = path.join(root, '.test-results');
const readJson = file => JSON.parse(fs.readFileSync(file, 'utf8'));
const writeJson = (file, value) =>
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

/** The create-app that creates an app of the release in backstage.json. */
const CREATE_APP_OF_PINNED_RELEASE = { '1.55.0': '0.9.2' };

const READMES = [
  'plugins/build-vs-buy/README.md',
  'plugins/build-vs-buy-backend/README.md',
  'plugins/search-backend-module-build-vs-buy/README.md',
];

const VARIANTS = {
  'new-newest': { system: 'new', createApp: 'latest', pin: 'newest' },
  'legacy-pinned': { system: 'legacy', createApp: 'pinned', pin: 'pinned' },
};

const children = new Set();
let tempDir;

/** The environment of the created app's commands: none of this repo's Yarn. */
function appEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  for (const key of Object.keys(env)) {
    if (
      /^(npm_(package|lifecycle|execpath|node_execpath|config_user_agent)|BERRY_|PROJECT_CWD|INIT_CWD|YARN_)/.test(
        key,
      )
    ) {
      delete env[key];
    }
  }
  // The PATH entry Yarn adds for its scripts holds this repo's binaries.
  env.PATH = env.PATH.split(path.delimiter)
    .filter(p => !/xfs-[0-9a-f]+$/.test(p) && !p.startsWith(root))
    .join(path.delimiter);
  // An adopter changes the lockfile: CI's immutable default does not apply.
  env.YARN_ENABLE_IMMUTABLE_INSTALLS = 'false';
  env.YARN_ENABLE_PROGRESS_BARS = 'false';
  env.YARN_ENABLE_TELEMETRY = 'false';
  // node-gyp builds better-sqlite3 against the running Node's headers: their
  // download host is unreachable here.
  const nodeDir = path.dirname(path.dirname(process.execPath));
  if (
    !env.npm_config_nodedir &&
    fs.existsSync(path.join(nodeDir, 'include', 'node', 'node.h'))
  ) {
    env.npm_config_nodedir = nodeDir;
  }
  return env;
}

/** Runs a command, its output into a log file; rejects with the tail. */
function run(command, args, { cwd, env, log, timeoutMs = 20 * 60_000 }) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(log, 'a');
    fs.writeSync(out, `\n$ ${command} ${args.join(' ')}  (in ${cwd})\n`);
    const from = fs.fstatSync(out).size;
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: ['ignore', out, out],
      detached: true,
    });
    children.add(child);
    const timer = setTimeout(() => stop(child), timeoutMs);
    child.on('exit', code => {
      clearTimeout(timer);
      children.delete(child);
      fs.closeSync(out);
      if (code === 0) resolve();
      else {
        const tail = fs
          .readFileSync(log, 'utf8')
          .slice(from)
          .split('\n')
          .filter(Boolean)
          .slice(-25)
          .join('\n');
        reject(
          new Error(
            `\`${command} ${args.join(' ')}\` exited with ${code}:\n${tail}`,
          ),
        );
      }
    });
  });
}

/** Starts a long-running command in its own process group. */
function start(command, args, { cwd, env, log }) {
  const out = fs.openSync(log, 'a');
  const child = spawn(command, args, {
    cwd,
    env,
    stdio: ['ignore', out, out],
    detached: true,
  });
  fs.closeSync(out);
  children.add(child);
  child.exited = new Promise(resolve =>
    child.on('exit', code => {
      children.delete(child);
      resolve(code);
    }),
  );
  return child;
}

function stop(child) {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }, 5_000).unref();
}

async function stopAll() {
  const waiting = [...children].map(
    child => new Promise(resolve => child.once('exit', resolve)),
  );
  for (const child of children) stop(child);
  await Promise.race([
    Promise.all(waiting),
    new Promise(r => setTimeout(r, 8_000)),
  ]);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = ms => new Promise(r => setTimeout(r, ms));

/** Polls until `check` returns a value; fails early when `process` exits. */
async function waitFor(what, check, { timeoutMs, processes = [] }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const child of processes) {
      if (child.exitCode !== null) {
        throw new Error(`${what}: ${child.name} exited before it was ready`);
      }
    }
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(`${what}: not ready after ${timeoutMs / 1000} s`);
    }
    await sleep(2_000);
  }
}

function tailOf(log, lines = 30) {
  return fs
    .readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(-lines)
    .join('\n');
}

/** A version per @backstage/* package the app names, as the variant pins. */
async function pinnedVersions(variant, wanted, log) {
  const names = Object.keys(wanted);
  if (variant.pin === 'pinned') {
    // The release's versions: the root package.json's resolutions, and for
    // a package this repository does not use, the version create-app wrote
    // (it writes `^<version of its release>`).
    const resolutions = readJson(path.join(root, 'package.json')).resolutions;
    const versions = Object.fromEntries(
      Object.entries(resolutions).filter(([name]) =>
        name.startsWith('@backstage/'),
      ),
    );
    for (const name of names) {
      versions[name] ??= wanted[name].replace(/^[\^~]/, '');
    }
    return versions;
  }
  // The newest version of each, as `backstage-cli versions:bump` would.
  const versions = {};
  const queue = [...names];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (queue.length > 0) {
        const name = queue.shift();
        const file = path.join(tempDir, `version-${name.replace('/', '+')}`);
        await run('npm', ['view', name, 'version', '--json'], {
          cwd: tempDir,
          env: appEnv(),
          log: file,
        });
        const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
        versions[name] = JSON.parse(lines[lines.length - 1]);
      }
    }),
  );
  fs.appendFileSync(log, `newest versions: ${JSON.stringify(versions)}\n`);
  return versions;
}

const APP_PACKAGES = ['.', 'packages/app', 'packages/backend'];
const UNUSED_NATIVE_MODULES = ['tree-sitter', 'keytar', 'cpu-features', 'ssh2'];

async function pin(appDir, variant, log) {
  const wanted = {};
  for (const dir of APP_PACKAGES) {
    const pkg = readJson(path.join(appDir, dir, 'package.json'));
    for (const field of ['dependencies', 'devDependencies']) {
      for (const [name, range] of Object.entries(pkg[field] ?? {})) {
        if (name.startsWith('@backstage/')) wanted[name] = range;
      }
    }
  }
  const versions = await pinnedVersions(variant, wanted, log);
  for (const dir of APP_PACKAGES) {
    const file = path.join(appDir, dir, 'package.json');
    const pkg = readJson(file);
    for (const field of ['dependencies', 'devDependencies']) {
      for (const name of Object.keys(pkg[field] ?? {})) {
        if (versions[name]) pkg[field][name] = versions[name];
      }
    }
    if (dir === '.') {
      pkg.resolutions = { ...pkg.resolutions, ...versions };
      // Native modules that nothing the test runs loads: tree-sitter
      // (swagger's parsers in Node; the browser has web-tree-sitter), and
      // those of the CLI's keychain and the Docker client. Not compiling
      // them leaves the CPU to the suites running beside the test;
      // better-sqlite3, the backend's database, is built.
      pkg.dependenciesMeta = {
        ...pkg.dependenciesMeta,
        ...Object.fromEntries(
          UNUSED_NATIVE_MODULES.map(name => [name, { built: false }]),
        ),
      };
    }
    writeJson(file, pkg);
  }
}

/** The README's `resolutions`: merged into the app's package.json. */
function applyJson(step, appDir) {
  const snippet = JSON.parse(step.code);
  const file = path.join(appDir, 'package.json');
  const pkg = readJson(file);
  for (const [name, range] of Object.entries(snippet.resolutions ?? {})) {
    const tarball = /^file:(.*)$/.exec(range)?.[1];
    if (tarball && !fs.existsSync(path.join(appDir, tarball))) {
      const packed = fs
        .readdirSync(path.join(appDir, 'vendor', 'build-vs-buy'))
        .join(', ');
      throw new StepError(
        step,
        `${name} points at ${tarball}, which \`yarn release:pack\` did not produce (it packed: ${packed})`,
      );
    }
  }
  pkg.resolutions = { ...pkg.resolutions, ...snippet.resolutions };
  writeJson(file, pkg);
}

/** Yarn's global folder, where its caches are (YARN_GLOBAL_FOLDER or the default). */
function yarnGlobalFolder() {
  return (
    process.env.YARN_GLOBAL_FOLDER ?? path.join(os.homedir(), '.yarn', 'berry')
  );
}

/** A shell step: each command line, run in the app's root. */
async function applyShell(step, appDir, log) {
  for (const line of step.code.split('\n')) {
    const command = line.trim();
    if (!command || command.startsWith('#')) continue;
    try {
      await run('bash', ['-c', command], { cwd: appDir, env: appEnv(), log });
    } catch (error) {
      if (!/YN0082/.test(error.message)) {
        throw new StepError(step, error.message);
      }
      // "No candidates found" for a version the registry has: Yarn kept a
      // package's metadata from before that version (seen once, for a
      // version two weeks old). Its metadata cache is only a cache: drop
      // it and ask the registry again, once.
      fs.rmSync(path.join(yarnGlobalFolder(), 'metadata'), {
        recursive: true,
        force: true,
      });
      try {
        await run('bash', ['-c', command], {
          cwd: appDir,
          env: appEnv(),
          log,
        });
      } catch (retried) {
        throw new StepError(step, retried.message);
      }
    }
  }
}

async function checkBrowser(name, appUrl) {
  const { chromium } = require('@playwright/test');
  const browser = await chromium.launch({
    executablePath:
      process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await browser.newPage({
    viewport: { width: 1400, height: 900 },
  });
  // What the browser console says while the checks run: kept beside the
  // screenshots, so a warning of the plugin's can be read after the run.
  // The plugin's own failures among them: a failed request to its API or
  // an error logged from its code (a component without a decision is none).
  const consoleLines = [];
  const pluginProblems = [];
  page.on('console', message => {
    if (['warning', 'error'].includes(message.type())) {
      consoleLines.push(`${message.type()}: ${message.text()}`);
    }
    if (
      message.type() === 'error' &&
      message.location().url.includes('build-vs-buy')
    ) {
      pluginProblems.push(`console: ${message.text().split('\n')[0]}`);
    }
  });
  page.on('response', response => {
    if (
      response.url().includes('/api/build-vs-buy/') &&
      response.status() >= 400
    ) {
      pluginProblems.push(`HTTP ${response.status()} ${response.url()}`);
    }
  });
  const shot = async label =>
    page
      .screenshot({
        path: path.join(resultsDir, `adoption-${name}-${label}.png`),
        fullPage: true,
      })
      .catch(() => undefined);
  const checks = [];
  const check = async (label, body) => {
    try {
      await body();
      checks.push({ name: label, ok: true });
    } catch (error) {
      await shot(label.replace(/\W+/g, '-'));
      checks.push({ name: label, ok: false, message: error.message });
    }
  };
  try {
    const entityUrl = `${appUrl}/catalog/default/component/example-website`;
    await page.goto(entityUrl);
    // The created apps sign in as guest with an "Enter" button.
    const enter = page.getByRole('button', { name: 'Enter' });
    const card = page.getByText('No decision yet').first();
    await enter.or(card).first().waitFor({ timeout: 120_000 });
    if (await enter.isVisible()) await enter.click();
    await check('the card on a component overview', async () => {
      // The catalog ingests the example entities shortly after start.
      const deadline = Date.now() + 120_000;
      while (!(await card.isVisible())) {
        if (Date.now() > deadline) {
          throw new Error(
            'no "Build vs Buy" card with "No decision yet" on example-website',
          );
        }
        await sleep(5_000);
        if (!(await card.isVisible())) await page.goto(entityUrl);
        await card.waitFor({ timeout: 10_000 }).catch(() => undefined);
      }
      await page
        .getByRole('button', { name: 'Start evaluation' })
        .first()
        .waitFor({ timeout: 20_000 });
    });
    await check('the Build vs Buy tab', async () => {
      // Tabs in the legacy system, links in the new one's page header.
      await page
        .getByRole('tab', { name: 'Build vs Buy' })
        .or(page.locator('a[href$="/component/example-website/build-vs-buy"]'))
        .first()
        .click();
      await page.waitForURL(/\/build-vs-buy$/, { timeout: 20_000 });
      await page
        .getByText('No decision yet')
        .first()
        .waitFor({ timeout: 30_000 });
    });
    await check('the dashboard', async () => {
      await page.goto(`${appUrl}/build-vs-buy`);
      await page
        .getByRole('heading', { name: 'Decisions' })
        .waitFor({ timeout: 60_000 });
      await shot('dashboard');
    });
    await check(
      'no failed request or console error of the plugin',
      async () => {
        await page.waitForLoadState('networkidle').catch(() => undefined);
        if (pluginProblems.length > 0) {
          throw new Error(pluginProblems.join('\n'));
        }
      },
    );
  } finally {
    fs.writeFileSync(
      path.join(resultsDir, `adoption-${name}-console.txt`),
      `${consoleLines.join('\n')}\n`,
    );
    await browser.close();
  }
  return checks;
}

async function runVariant(name, variant, packagesDir, timings) {
  const log = path.join(tempDir, `${name}.log`);
  const results = [];
  const timed = async (stage, body) => {
    const started = Date.now();
    try {
      return await body();
    } finally {
      timings.push({
        variant: name,
        stage,
        seconds: Math.round((Date.now() - started) / 1000),
      });
    }
  };
  const pass = test => results.push({ name: `${name}: ${test}`, ok: true });
  const fail = (test, message) =>
    results.push({ name: `${name}: ${test}`, ok: false, message });
  const planned = [
    'wiring and tsc',
    'the API answers a user',
    'the card on a component overview',
    'the Build vs Buy tab',
    'the dashboard',
  ];
  const failRest = cause => {
    let message = cause;
    for (const test of planned) {
      if (!results.some(r => r.name === `${name}: ${test}`)) {
        fail(test, message);
        // The cause once; the tests it stopped say so.
        if (message === cause) message = `not run: ${test} failed`;
      }
    }
  };

  const appDir = path.join(tempDir, name);
  const pinnedRelease = readJson(path.join(root, 'backstage.json')).version;
  const steps = READMES.flatMap(readme =>
    readSteps(path.join(root, readme), root),
  ).filter(step => !step.system || step.system === variant.system);
  const touched = new Map();
  try {
    await timed('create-app', async () => {
      const version =
        variant.createApp === 'latest'
          ? 'latest'
          : CREATE_APP_OF_PINNED_RELEASE[pinnedRelease];
      if (!version) {
        throw new Error(
          `no create-app known for Backstage ${pinnedRelease}: add it to CREATE_APP_OF_PINNED_RELEASE in ${path.relative(
            root,
            __filename,
          )}`,
        );
      }
      await run(
        'npx',
        [
          '--yes',
          `@backstage/create-app@${version}`,
          '--skip-install',
          ...(variant.system === 'legacy' ? ['--legacy'] : []),
        ],
        {
          cwd: tempDir,
          env: appEnv({ BACKSTAGE_APP_NAME: name }),
          log,
        },
      );
      const created = readJson(path.join(appDir, 'backstage.json')).version;
      fs.appendFileSync(log, `created a Backstage ${created} app\n`);
      if (variant.pin === 'pinned' && created !== pinnedRelease) {
        throw new Error(
          `create-app@${version} created a ${created} app, not ${pinnedRelease} (backstage.json)`,
        );
      }
      await pin(appDir, variant, log);
      fs.copyFileSync(
        path.join(root, 'yarn.lock'),
        path.join(appDir, 'yarn.lock'),
      );
      const vendor = path.join(appDir, 'vendor', 'build-vs-buy');
      fs.mkdirSync(vendor, { recursive: true });
      for (const tarball of fs.readdirSync(packagesDir)) {
        fs.copyFileSync(
          path.join(packagesDir, tarball),
          path.join(vendor, tarball),
        );
      }
    });

    // The resolutions first, then the packages they resolve, then the code.
    const order = { json: 0, sh: 1 };
    const ordered = [...steps].sort(
      (a, b) => (order[a.language] ?? 2) - (order[b.language] ?? 2),
    );
    await timed('install (README add steps)', async () => {
      for (const step of ordered.filter(s => s.language === 'json')) {
        applyJson(step, appDir);
      }
      for (const step of ordered.filter(s => s.language === 'sh')) {
        await applyShell(step, appDir, log);
      }
    });
    await timed('wiring and tsc', async () => {
      for (const step of ordered.filter(s => /^tsx?$/.test(s.language))) {
        applyCode(step, appDir);
        touched.set(step.file, [...(touched.get(step.file) ?? []), step]);
      }
      try {
        await run('yarn', ['tsc'], { cwd: appDir, env: appEnv(), log });
      } catch (error) {
        const blamed = [...touched.entries()]
          .filter(([file]) => error.message.includes(file))
          .flatMap(([, fileSteps]) => fileSteps)
          .map(step => `"${step.name}" (${step.where})`);
        throw new Error(
          blamed.length > 0
            ? `tsc fails in a file the README steps ${blamed.join(
                ', ',
              )} changed:\n${error.message}`
            : `tsc fails outside the files the README steps change:\n${error.message}`,
        );
      }
    });
    pass('wiring and tsc');
  } catch (error) {
    failRest(error.message);
    return results;
  }

  const backendPort = await freePort();
  let appPort = await freePort();
  while (appPort === backendPort) appPort = await freePort();
  const backendUrl = `http://localhost:${backendPort}`;
  const appUrl = `http://localhost:${appPort}`;
  const env = appEnv({
    APP_CONFIG_app_baseUrl: appUrl,
    APP_CONFIG_backend_baseUrl: backendUrl,
    APP_CONFIG_backend_listen_port: String(backendPort),
    APP_CONFIG_backend_cors_origin: appUrl,
    BROWSER: 'none',
  });
  const backendLog = path.join(tempDir, `${name}-backend.log`);
  const frontendLog = path.join(tempDir, `${name}-frontend.log`);
  const backend = start('yarn', ['workspace', 'backend', 'start'], {
    cwd: appDir,
    env,
    log: backendLog,
  });
  backend.name = 'the backend';
  const frontend = start('yarn', ['workspace', 'app', 'start'], {
    cwd: appDir,
    env,
    log: frontendLog,
  });
  frontend.name = 'the frontend';
  try {
    const token = await timed('backend start and API', async () => {
      try {
        await waitFor(
          'the backend',
          async () => {
            const response = await fetch(
              `${backendUrl}/api/build-vs-buy/evaluations`,
            );
            // 401 without a token: the plugin is mounted and guards its API.
            return response.status === 401 ? true : undefined;
          },
          { timeoutMs: 6 * 60_000, processes: [backend] },
        );
      } catch (error) {
        const tail = tailOf(backendLog);
        const ours = /build-vs-buy/i.test(tail);
        throw new Error(
          `${error.message}. ${
            ours
              ? 'It names the Build vs Buy plugin: check the README steps "backend-index" and "add-backend-package" (plugins/build-vs-buy-backend/README.md).'
              : 'The error is not in the Build vs Buy plugin: another plugin of the created app failed to start. A mixed-version app? The @backstage/* packages must come from one release (plugins/build-vs-buy/README.md, "Installation"); check the pinned versions in the log.'
          }\n${tail}`,
        );
      }
      const identity = await fetch(
        `${backendUrl}/api/auth/guest/refresh?env=development`,
        { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
      ).then(r => r.json());
      const guestToken = identity?.backstageIdentity?.token;
      if (!guestToken) {
        throw new Error(
          `no guest token from /api/auth/guest/refresh: ${JSON.stringify(
            identity,
          ).slice(0, 300)}`,
        );
      }
      const response = await fetch(
        `${backendUrl}/api/build-vs-buy/evaluations`,
        { headers: { Authorization: `Bearer ${guestToken}` } },
      );
      const body = await response.json().catch(() => undefined);
      if (response.status !== 200 || !Array.isArray(body?.items)) {
        throw new Error(
          `GET /api/build-vs-buy/evaluations as the guest answered ${
            response.status
          }: ${JSON.stringify(body).slice(0, 300)}`,
        );
      }
      return guestToken;
    });
    if (token) pass('the API answers a user');
  } catch (error) {
    fail('the API answers a user', error.message);
  }
  try {
    await timed('frontend start', () =>
      waitFor(
        'the frontend',
        async () => ((await fetch(appUrl)).status === 200 ? true : undefined),
        { timeoutMs: 10 * 60_000, processes: [frontend] },
      ),
    );
    const checks = await timed('browser', () => checkBrowser(name, appUrl));
    for (const c of checks) {
      if (c.ok) pass(c.name);
      else fail(c.name, c.message);
    }
  } catch (error) {
    failRest(`${error.message}\n${tailOf(frontendLog)}`);
  } finally {
    stop(backend);
    stop(frontend);
    await Promise.race([
      Promise.all([backend.exited, frontend.exited]),
      sleep(10_000),
    ]);
  }
  failRest('not run');
  return results;
}

async function main() {
  const started = Date.now();
  fs.mkdirSync(resultsDir, { recursive: true });
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvb-adoption-'));
  const names = (
    process.env.ADOPTION_VARIANTS || Object.keys(VARIANTS).join(',')
  )
    .split(',')
    .filter(Boolean);
  const timings = [];
  const results = [];
  let packagesDir = process.env.ADOPTION_PACKAGES;
  try {
    if (!packagesDir) {
      packagesDir = path.join(tempDir, 'packages');
      const begin = Date.now();
      await run('bash', ['scripts/release-pack.sh', packagesDir], {
        cwd: root,
        env: process.env,
        log: path.join(tempDir, 'pack.log'),
      });
      timings.push({
        variant: 'both',
        stage: 'release:pack',
        seconds: Math.round((Date.now() - begin) / 1000),
      });
    }
    for (const name of names) {
      const variant = VARIANTS[name];
      if (!variant) throw new Error(`no variant ${name}`);
      console.log(`--- adoption: ${name}`);
      const variantResults = await runVariant(
        name,
        variant,
        packagesDir,
        timings,
      );
      for (const r of variantResults) {
        console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}`);
        if (!r.ok) console.log(`     ${r.message.split('\n').join('\n     ')}`);
      }
      results.push(...variantResults);
      if (process.env.ADOPTION_KEEP !== '1') {
        // The app's node_modules go now, not after the last variant: `rm`
        // is much quicker at it than Node's fs.rmSync.
        const begin = Date.now();
        await run('rm', ['-rf', path.join(tempDir, name)], {
          cwd: tempDir,
          env: process.env,
          log: path.join(tempDir, 'cleanup.log'),
        }).catch(() => undefined);
        timings.push({
          variant: name,
          stage: 'remove the app',
          seconds: Math.round((Date.now() - begin) / 1000),
        });
      }
    }
  } catch (error) {
    results.push({ name: 'adoption', ok: false, message: error.message });
    console.log(`FAIL adoption: ${error.message}`);
  } finally {
    await stopAll();
    for (const t of timings) {
      console.log(
        `${String(t.seconds).padStart(5)} s  ${t.variant}: ${t.stage}`,
      );
    }
    const total = Math.round((Date.now() - started) / 1000);
    console.log(`${String(total).padStart(5)} s  total`);
    const failed = results.filter(r => !r.ok);
    writeJson(path.join(resultsDir, 'adoption.json'), {
      numPassedTests: results.length - failed.length,
      numFailedTests: failed.length,
      numPendingTests: 0,
      timings,
      testResults: results,
    });
    if (process.env.ADOPTION_KEEP === '1' || failed.length > 0) {
      // The logs of a failure stay; the apps are gone unless ADOPTION_KEEP.
      console.log(`logs kept in ${tempDir}`);
    } else {
      fs.rmSync(tempDir, { recursive: true, force: true });
    }
    process.exitCode = failed.length > 0 ? 1 : 0;
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) stop(child);
    if (tempDir && process.env.ADOPTION_KEEP !== '1') {
      fs.rmSync(tempDir, { recursive: true, force: true });
    }
    process.exit(1);
  });
}

main();
