// Generate (API mode): New key → fields → Generate → the key is offered once → its row appears.
// The secret is in the keychain, and the sandbox knows the key and accepts it.
import { storedByLabel, sandboxAnswers, sandboxKeys, auditOf } from './support/core.ts';
import { expect, test } from './support/fixtures.ts';
import { detailsOf, expectShowsSecret, keyGrid, rowOf } from './support/ui.ts';

test('New key generates a key on ApexVerify, keeps it in the keychain and lists it', async ({
  page,
  app,
}) => {
  await expect(page.getByRole('heading', { name: 'No keys yet' })).toBeVisible();
  await page.getByRole('button', { name: 'New key' }).click();
  const dialog = page.getByRole('dialog', { name: 'New key' });
  await expect(dialog).toBeVisible();

  await expect(dialog.getByRole('combobox', { name: 'Account' })).toHaveValue(
    app.account?.id ?? '',
  );
  await expect(dialog.getByRole('combobox', { name: 'Account' })).toHaveAccessibleDescription(
    /API mode: the app creates the key/,
  );
  const label = dialog.getByRole('textbox', { name: 'Label' });
  await expect(label).toBeFocused();
  // Validated as you type: the rule is given, tied to the field.
  await label.fill('checkout api');
  await expect(label).toHaveAttribute('aria-invalid', 'true');
  await expect(label).toHaveAccessibleDescription(/whitespace/);
  await label.fill('checkout-api');
  await expect(label).not.toHaveAttribute('aria-invalid');

  const environment = dialog.getByRole('combobox', { name: 'Environment', exact: true });
  await expect(environment).toHaveValue('development');
  await environment.fill('staging');
  await dialog.getByRole('textbox', { name: 'Service' }).fill('checkout');
  await dialog.getByRole('textbox', { name: 'Owner' }).fill('ana');
  await dialog.getByRole('button', { name: 'Generate' }).click();

  // Shown once, in the dialog.
  await expect(dialog.getByRole('heading', { name: 'Key generated: checkout-api' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Copy', exact: true })).toBeFocused();

  // The store has the record with its metadata, the keychain has its secret...
  const [record, ...others] = await storedByLabel(app, 'checkout-api');
  expect(others).toHaveLength(0);
  expect(record).toMatchObject({
    environment: 'staging',
    service: 'checkout',
    owner: 'ana',
    status: 'active',
  });
  expect(record?.remoteId).toMatch(/^key_/);
  const id = record?.id as string;
  const secret = await app.deps.vault.get(id);
  expect(secret).toMatch(/^avk_/);
  // ...and the sandbox knows the key and accepts it.
  expect(await sandboxKeys(app)).toContainEqual({
    id: record?.remoteId,
    label: 'checkout-api',
    enabled: true,
    created_at: expect.any(String),
    last_used_at: null,
  });
  expect(await sandboxAnswers(app, secret)).toBe(200);

  // Reveal shows exactly that secret; Hide takes it away again.
  await dialog.getByRole('button', { name: 'Reveal' }).click();
  const revealed = dialog.getByRole('group', { name: 'Revealed key' });
  await expectShowsSecret(revealed, secret);
  await dialog.getByRole('button', { name: 'Hide' }).click();
  await expect(revealed).toHaveCount(0);

  // Done opens the new key in the details panel; its row is listed and selected.
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(detailsOf(page, 'checkout-api')).toBeVisible();
  await expect(keyGrid(page)).toHaveAttribute('aria-rowcount', '2');
  const row = rowOf(page, 'checkout-api');
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(row.getByRole('gridcell').nth(1)).toHaveText('staging');
  await expect(row.getByRole('gridcell').nth(2)).toHaveText('Active');
  expect(await auditOf(app, id)).toEqual(['app:generated:ok', 'app:revealed:ok']);

  // A second key with the same label is refused before anything is created on the server.
  const before = (await sandboxKeys(app)).length;
  await page.getByRole('button', { name: 'New key' }).click();
  await dialog.getByRole('textbox', { name: 'Label' }).fill('checkout-api');
  await dialog.getByRole('button', { name: 'Generate' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Generating "checkout-api" failed.');
  await expect(dialog.getByRole('alert')).toContainText('already has a live key labelled');
  expect(await sandboxKeys(app)).toHaveLength(before);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect(await storedByLabel(app, 'checkout-api')).toHaveLength(1);
});
