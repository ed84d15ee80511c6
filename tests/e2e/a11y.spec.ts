// axe-core finds no serious or critical violation on the main view, the details panel and each
// dialog (New key in API and dashboard mode, the shown-once panel, Revoke and its proof, Write to
// .env), in the light and the dark theme; each dialog is shot at 900 and 1280 px wide in both
// (test-results/screenshots/new-key-*.png and so on). One run of each flow checks both schemes
// at each state: the flow is the cost, the scheme is not.
import { seedKey } from './support/core.ts';
import { checkDialogBothSchemes, expectAccessibleBothSchemes } from './support/dialog-check.ts';
import { expect, test } from './support/fixtures.ts';
import { openDetails, reloadList } from './support/ui.ts';

// The longest spec: its tests share the workers with the rest of the suite.
test.describe.configure({ mode: 'parallel' });

test('API mode: main view, details, New key, shown once, Write to .env, Revoke', async ({
  page,
  app,
}) => {
  // A budget, not an expectation: both schemes' axe passes and screenshots in one test.
  test.slow();
  const key = await seedKey(app, 'axe-prod', { environment: 'production', service: 'shop' });
  await seedKey(app, 'axe-dev', { rotationPeriodDays: 5 });
  await reloadList(page, 2);
  await expectAccessibleBothSchemes(page, 'main view');

  const panel = await openDetails(page, 'axe-prod');
  await panel.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(panel.getByText('Works: ApexVerify accepted the key.')).toBeVisible();
  await expectAccessibleBothSchemes(page, 'details panel');

  await page.getByRole('button', { name: 'New key' }).click();
  const newKey = page.getByRole('dialog', { name: 'New key' });
  await newKey.getByRole('textbox', { name: 'Label' }).fill('bad label');
  await expect(newKey.getByRole('textbox', { name: 'Label' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await checkDialogBothSchemes(page, 'new-key-api-field-error');
  await newKey.getByRole('textbox', { name: 'Label' }).fill('axe-new');
  await newKey.getByRole('button', { name: 'Generate' }).click();
  await expect(newKey.getByRole('heading', { name: 'Key generated: axe-new' })).toBeVisible();
  await checkDialogBothSchemes(page, 'new-key-shown-once');
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
  await checkDialogBothSchemes(page, 'write-env-field-error');
  await env.getByRole('button', { name: 'Cancel' }).click();

  await panel.getByRole('button', { name: 'Revoke…' }).click();
  const revoke = page.getByRole('alertdialog', { name: 'Revoke “axe-prod”' });
  await revoke.getByRole('textbox', { name: 'Type the label to confirm' }).fill('axe-pro');
  await checkDialogBothSchemes(page, 'revoke-label-mistyped');
  await revoke.getByRole('textbox', { name: 'Type the label to confirm' }).fill('axe-prod');
  await revoke.getByRole('button', { name: 'Revoke', exact: true }).click();
  await expect(revoke.getByRole('status')).toContainText('is revoked');
  await checkDialogBothSchemes(page, 'revoke-proof', revoke.getByRole('status'));
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
    await expect(dialog.getByLabel('Paste the new key')).toHaveAttribute('aria-invalid', 'true');
    await checkDialogBothSchemes(page, 'new-key-dashboard');
  });
});
