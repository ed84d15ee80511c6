// Screenshots of the main view in light and dark, for a reviewer to look at (not committed):
// test-results/screenshots/main-light-1280.png, main-dark-900.png and so on, with a few keys,
// one overdue and one due soon; then, on the same app, the Settings and Activity dialogs at 900
// and 1280 px wide, light and dark (settings-light-900.png, activity-dark-1280.png and so on),
// each with its way out in view without scrolling. dialog-check.ts takes the pictures.
import type { Page } from '@playwright/test';
import { setKeyEnabled } from '../../electron/core/key-lifecycle.ts';
import { verifyKey } from '../../electron/core/key-verify.ts';
import { backdate, seedKey } from './support/core.ts';
import { screenshotWidths } from './support/dialog-check.ts';
import { expect, test } from './support/fixtures.ts';
import { keyGrid, reloadList, rowOf } from './support/ui.ts';

test.use({ viewport: { width: 1280, height: 640 } });

/**
 * Opens the dialog from its toolbar button; at each width its way out is in view without
 * scrolling; shoots it at both widths, and closes it with Escape.
 */
async function shootDialog(page: Page, name: 'Settings' | 'Activity', colorScheme: string) {
  await page.getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  // Shot once its content has loaded: the form's first field, or the trail's events.
  await expect(
    name === 'Settings'
      ? dialog.getByLabel('Clear the clipboard after (seconds)')
      : dialog.getByRole('list', { name: 'Events' }),
  ).toBeVisible();
  // Its way out is in view without scrolling: Save for Settings, Close for Activity.
  const out = dialog.getByRole('button', { name: name === 'Settings' ? 'Save' : 'Close' });
  for (const width of [900, 1280]) {
    await page.setViewportSize({ width, height: 720 });
    await expect(out).toBeInViewport();
  }
  await screenshotWidths(page, name.toLowerCase(), colorScheme);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
}

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
    await screenshotWidths(page, 'main', colorScheme);
    // The dialogs, on the same app and its keys' trail.
    await shootDialog(page, 'Settings', colorScheme);
    await shootDialog(page, 'Activity', colorScheme);
  }
});
