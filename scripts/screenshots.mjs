#!/usr/bin/env node
/*
 * Takes the README's screenshots (docs/screenshots/) from a running example
 * portal: start it with `yarn start` on a fresh data directory, then run
 * `node scripts/screenshots.mjs`, or name the screenshots to take:
 * `node scripts/screenshots.mjs tech-radar`. Uses Debian's Chromium through
 * playwright-core (PLAYWRIGHT_CHROMIUM_EXECUTABLE overrides the path).
 */
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(root, 'docs/screenshots');
const base = process.env.PORTAL_URL ?? 'http://localhost:3000';
const only = process.argv.slice(2);
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath:
    process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });

async function shot(name, path, ready, prepare) {
  if (only.length > 0 && !only.includes(name)) return;
  await page.goto(`${base}${path}`);
  await ready();
  if (prepare) await prepare();
  await page.waitForTimeout(1_500);
  await page.screenshot({ path: resolve(out, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

await page.goto(base);
await page.getByRole('button', { name: 'Enter' }).click();
await page.getByText('Acme AI Catalog').waitFor();

const rag = '/catalog/default/component/rag-retriever';
await shot('entity-card', rag, () =>
  page
    .getByText(/with a thin wrapper/)
    .first()
    .waitFor(),
);
await shot('entity-tab', `${rag}/build-vs-buy`, () =>
  page.getByRole('button', { name: 'Download ADR' }).waitFor(),
);
await shot(
  'wizard',
  `${rag}/build-vs-buy/evaluate`,
  () =>
    page
      .getByRole('button', { name: /^Node 3: Meets 80%\+ of requirements\?/ })
      .click(),
  () =>
    page
      .getByRole('complementary', { name: 'How requirements are scored' })
      .waitFor(),
);
await shot(
  'wizard-review',
  '/catalog/default/component/llm-gateway/build-vs-buy/evaluate',
  () => page.getByLabel('Engineers on the team').fill('2.5'),
  async () => {
    await page.getByRole('button', { name: /^Review and save/ }).click();
    await page.getByRole('region', { name: 'Invalid answers' }).waitFor();
  },
);
await shot(
  'wizard-review-summary',
  `${rag}/build-vs-buy/evaluate?step=review`,
  () => page.getByRole('region', { name: 'Your answers' }).waitFor(),
);
await shot(
  'wizard-presentation',
  `${rag}/build-vs-buy/evaluate?present=requirements-coverage`,
  () => page.getByRole('dialog').waitFor(),
);
await shot('dashboard', '/build-vs-buy', () =>
  page.getByRole('row').nth(2).waitFor(),
);
await shot('dashboard-coverage', '/build-vs-buy?tab=coverage-by-team', () =>
  page.getByRole('row').nth(2).waitFor(),
);
await shot('dashboard-portfolio', '/build-vs-buy?tab=vendor-portfolio', () =>
  page.getByRole('row').nth(2).waitFor(),
);
await shot(
  'dashboard-vendor-events',
  '/build-vs-buy?tab=vendor-portfolio',
  () => page.getByRole('row').nth(2).waitFor(),
  async () => {
    await page
      .getByRole('row')
      .filter({ hasText: 'HybridSearch Cloud' })
      .getByRole('button', { name: 'Events' })
      .click();
    await page.getByRole('dialog').getByRole('row').nth(1).waitFor();
  },
);
await shot('catalog-column', '/catalog', () =>
  page.getByText('No decision').first().waitFor(),
);
await shot('notifications', '/notifications', () =>
  page
    .getByText(/Build vs buy: the decision for/)
    .first()
    .waitFor(),
);
await shot('tech-radar', '/tech-radar', () =>
  page
    .getByTestId('radar-quadrant')
    .getByText('VectorCloud Managed', { exact: true })
    .waitFor(),
);

await browser.close();
