// Screenshots of the main view in light and dark, for a reviewer to look at (not committed):
// test-results/screenshots/main-light.png and main-dark.png, with a few keys, one overdue and
// one due soon.
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { setKeyEnabled } from '../../electron/core/key-lifecycle.ts';
import { verifyKey } from '../../electron/core/key-verify.ts';
import { backdate, seedKey } from './support/core.ts';
import { expect, test } from './support/fixtures.ts';
import { keyGrid, reloadList, rowOf } from './support/ui.ts';

const dir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

test.use({ viewport: { width: 1280, height: 640 } });

test('the main view, in light and in dark', async ({ page, app }) => {
  const checkout = await seedKey(app, 'checkout-prod', {
    environment: 'production',
    service: 'checkout',
    owner: 'ana',
    rotationPeriodDays: 30,
  });
  const billing = await seedKey(app, 'billing-prod', {
    environment: 'production',
    service: 'billing',
    owner: 'bo',
    rotationPeriodDays: 20,
  });
  await seedKey(app, 'search-staging', { environment: 'staging', service: 'search' });
  const ci = await seedKey(app, 'ci-runner', { environment: 'development', service: 'ci' });
  await seedKey(app, 'crm-sync-qa', { environment: 'qa', service: 'crm-sync', owner: 'chen' });
  await backdate(app, checkout.id, 45);
  await backdate(app, billing.id, 10);
  await setKeyEnabled(app.deps, { id: ci.id }, false);
  await verifyKey(app.deps, { id: billing.id });
  await reloadList(page, 5);
  await expect(rowOf(page, 'checkout-prod').getByText('Overdue', { exact: true })).toBeVisible();
  await expect(rowOf(page, 'billing-prod').getByText('Due soon', { exact: true })).toBeVisible();
  await expect(rowOf(page, 'billing-prod').getByText('Verified', { exact: true })).toBeVisible();
  await expect(keyGrid(page)).toBeVisible();

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const path = `${dir}main-${colorScheme}.png`;
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
    expect((await stat(path)).size).toBeGreaterThan(10_000);
  }
});
