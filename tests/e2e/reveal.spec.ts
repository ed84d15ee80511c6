// Reveal and Hide: Reveal shows exactly the secret the keychain holds, only in the details panel
// and never in the renderer's state; Hide (or 30 s) removes it from the page.
import type { Page } from '@playwright/test';
import { auditOf, seedKey } from './support/core.ts';
import { expect, test } from './support/fixtures.ts';
import { expectNoSecrets, pageSnapshot } from './support/leaks.ts';
import { expectShowsSecret, openDetails, reloadList } from './support/ui.ts';

/** The renderer's store, as the leak check reads it. */
const stateText = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __apexKeysState?: () => unknown };
    return JSON.stringify(w.__apexKeysState?.() ?? null);
  });

test('Reveal shows exactly the secret from the keychain, and Hide removes it from the page', async ({
  page,
  app,
}) => {
  const key = await seedKey(app, 'reveal-me');
  const secret = await app.deps.vault.get(key.id);
  await reloadList(page, 1);
  const panel = await openDetails(page, 'reveal-me');
  // The list shows only the masked hint, never the key.
  await expect(panel).toContainText(key.hint);
  await expectNoSecrets(page, [secret]);

  await panel.getByRole('button', { name: 'Reveal' }).click();
  const revealed = panel.getByRole('group', { name: 'Revealed key' });
  await expectShowsSecret(revealed.locator('code'), secret);
  expect((await revealed.locator('code').textContent()) === secret, 'exactly the secret').toBe(
    true,
  );
  await expect(revealed).toContainText(/Hides in (30|29|28) s/);
  // While shown, the leak check sees it (so it can see a leak), but the store never holds it.
  expect((await pageSnapshot(page)).includes(secret), 'the page shows the secret').toBe(true);
  expect((await stateText(page)).includes(secret), 'the store holds the secret').toBe(false);

  await panel.getByRole('button', { name: 'Hide' }).click();
  await expect(revealed).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Reveal' })).toBeVisible();
  await expectNoSecrets(page, [secret]);
  expect(await auditOf(app, key.id)).toEqual(['cli:generated:ok', 'app:revealed:ok']);
});

test('a revealed key hides itself after 30 s', async ({ page, app }) => {
  const key = await seedKey(app, 'reveal-timer');
  const secret = await app.deps.vault.get(key.id);
  // Time runs normally but can be moved on, so the 30 s pass without waiting for them.
  await page.clock.install();
  await reloadList(page, 1);
  const panel = await openDetails(page, 'reveal-timer');
  await panel.getByRole('button', { name: 'Reveal' }).click();
  const revealed = panel.getByRole('group', { name: 'Revealed key' });
  await expectShowsSecret(revealed, secret);

  await page.clock.fastForward('00:20');
  await expect(revealed).toContainText(/Hides in (10|9) s/);
  await page.clock.fastForward('00:11');
  await expect(revealed).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Reveal' })).toBeVisible();
  await expectNoSecrets(page, [secret]);
});
