import { defineConfig } from '@playwright/test';

// End-to-end tests drive the built renderer in Debian's Chromium through tests/e2e/harness.ts,
// which launches the browser itself (executablePath), so no Playwright browser download is needed.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  timeout: 180_000,
  // Generous: the machines have 2 cores, and a loaded one paints late; a wrong screen still fails.
  expect: { timeout: 20_000 },
  // A click that cannot happen fails within a minute with its reason, not at the test's timeout.
  use: { actionTimeout: 60_000 },
  // Retries on CI (Playwright's advice for CI): a failure seen on a loaded 2-core runner prints its
  // diagnostics (tests/e2e/diagnostics.ts) and is reported as flaky when a retry passes; a test
  // that fails three times fails the run. Locally every failure counts at once.
  retries: process.env.CI ? 2 : 0,
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'tests/.tmp/playwright',
});
