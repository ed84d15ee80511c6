// End-to-end tests: the built renderer in Debian's Chromium, served by the preview host with the
// real core (a throwaway gnome-keyring, a sandbox ApexVerify on 127.0.0.1). Never `playwright install`.
import { defineConfig } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  // A budget, not an expectation: the axe passes over many dialogs take ~40 s on a free
  // machine and ran out of 60 s on a busy one.
  timeout: 120_000,
  // A budget too: a step that does several requests and keychain calls (a rotation's revoke, a
  // first start that builds) took over 15 s while the other worker ran axe on a busy machine.
  expect: { timeout: 30_000 },
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.APEXKEYS_PW_REPORT ?? 'test-results/e2e.json' }],
  ],
  // Under the suite's throwaway root when there is one, so the final secret scan reads it too.
  outputDir: process.env.APEXKEYS_TEST_ROOT
    ? `${process.env.APEXKEYS_TEST_ROOT}/playwright`
    : 'test-results/e2e',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // Every address the tests use is loopback; nothing else may be reached.
    serviceWorkers: 'block',
  },
});
