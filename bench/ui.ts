/*
 * Copyright 2026 The Build vs Buy Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

/*
 * `yarn bench:ui`: what a user waits for, measured in Chromium against the
 * benchmark backend, which also serves the built app (app-backend serves
 * packages/app/dist). Not a test: it measures and reports.
 *
 * - A component's page, from navigation until the Build vs Buy card shows
 *   its verdict, against the catalog's About card on the same page load.
 *   Target: the card no later than the About card plus 10 %.
 * - The Build vs Buy dashboard, from navigation until its first rows,
 *   against the catalog index page's first rows, loaded alternately.
 *   Target: no later than the catalog index.
 *
 * Each is the median of the per-load ratios over `--loads` loads (20),
 * after one load of each page that is not counted. Times are taken in the
 * page: a MutationObserver installed before the app's scripts records
 * `performance.now()` (milliseconds since the navigation started) the first
 * time each condition holds.
 *
 *   yarn bench:ui [--skip-seed] [--evaluations 10000] [--loads 20]
 *
 * Seeds like `yarn bench` unless --skip-seed; builds packages/app if it has
 * no dist/ yet. Writes docs/benchmarks.md between the bench:ui markers.
 */

/* eslint-disable no-console */

import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { startBackend, waitForCatalog, BASE_URL } from './backendProcess';
import { spread, type Spread } from './load';
import { writeReport } from './report';
import {
  GENERATED_DIR,
  MANIFEST_FILE,
  parseSeedArgs,
  REPO_ROOT,
  seed,
  type SeedManifest,
} from './seed';

const CHROMIUM =
  process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? '/usr/bin/chromium';
const APP_DIST = resolve(REPO_ROOT, 'packages/app/dist/index.html');
/** Written into every component by bench/seed.ts; the About card shows it. */
const DESCRIPTION = 'A generated component for the build-vs-buy benchmark.';
const WAIT_MS = 60_000;

type Mark = 'about' | 'verdict' | 'firstRows';

/*
 * Runs in the page before the app. MUI's class names carry a suffix in the
 * production build (`MuiChip-root-703`) and the About card is made of
 * @backstage/ui, so the conditions look for text and class-name prefixes:
 * the About card's description, the Build vs Buy card (a MUI card with that
 * title) holding a chip, a table row linking to a benchmark component. Only
 * the conditions of the page's kind are checked, and the observer stops once
 * they all hold, so it costs the page as little as it can.
 */
