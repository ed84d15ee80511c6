// The window's wording as a new user meets it (issue 11): a new key says whether it was generated
// or imported and what can be done with it now, without contradiction; only the built-in sandbox
// account is called that; a dashboard-mode revoke says what the user does and what the app then
// proves; a server error shows words, not a code.
import { addAccount } from '../../electron/core/accounts.ts';
import { ERROR_CODES } from '../../shared/errors.ts';
import { connectionChecked, seedKey } from './support/core.ts';
import { expect, test } from './support/fixtures.ts';
import { detailsOf, openDetails, reloadList } from './support/ui.ts';

test.describe('API mode', () => {
  test('a generated key is called generated, and nothing says "shown once"', async ({ page }) => {
    await page.getByRole('button', { name: 'New key' }).click();
    const dialog = page.getByRole('dialog', { name: 'New key' });
    await dialog.getByRole('textbox', { name: 'Label' }).fill('worded-gen');
    await dialog.getByRole('button', { name: 'Generate' }).click();
    const panel = dialog.getByRole('group', { name: 'Key generated: worded-gen' });
    await expect(panel).toBeVisible();
    await expect(panel).toContainText('ApexVerify made the key');
    await expect(panel).toContainText('Copy or reveal it now');
    await expect(panel).toContainText('or later from its details');
    await expect(panel).not.toContainText(/shown once|created/i);
  });

  test('only the built-in sandbox account is called the built-in sandbox', async ({
    page,
    app,
  }) => {
    // An account the user added, on a server on this machine (an `apexkeys sandbox` of their own).
    const issued = app.sandbox.issueKey('staging-account-key');
    await addAccount(app.deps, { name: 'staging', baseUrl: app.sandbox.url, secret: issued.key });
    await page.reload();
    await page.getByRole('button', { name: 'New key' }).click();
    const dialog = page.getByRole('dialog', { name: 'New key' });
    const account = dialog.getByRole('combobox', { name: 'Account' });
    await account.selectOption({ label: 'sandbox' });
    await expect(account).toHaveAccessibleDescription(/This is the built-in sandbox/);
    await account.selectOption({ label: 'staging' });
    await expect(account).toHaveAccessibleDescription(/Its server runs on this machine/);
    await expect(account).not.toHaveAccessibleDescription(/built-in sandbox/);
  });

  test('a server error shows words, never its code', async ({ page, app }) => {
    await seedKey(app, 'worded-500');
    await reloadList(page, 1);
    await connectionChecked(app);
    const panel = await openDetails(page, 'worded-500');
    app.sandbox.addFault({ path: '/v1/account/credits', status: 500, times: 1 });
    await panel.getByRole('button', { name: 'Verify', exact: true }).click();
    await expect(panel.getByRole('alert')).toContainText('failed (HTTP 500)');
    const verification = panel.getByRole('group', { name: 'Last verification' });
    await expect(verification).toContainText('Cause: ApexVerify had a server error.');
    for (const where of [panel, page.getByRole('contentinfo').getByRole('status')])
      await expect(where).not.toContainText(new RegExp(`\\b(${ERROR_CODES.join('|')})\\b`));
  });
});

test.describe('dashboard mode', () => {
  test.use({ appOptions: { mode: 'dashboard', keychain: 'ok' } });

  test('a pasted key is called imported, and its revoke says who does what', async ({
    page,
    app,
  }) => {
    const issued = app.sandbox.issueKey('worded-import');
    await page.getByRole('button', { name: 'New key' }).click();
    const dialog = page.getByRole('dialog', { name: 'New key' });
    await dialog.getByRole('textbox', { name: 'Label' }).fill('worded-import');
    await dialog.getByLabel('Paste the new key').fill(issued.key);
    await dialog.getByRole('button', { name: 'Save' }).click();
    const panel = dialog.getByRole('group', { name: 'Key imported: worded-import' });
    await expect(panel).toBeVisible();
    await expect(panel).toContainText('ApexVerify accepted the pasted key');
    await expect(panel).not.toContainText(/shown once|created/i);
    await panel.getByRole('button', { name: 'Done' }).click();

    // Revoking it: the user revokes in the dashboard; the app proves the 401 and records it.
    await detailsOf(page, 'worded-import').getByRole('button', { name: 'Revoke…' }).click();
    const revoke = page.getByRole('alertdialog', { name: 'Revoke “worded-import”' });
    await expect(revoke).toHaveAccessibleDescription(
      /You revoke this key in the ApexVerify dashboard/,
    );
    await expect(revoke).toHaveAccessibleDescription(
      /records it as revoked only once it answers 401/,
    );
    await expect(revoke).not.toHaveAccessibleDescription(/immediate and irreversible/);
    await expect(revoke.getByRole('button', { name: 'Open dashboard' })).toBeVisible();
  });
});
