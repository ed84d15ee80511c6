// The Electron end-to-end test: the built app launched with Playwright's _electron on a throwaway
// data folder and keychain service. It skips, saying why, where the Electron runtime cannot run.
// Run it with `npm run test:electron` (a throwaway keyring and a virtual display on Linux).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e-electron',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.APEXKEYS_PW_REPORT
    ? [['list'], ['json', { outputFile: process.env.APEXKEYS_PW_REPORT }]]
    : [['list']],
  // Under the suite's throwaway root when there is one, so the final secret scan reads it too.
  outputDir: process.env.APEXKEYS_TEST_ROOT
    ? `${process.env.APEXKEYS_TEST_ROOT}/playwright-electron`
    : 'test-results/e2e-electron',
});