function marksScript(description: string): string {
  // Plain JavaScript in a string: a function passed to Playwright would be
  // the one tsx compiled, which calls helpers the page does not have.
  return `(() => {
  const marks = {};
  window.benchMarks = marks;
  const exists = xpath =>
    document.evaluate(xpath, document, null,
      XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue !== null;
  const entityPage = {
    about: () => exists(${JSON.stringify(
      `//*[normalize-space(text())='${description}']`,
    )}),
    verdict: () => exists(${JSON.stringify(
      "//*[contains(@class,'MuiCard-root')][.//*[normalize-space(text())='Build vs Buy']]//*[contains(@class,'MuiChip-root')]",
    )}),
  };
  const listPage = {
    firstRows: () => document.querySelector(
      'table tbody tr a[href*="/catalog/default/component/bench-svc-"]') !== null,
  };
  const observer = new MutationObserver(() => {
    const conditions = window.location.pathname.startsWith(
      '/catalog/default/component/') ? entityPage : listPage;
    let pending = 0;
    for (const [name, holds] of Object.entries(conditions)) {
      if (name in marks) continue;
      if (holds()) marks[name] = performance.now();
      else pending += 1;
    }
    if (pending === 0) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;
}

async function waitForMarks(page: Page, wanted: Mark[]): Promise<void> {
  try {
    await page.waitForFunction(
      names => {
        const marks = (window as unknown as { benchMarks?: object }).benchMarks;
        return marks && names.every(name => name in marks);
      },
      wanted,
      { timeout: WAIT_MS, polling: 50 },
    );
  } catch (error) {
    const shot = resolve(GENERATED_DIR, 'ui-timeout.png');
    await page.screenshot({ path: shot });
    const marks = await page.evaluate(
      () => (window as unknown as { benchMarks?: object }).benchMarks,
    );
    throw new Error(
      `${page.url()}: waited ${WAIT_MS} ms for ${wanted.join(
        ', ',
      )}, saw ${JSON.stringify(marks)}; screenshot in ${shot}`,
      { cause: error },
    );
  }
}

/** Loads `path` in a new tab; the time of each mark, in ms since navigation. */
async function load(
  context: BrowserContext,
  path: string,
  wanted: Mark[],
  screenshot?: string,
): Promise<Record<Mark, number>> {
  const page = await context.newPage();
  try {
    await page.goto(`${BASE_URL}${path}`, { waitUntil: 'commit' });
    await waitForMarks(page, wanted);
    if (screenshot) {
      await page.screenshot({ path: resolve(GENERATED_DIR, screenshot) });
    }
    return await page.evaluate(
      () =>
        (window as unknown as { benchMarks: Record<Mark, number> }).benchMarks,
    );
  } finally {
    await page.close();
  }
}

async function main() {
  const { options, rest } = parseSeedArgs(process.argv.slice(2));
  const loads = Number(rest.loads);
  if (!Number.isInteger(loads) || loads < 1) {
    throw new Error(`--loads: a whole number >= 1, got ${rest.loads}`);
  }
  const manifest: SeedManifest = rest['skip-seed']
    ? JSON.parse(readFileSync(MANIFEST_FILE, 'utf8'))
    : await seed(options);
  if (!existsSync(APP_DIST)) {
    console.log('building packages/app (no dist/ yet)');
    execFileSync('yarn', ['workspace', 'app', 'build'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    });
  }

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // The browser first: when it cannot start, no backend is left running.
  const backend = await startBackend({
    connection: options.connection,
    extraConfig: ['app-config.ui.yaml'],
  }).catch(async error => {
    await browser.close();
    throw error;
  });
  try {
    await waitForCatalog(backend, manifest.components);
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
    });
    await context.addInitScript({ content: marksScript(DESCRIPTION) });

    // Sign in once as the guest; later loads sign in on their own (the
    // app's SignInPage is `auto`), as a returning user's would.
    const signIn = await context.newPage();
    await signIn.goto(`${BASE_URL}/`);
    await signIn.getByRole('button', { name: 'Enter' }).click();
    await signIn.waitForURL(/\/catalog/, { timeout: WAIT_MS });
    await signIn.close();

    // Components with a current evaluation, a different one each load.
    const components = manifest.activeComponentNames.slice(0, loads + 1);
    const entityPath = (name: string) => `/catalog/default/component/${name}`;

    console.log('warm-up: one load of each page, not counted');
    await load(
      context,
      entityPath(components[0]),
      ['about', 'verdict'],
      'ui-entity.png',
    );
    await load(context, '/catalog', ['firstRows'], 'ui-catalog.png');
    await load(context, '/build-vs-buy', ['firstRows'], 'ui-dashboard.png');

    const entity: Array<Record<Mark, number>> = [];
    const catalogIndex: number[] = [];
    const dashboard: number[] = [];
    for (let round = 1; round <= loads; round += 1) {
      const page = await load(
        context,
        entityPath(components[round % components.length]),
        ['about', 'verdict'],
      );
      entity.push(page);
      catalogIndex.push(
        (await load(context, '/catalog', ['firstRows'])).firstRows,
      );
      dashboard.push(
        (await load(context, '/build-vs-buy', ['firstRows'])).firstRows,
      );
      console.log(
        `load ${round}/${loads}: About ${page.about.toFixed(
          0,
        )} ms, verdict ${page.verdict.toFixed(
          0,
        )} ms; catalog rows ${catalogIndex[round - 1].toFixed(
          0,
        )} ms, dashboard rows ${dashboard[round - 1].toFixed(0)} ms`,
      );
    }

    const cardRatio = spread(entity.map(page => page.verdict / page.about));
    const rowsRatio = spread(
      dashboard.map((time, round) => time / catalogIndex[round]),
    );
    const report = renderUiReport({
      manifest,
      loads,
      reused: Boolean(rest['skip-seed']),
      chromium: browser.version(),
      cardRatio,
      rowsRatio,
      about: spread(entity.map(page => page.about)),
      verdict: spread(entity.map(page => page.verdict)),
      catalogIndex: spread(catalogIndex),
      dashboard: spread(dashboard),
    });
    writeReport(report, 'bench:ui');
    console.log(report);
  } finally {
    await browser.close();
    await backend.stop();
  }
}

function renderUiReport(run: {
  manifest: SeedManifest;
  loads: number;
  reused: boolean;
  chromium: string;
  cardRatio: Spread;
  rowsRatio: Spread;
  about: Spread;
  verdict: Spread;
  catalogIndex: Spread;
  dashboard: Spread;
}): string {
  const ratio = (s: Spread) =>
    `${s.median.toFixed(3)} (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
  const time = (s: Spread) =>
    `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
  const result = (pass: boolean) => (pass ? 'pass' : '**fail**');
  return [
    `Run of ${new Date()
      .toISOString()
      .slice(0, 16)
      .replace('T', ' ')} UTC: \`yarn bench:ui --evaluations ${
      run.manifest.evaluations
    }${run.reused ? ' --skip-seed' : ''} --loads ${run.loads}\`; Chromium ${
      run.chromium
    } headless, 1440×900, on ${
      cpus().length
    } CPUs shared with the backend and PostgreSQL; ${run.manifest.components.toLocaleString(
      'en-US',
    )} components in the catalog, the production build of packages/app served by the backend.`,
    '',
    `Medians of ${run.loads} loads (range in brackets), each after one load of every page that is not counted; times from the start of navigation:`,
    '',
    '| What the user waits for | Build vs Buy | Catalog | Ratio | Target | Result |',
    '| --- | --- | --- | --- | --- | --- |',
    `| A component's page: the Build vs Buy card's verdict / the About card | ${time(
      run.verdict,
    )} | ${time(run.about)} | ${ratio(run.cardRatio)} | ≤ 1.10 | ${result(
      run.cardRatio.median <= 1.1,
    )} |`,
    `| First rows: the Build vs Buy dashboard / the catalog index page | ${time(
      run.dashboard,
    )} | ${time(run.catalogIndex)} | ${ratio(
      run.rowsRatio,
    )} | ≤ 1.00 | ${result(run.rowsRatio.median <= 1.0)} |`,
  ].join('\n');
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
