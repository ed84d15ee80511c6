// Accounts in the window (issue 10, item 1-3): two more sandboxes, one in API mode and one in
// dashboard mode, are added through the Accounts dialog (a 401 key refused at its field), one is
// renamed, the list is filtered by account, an existing key is pasted into the API-mode account,
// and the extra account is removed behind its typed name. axe passes over each dialog in light
// and dark, with screenshots at 900 and 1280 px wide (test-results/screenshots/accounts-*.png).
import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import type { Sandbox } from '../../electron/sandbox/server.ts';
import { checkDialogBothSchemes } from './support/dialog-check.ts';
import { startSandboxes } from './support/extra-sandboxes.ts';
import { expect, test } from './support/fixtures.ts';
import { pageSnapshot } from './support/leaks.ts';
import { storedByLabel } from './support/core.ts';
import { keyGrid, rowOf } from './support/ui.ts';
import { secretToolAccounts } from '../helpers/keyring.ts';

async function addAccount(page: Page, name: string, baseUrl: string, secret: string) {
  const form = page.getByRole('dialog', { name: 'Add account' });
  await form.getByRole('textbox', { name: 'Name' }).fill(name);
  await form.getByRole('textbox', { name: 'API base URL' }).fill(baseUrl);
  await form.getByLabel('Account key').fill(secret);
  await form.getByRole('button', { name: 'Add account' }).click();
}

