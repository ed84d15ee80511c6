// axe-core finds no serious or critical violation on the main view, the details panel and each
// dialog (New key in API and dashboard mode, the shown-once panel, Revoke, Write to .env), in the
// light and the dark theme.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { seedKey } from './support/core.ts';
import { expect, test } from './support/fixtures.ts';
import { openDetails, reloadList } from './support/ui.ts';

/**
 * The serious and critical violations as the page is now, one line per node. With a modal
 * dialog open the rest of the window is inert (and was scanned before), so only the dialog is.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const axe = new AxeBuilder({ page });
  if ((await page.locator('dialog[open]').count()) > 0) axe.include('dialog[open]');
  const { violations } = await axe.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary ?? ''}`,
      ),
    );
}

async function expectAccessible(page: Page, state: string): Promise<void> {
  expect(await seriousViolations(page), `axe: ${state}`).toEqual([]);
}

// The longest spec: its tests share the workers with the rest of the suite.
test.describe.configure({ mode: 'parallel' });

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme });
    });

    test('API mode: main view, details, New key, shown once, Write to .env, Revoke', async ({
      page,
      app,
    }) => {
      const key = await seedKey(app, 'axe-prod', { environment: 'production', service: 'shop' });
      await seedKey(app, 'axe-dev', { rotationPeriodDays: 5 });
      await reloadList(page, 2);
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
        colorScheme === 'dark',
      );
      await expectAccessible(page, 'main view');

      const panel = await openDetails(page, 'axe-prod');
      await panel.getByRole('button', { name: 'Verify', exact: true }).click();
      await expect(panel.getByText('Works: ApexVerify accepted the key.')).toBeVisible();
      await expectAccessible(page, 'details panel');

      await page.getByRole('button', { name: 'New key' }).click();
      const newKey = page.getByRole('dialog', { name: 'New key' });
      await newKey.getByRole('textbox', { name: 'Label' }).fill('bad label');
      await expect(newKey.getByRole('textbox', { name: 'Label' })).toHaveAttribute(
        'aria-invalid',
        'true',
      );
      await expectAccessible(page, 'New key (API mode, with a field error)');
      await newKey.getByRole('textbox', { name: 'Label' }).fill('axe-new');
      await newKey.getByRole('button', { name: 'Generate' }).click();
      await expect(newKey.getByRole('heading', { name: 'Key generated: axe-new' })).toBeVisible();
      await expectAccessible(page, 'shown-once panel');
      await newKey.getByRole('button', { name: 'Done' }).click();
      await expect(newKey).toHaveCount(0);

      await openDetails(page, key.label);
      await panel.getByRole('button', { name: 'Write to .env…' }).click();
      const env = page.getByRole('dialog', { name: 'Write to .env' });
      await env.getByRole('button', { name: 'Write' }).click();
      await expect(env.getByRole('textbox', { name: 'File path' })).toHaveAttribute(
        'aria-invalid',
        'true',
      );
      await expectAccessible(page, 'Write to .env');
      await env.getByRole('button', { name: 'Cancel' }).click();

      await panel.getByRole('button', { name: 'Revoke…' }).click();
      const revoke = page.getByRole('alertdialog', { name: 'Revoke “axe-prod”' });
      await revoke.getByRole('textbox', { name: 'Type the label to confirm' }).fill('axe-pro');
      await expectAccessible(page, 'Revoke');
      await revoke.getByRole('textbox', { name: 'Type the label to confirm' }).fill('axe-prod');
      await revoke.getByRole('button', { name: 'Revoke', exact: true }).click();
      await expect(revoke.getByRole('status')).toContainText('is revoked');
      await expectAccessible(page, 'Revoke proof');
      await revoke.getByRole('button', { name: 'Close' }).click();
      await expect(revoke).toHaveCount(0);
    });

    test.describe('dashboard mode', () => {
      test.use({ appOptions: { mode: 'dashboard', keychain: 'ok' } });

      test('New key with Open dashboard and the paste field', async ({ page }) => {
        await page.getByRole('button', { name: 'New key' }).click();
        const dialog = page.getByRole('dialog', { name: 'New key' });
        await dialog.getByRole('button', { name: 'Open dashboard' }).click();
        await expect(dialog.getByRole('status')).toBeVisible();
        await dialog.getByRole('button', { name: 'Save' }).click();
        await expect(dialog.getByLabel('Paste the new key')).toHaveAttribute(
          'aria-invalid',
          'true',
        );
        await expectAccessible(page, 'New key (dashboard mode)');
      });
    });
  });
}
