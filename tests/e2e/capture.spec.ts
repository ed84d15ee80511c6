// Capture in dashboard mode: the account cannot create keys through the API, so the key is made
// in the dashboard (here: the sandbox issues it) and pasted. Saving verifies it first; a key
// ApexVerify refuses is not stored, and the pasted text leaves the page with the dialog.
import { expect, test } from './support/fixtures.ts';
import { pageSnapshot } from './support/leaks.ts';
import { storedByLabel } from './support/core.ts';
import { detailsOf, rowOf } from './support/ui.ts';

test.use({ appOptions: { mode: 'dashboard', keychain: 'ok' } });

test('a key pasted from the dashboard is verified, then kept in the keychain', async ({
  page,
  app,
}) => {
  expect(app.account?.mode).toBe('dashboard');
  const issued = app.sandbox.issueKey('from-dashboard');

  await page.getByRole('button', { name: 'New key' }).click();
  const dialog = page.getByRole('dialog', { name: 'New key' });
  await expect(dialog.getByRole('combobox', { name: 'Account' })).toHaveAccessibleDescription(
    /Dashboard mode: create the key in the ApexVerify dashboard/,
  );
  // No Generate in dashboard mode: the dashboard makes the key.
  await expect(dialog.getByRole('button', { name: 'Generate' })).toHaveCount(0);

  // The preview cannot open a browser: the address is shown to open by hand.
  await dialog.getByRole('button', { name: 'Open dashboard' }).click();
  await expect(dialog.getByRole('status')).toContainText(
    `Open this address in your browser: ${app.account?.dashboardUrl}`,
  );

  await dialog.getByRole('textbox', { name: 'Label' }).fill('from-dashboard');
  await dialog.getByRole('combobox', { name: 'Environment', exact: true }).fill('production');
  const paste = dialog.getByLabel('Paste the new key');
  await expect(paste).toHaveAttribute('type', 'password');
  await paste.fill(issued.key);
  await dialog.getByRole('button', { name: 'Save' }).click();

  await expect(dialog.getByRole('heading', { name: 'Key imported: from-dashboard' })).toBeVisible();
  const [record] = await storedByLabel(app, 'from-dashboard');
  expect(record).toMatchObject({ environment: 'production', status: 'active' });
  const stored = await app.deps.vault.get(record?.id as string);
  expect(stored === issued.key, 'the keychain holds exactly the pasted key').toBe(true);
  // The pasted field is gone with the form.
  await expect(paste).toHaveCount(0);

  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(detailsOf(page, 'from-dashboard')).toBeVisible();
  await expect(rowOf(page, 'from-dashboard')).toBeVisible();
  // Dashboard mode: enabling and disabling happen in the dashboard, not here.
  await expect(
    detailsOf(page, 'from-dashboard').getByRole('button', { name: 'Disable' }),
  ).toHaveCount(0);
});

test('a revoked or malformed key is refused with a clear alert and not stored', async ({
  page,
  app,
}) => {
  const issued = app.sandbox.issueKey('gone-already');
  app.sandbox.revokeKey(issued.id);
  const idsBefore = await app.deps.vault.listIds();

  await page.getByRole('button', { name: 'New key' }).click();
  const dialog = page.getByRole('dialog', { name: 'New key' });
  await dialog.getByRole('textbox', { name: 'Label' }).fill('gone-already');
  const paste = dialog.getByLabel('Paste the new key');

  // Malformed: refused in the form, nothing sent.
  await paste.fill('short key');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(paste).toHaveAttribute('aria-invalid', 'true');
  await expect(paste).toHaveAccessibleDescription(/whitespace/);
  await expect(paste).toBeFocused();

  // Revoked in the dashboard: ApexVerify answers 401, and the app says what to do.
  await paste.fill(issued.key);
  await expect(paste).not.toHaveAttribute('aria-invalid');
  await dialog.getByRole('button', { name: 'Save' }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('Saving "gone-already" failed (HTTP 401).');
  await expect(alert).toContainText('It was not stored.');
  await expect(alert).toContainText('Copy the key again from the dashboard');
  await expect(dialog.getByRole('heading', { name: /Key (generated|imported)/ })).toHaveCount(0);

  expect(await storedByLabel(app, 'gone-already')).toEqual([]);
  expect((await app.deps.vault.listIds()).sort()).toEqual(idsBefore.sort());

  // Cancel: the pasted key leaves the page with the dialog.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect((await pageSnapshot(page)).includes(issued.key), 'the pasted key is gone').toBe(false);
  await expect(page.getByRole('heading', { name: 'No keys yet' })).toBeVisible();
});
