/*
 * End-to-end tests of the portal in Debian's Chromium (playwright-core
 * cannot download its own browser here). `yarn test:e2e` starts the portal
 * on a fresh SQLite directory unless one is already running on :3000.
 */

import { defineConfig } from '@playwright/test';

const chromium =
  process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [
    ['list'],
    ['json', { outputFile: '.test-results/e2e.playwright.json' }],
  ],
  webServer: {
    command:
      'rm -rf .data/e2e && APP_CONFIG_backend_database_connection_directory=../../.data/e2e APP_CONFIG_buildVsBuy_revisitScanSchedule=\'{"frequency":{"minutes":0,"seconds":15},"timeout":{"minutes":1},"initialDelay":{"seconds":5}}\' yarn start',
    url: 'http://localhost:3000',
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  use: {
    baseURL: 'http://localhost:3000',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  outputDir: 'node_modules/.cache/e2e-test-results',
});
