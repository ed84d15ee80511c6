// The `app` fixture: a fresh app per test, opened in the page; after the test, the leak check.
import { test as base } from '@playwright/test';
import { startApp, type AppHandle, type AppOptions } from './app.ts';
import { expectNoSecrets } from './leaks.ts';

export const test = base.extend<{ appOptions: AppOptions; app: AppHandle }>({
  appOptions: [{ mode: 'api', keychain: 'ok' }, { option: true }],
  app: async ({ page, appOptions }, use) => {
    const app = await startApp(appOptions);
    await page.goto(app.url);
    await use(app);
    // Reveal shows a secret only until it is hidden: every test ends with nothing shown.
    if (!page.isClosed()) await expectNoSecrets(page, await app.secrets());
    await app.stop();
  },
});

export { expect } from '@playwright/test';
