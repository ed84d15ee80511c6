// The `app` fixture: a fresh app per test, opened in the page; after the test, the leak check.
import { test as base } from '@playwright/test';
import { startApp, type AppHandle, type AppOptions } from './app.ts';
import { expectNoSecrets } from './leaks.ts';

export const test = base.extend<{ appOptions: AppOptions; app: AppHandle }>({
  appOptions: [{ mode: 'api', keychain: 'ok' }, { option: true }],
  // Automatic: a spec that imports this file always runs against an app, even when it does not
  // name `app` (one that asked only for `page` used to get a blank page and time out).
  app: [
    async ({ page, appOptions }, use) => {
      const app = await startApp(appOptions);
      await page.goto(app.url);
      await use(app);
      // Reveal shows a secret only until it is hidden: every test ends with nothing shown.
      if (!page.isClosed()) await expectNoSecrets(page, await app.secrets());
      await app.stop();
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
