// The Settings dialog against the preview host: every setting changed in the window survives a
// reload and is what `apexkeys settings --json` prints; a value set with the CLI shows in the
// dialog; a bad value is refused at its field; the theme applies at once; axe finds nothing
// serious in the dialog with a field error shown, light and dark (with screenshots at 900 and
// 1280 px: settings-field-error-*.png). And the list's status filter and sort survive a reload.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { updateSettings } from '../../electron/core/settings.ts';
import { appCli } from './support/app-cli.ts';
import { seedKey } from './support/core.ts';
import { checkDialogBothSchemes } from './support/dialog-check.ts';
import { expect, test } from './support/fixtures.ts';
import { keyGrid } from './support/ui.ts';

async function openSettings(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByLabel('Clear the clipboard after (seconds)')).toBeVisible();
  return dialog;
}

const TEXT_VALUES: Array<[string, string]> = [
  ['Clear the clipboard after (seconds)', '75'],
  ['Verify all may use (% of the rate limit)', '20'],
  ['Warn about recent use within (minutes)', '45'],
  ['Rotation period for production (days)', '60'],
  ['Rotation period for staging (days)', '120'],
  ['Remind me about keys due within (days)', '21'],
];

test.describe('the Settings dialog', () => {
  test('saves every setting: it survives a reload and is what the CLI prints; axe passes its field error', async ({
    page,
    app,
  }) => {
    // A staging period to start from (a field per environment with a period or a key).
    await updateSettings(app.deps, { rotationDays: { staging: 30 } });
    await page.reload();
    let dialog = await openSettings(page);

    // A bad value first: refused at its field with the range, and the dialog stays open.
    const clip = dialog.getByLabel('Clear the clipboard after (seconds)');
    await clip.fill('0');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(clip).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByText('Between 1 and 3600 seconds.')).toBeVisible();
    // A shown problem: the error text must meet contrast as well, in both schemes. Checked here,
    // in this flow's own state, rather than in a flow of its own per scheme.
    await checkDialogBothSchemes(page, 'settings-field-error', clip);
    await page.emulateMedia({ colorScheme: 'light' });

    for (const [label, value] of TEXT_VALUES) await dialog.getByLabel(label).fill(value);
    await dialog.getByRole('checkbox', { name: 'Show reminders' }).uncheck();
    await dialog.getByRole('checkbox', { name: 'Hide the built-in sandbox account' }).check();
    await dialog.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Dark' }).check();
    // Applied at once, before Save.
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();

    const want = {
      clipboardClearSec: 75,
      rateShare: 0.2,
      recentUseWindowMin: 45,
      rotationDays: { production: 60, staging: 120 },
      reminderDays: 21,
      reminders: false,
      hideSandbox: true,
      theme: 'dark',
    };
    const cli = await appCli(app, ['settings', '--json']);
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(want);

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    dialog = await openSettings(page);
    for (const [label, value] of TEXT_VALUES)
      await expect(dialog.getByLabel(label)).toHaveValue(value);
    await expect(dialog.getByRole('checkbox', { name: 'Show reminders' })).not.toBeChecked();
    await expect(
      dialog.getByRole('checkbox', { name: 'Hide the built-in sandbox account' }),
    ).toBeChecked();
    await expect(dialog.getByRole('radio', { name: 'Dark' })).toBeChecked();
  });

  test('shows a value set with the CLI, and Cancel reverts a theme preview', async ({
    page,
    app,
  }) => {
    const set = await appCli(app, [
      'settings',
      'set',
      '--clipboard-clear-sec',
      '99',
      '--theme',
      'light',
      '--reminder-days',
      '3',
    ]);
    expect(set.code).toBe(0);
    // No reload: the dialog reads the settings afresh when it opens.
    const dialog = await openSettings(page);
    await expect(dialog.getByLabel('Clear the clipboard after (seconds)')).toHaveValue('99');
    await expect(dialog.getByLabel('Remind me about keys due within (days)')).toHaveValue('3');
    await expect(dialog.getByRole('radio', { name: 'Light' })).toBeChecked();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await dialog.getByRole('radio', { name: 'System' }).check();
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });
});

test('the status filter and the sort survive a reload', async ({ page, app }) => {
  await seedKey(app, 'alpha', { environment: 'staging' });
  await seedKey(app, 'beta', { environment: 'production' });
  await page.reload();
  // All keys: the seeded keys are listed even if a sync has since marked them revoked (the
  // sandbox never issued them), so the grid and its headers are there either way.
  await page.getByRole('combobox', { name: 'Status filter' }).selectOption('all');
  await expect(keyGrid(page)).toHaveAttribute('aria-rowcount', '3');
  const created = page.getByRole('columnheader', { name: 'Created' });
  await created.getByRole('button').click();
  await created.getByRole('button').click();
  await expect(created).toHaveAttribute('aria-sort', 'descending');
  // Saved a moment after the last change: wait until the host has it, not for a fixed time.
  await expect
    .poll(async () => {
      const text = await readFile(join(app.dataDir, 'window-prefs.json'), 'utf8').catch(() => '{}');
      return JSON.parse(text) as unknown;
    })
    .toMatchObject({ statusFilter: 'all', sort: { column: 'createdAt', direction: 'descending' } });
  await page.reload();
  await expect(keyGrid(page)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Status filter' })).toHaveValue('all');
  await expect(page.getByRole('columnheader', { name: 'Created' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
});