test('accounts are added, renamed, filtered, pasted into and removed in the window', async ({
  page,
  app,
}) => {
  const extra = await startSandboxes(['api', 'dashboard']);
  try {
    const [apiServer, dashServer] = extra.servers as [Sandbox, Sandbox];
    await page.getByRole('button', { name: 'Accounts' }).click();
    const accounts = page.getByRole('dialog', { name: 'Accounts' });
    await expect(accounts.getByRole('row', { name: /sandbox/ })).toContainText('Built-in sandbox');
    await expect(
      accounts.getByRole('row', { name: /sandbox/ }).getByRole('button', { name: 'Remove…' }),
    ).toHaveCount(0);

    // A key the server does not know: refused (401) beside the Account key field, nothing stored.
    await accounts.getByRole('button', { name: 'Add account' }).click();
    const form = page.getByRole('dialog', { name: 'Add account' });
    await expect(form.getByRole('textbox', { name: 'API base URL' })).toHaveValue(
      'https://api.apexverify.com',
    );
    const wrong = `avk_${randomBytes(16).toString('hex')}`;
    await addAccount(page, 'team-api', apiServer.url, wrong);
    const keyField = form.getByLabel('Account key');
    await expect(keyField).toHaveAttribute('aria-invalid', 'true');
    await expect(keyField).toHaveAccessibleDescription(/rejected the account key \(401\)/);
    await expect(keyField).toBeFocused();
    await expect(form.getByRole('textbox', { name: 'Name' })).not.toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(await form.innerText()).not.toContain('UNAUTHORIZED');

    // The right key: probed as API mode.
    await keyField.fill(apiServer.bootstrapKey as string);
    await form.getByRole('button', { name: 'Add account' }).click();
    await expect(accounts.getByRole('status')).toContainText('Added “team-api”');
    await expect(accounts.getByRole('status')).toContainText('API mode');
    await expect(accounts.getByRole('row', { name: /team-api/ })).toContainText('API mode');
    // The field is gone with the form, and the refused key with it.
    expect(await pageSnapshot(page)).not.toContain(wrong);

    await accounts.getByRole('button', { name: 'Add account' }).click();
    await addAccount(page, 'team-dash', dashServer.url, dashServer.bootstrapKey as string);
    await expect(accounts.getByRole('status')).toContainText('dashboard mode');
    const dashRow = accounts.getByRole('row', { name: /team-dash/ });
    await expect(dashRow).toContainText('dashboard mode');
    await expect(dashRow).toContainText('0 keys');

    // Rename the dashboard account.
    await dashRow.getByRole('button', { name: 'Rename…' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename account “team-dash”' });
    await rename.getByRole('textbox', { name: 'New name' }).fill('team-dashboard');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await expect(accounts.getByRole('status')).toContainText(
      'Renamed “team-dash” to “team-dashboard”',
    );
    await accounts.getByRole('button', { name: 'Close' }).click();
    await expect(accounts).toHaveCount(0);

    // Paste an existing key into the API-mode account: verified, linked by proof, stored.
    const issued = apiServer.issueKey('existing-one');
    await page.getByRole('button', { name: 'New key' }).click();
    const newKey = page.getByRole('dialog', { name: 'New key' });
    await newKey.getByRole('combobox', { name: 'Account' }).selectOption({ label: 'team-api' });
    await newKey.getByRole('radio', { name: 'Paste an existing key' }).check();
    await newKey.getByRole('textbox', { name: 'Label' }).fill('existing-one');
    const paste = newKey.getByLabel('Paste the existing key');
    await expect(paste).toHaveAttribute('type', 'password');
    await paste.fill(issued.key);
    await newKey.getByRole('button', { name: 'Save' }).click();
    await expect(newKey.getByRole('heading', { name: 'Key imported: existing-one' })).toBeVisible();
    const [record] = await storedByLabel(app, 'existing-one');
    expect(record?.remoteId, 'linked to its remote key by proof').toBe(issued.id);
    expect((await app.deps.vault.get(record?.id as string)) === issued.key).toBe(true);
    await newKey.getByRole('button', { name: 'Done' }).click();

    // A sandbox key too, then filter by account; the list has an account column.
    await page.getByRole('button', { name: 'New key' }).click();
    await newKey.getByRole('textbox', { name: 'Label' }).fill('sandbox-one');
    await newKey.getByRole('button', { name: 'Generate' }).click();
    await newKey.getByRole('button', { name: 'Done' }).click();
    await expect(keyGrid(page)).toHaveAttribute('aria-rowcount', '3');
    await expect(keyGrid(page).getByRole('columnheader', { name: 'Account' })).toBeVisible();
    await expect(rowOf(page, 'existing-one')).toContainText('team-api');
    const filter = page.getByRole('combobox', { name: 'Account', exact: true });
    await expect(filter.locator('option').first()).toHaveText('All accounts');
    await filter.selectOption({ label: 'team-api' });
    await expect(keyGrid(page)).toHaveAttribute('aria-rowcount', '2');
    await expect(rowOf(page, 'sandbox-one')).toHaveCount(0);
    await filter.selectOption({ label: 'All accounts' });
    await expect(keyGrid(page)).toHaveAttribute('aria-rowcount', '3');

    // Remove the renamed account behind its exact name.
    const removed = (await app.deps.store.read()).accounts.find((a) => a.name === 'team-dashboard');
    const entry = `account:${removed?.id ?? 'missing'}`;
    expect(secretToolAccounts(app.keychainService)).toContain(entry);
    await page.getByRole('button', { name: 'Accounts' }).click();
    await accounts
      .getByRole('row', { name: /team-dashboard/ })
      .getByRole('button', { name: 'Remove…' })
      .click();
    const remove = page.getByRole('alertdialog', { name: 'Remove account “team-dashboard”' });
    const confirm = remove.getByRole('button', { name: 'Remove account' });
    await remove.getByRole('textbox', { name: 'Type the account name to confirm' }).fill('team');
    await expect(confirm).toHaveAttribute('aria-disabled', 'true');
    await remove
      .getByRole('textbox', { name: 'Type the account name to confirm' })
      .fill('team-dashboard');
    await confirm.click();
    await expect(accounts.getByRole('status')).toContainText('Removed “team-dashboard”');
    await expect(accounts.getByRole('row', { name: /team-dashboard/ })).toHaveCount(0);
    const stored = await app.deps.store.read();
    expect(stored.accounts.map((a) => a.name).sort()).toEqual(['sandbox', 'team-api']);
    // libsecret's own view: the removed account's key is gone from the keychain, the others stay.
    const left = secretToolAccounts(app.keychainService);
    expect(left).not.toContain(entry);
    const kept = stored.accounts.map((a) => `account:${a.id}`);
    expect(left).toEqual(expect.arrayContaining(kept));
  } finally {
    await extra.close();
  }
});

// Its own test (the axe passes are long on a busy machine): one flow, both schemes at each state.
test('the Accounts, Add account and Remove account dialogs pass axe, light and dark', async ({
  page,
}) => {
  // A budget, not an expectation: both schemes' axe passes and screenshots in one test.
  test.slow();
  const extra = await startSandboxes(['dashboard']);
  try {
    const [server] = extra.servers as [Sandbox];
    await page.getByRole('button', { name: 'Accounts' }).click();
    const accounts = page.getByRole('dialog', { name: 'Accounts' });
    await accounts.getByRole('button', { name: 'Add account' }).click();
    const form = page.getByRole('dialog', { name: 'Add account' });
    await addAccount(page, 'Bad name!', server.url, 'short');
    await expect(form.getByRole('textbox', { name: 'Name' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await checkDialogBothSchemes(page, 'accounts-add-account');
    await addAccount(page, 'team-dash', server.url, server.bootstrapKey as string);
    await expect(accounts.getByRole('status')).toContainText('Added “team-dash”');
    await checkDialogBothSchemes(page, 'accounts-list');
    await accounts
      .getByRole('row', { name: /team-dash/ })
      .getByRole('button', { name: 'Remove…' })
      .click();
    const remove = page.getByRole('alertdialog', { name: 'Remove account “team-dash”' });
    await expect(
      remove.getByRole('textbox', { name: 'Type the account name to confirm' }),
    ).toBeFocused();
    await checkDialogBothSchemes(page, 'accounts-remove-account');
  } finally {
    await extra.close();
  }
});
