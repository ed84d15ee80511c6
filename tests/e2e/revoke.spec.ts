// Revoke with the typed label: the alertdialog says what revocation means, Revoke stays disabled
// until the label is typed exactly, and afterwards the app shows the proof (401). The sandbox
// answers 401 to the key, and the keychain no longer holds it.
import { auditOf, sandboxAnswers, sandboxKeys, seedKey, storedKey } from './support/core.ts';
import { expect, test } from './support/fixtures.ts';
import { expectNoSecrets } from './support/leaks.ts';
import { detailsOf, keyGrid, openDetails, reloadList } from './support/ui.ts';

test('Revoke is enabled only by the exact label, then proves the key answers 401', async ({
  page,
  app,
}) => {
  const key = await seedKey(app, 'old-key', { environment: 'production' });
  const other = await seedKey(app, 'old-key-2', { environment: 'production' });
  const secret = await app.deps.vault.get(key.id);
  await reloadList(page, 2);
  const panel = await openDetails(page, 'old-key');

  // Cancel first: nothing happens.
  await panel.getByRole('button', { name: 'Revoke…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Revoke “old-key”' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect(await sandboxAnswers(app, secret)).toBe(200);

  await panel.getByRole('button', { name: 'Revoke…' }).click();
  await expect(dialog).toHaveAccessibleDescription(/immediate and irreversible/);
  await expect(dialog).toHaveAccessibleDescription(/401 Unauthorized/);
  await expect(dialog).toHaveAccessibleDescription(/Batch jobs already running/);
  const confirm = dialog.getByRole('textbox', { name: 'Type the label to confirm' });
  const revoke = dialog.getByRole('button', { name: 'Revoke', exact: true });
  await expect(confirm).toBeFocused();
  await expect(revoke).toBeDisabled();
  await expect(revoke).toHaveAccessibleDescription(
    'Type the label "old-key" exactly to enable Revoke.',
  );
  for (const near of ['old-ke', 'Old-key', 'old-key ', 'old-key-2']) {
    await confirm.fill(near);
    await expect(revoke).toBeDisabled();
  }
  // Enter in the field does not revoke while the label does not match.
  await confirm.press('Enter');
  await expect(dialog.getByRole('status')).toHaveCount(0);
  expect(await sandboxAnswers(app, secret)).toBe(200);

  await confirm.fill('old-key');
  await expect(revoke).toBeEnabled();
  await revoke.click();

  const proof = dialog.getByRole('status');
  await expect(proof).toContainText('“old-key” is revoked.');
  await expect(proof).toContainText(
    /Proof: ApexVerify answered 401 Unauthorized to the key at .+\./,
  );
  await expect(proof).toContainText('Its secret was removed from the OS keychain.');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();

  // The real effects: the sandbox rejects the key and no longer lists it; the keychain lost it;
  // the store records the revocation; the other key is untouched.
  expect(await sandboxAnswers(app, secret)).toBe(401);
  expect((await sandboxKeys(app)).map((k) => k.id)).not.toContain(key.remoteId);
  expect(await app.deps.vault.listIds()).not.toContain(key.id);
  await expect(app.deps.vault.get(key.id)).rejects.toMatchObject({ code: 'SECRET_MISSING' });
  expect(await storedKey(app, key.id)).toMatchObject({ status: 'revoked' });
  expect(await sandboxAnswers(app, await app.deps.vault.get(other.id))).toBe(200);
  expect(await auditOf(app, key.id)).toEqual(['cli:generated:ok', 'app:revoked:ok']);

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  // The details now show the revocation and offer no actions on the dead key.
  const details = detailsOf(page, 'old-key');
  await expect(details).toContainText(
    /Revoked\. ApexVerify answered 401 to this key at .+: it no longer works anywhere\./,
  );
  await expect(details.getByRole('button', { name: 'Revoke…' })).toHaveCount(0);
  await expect(details.getByRole('button', { name: 'Copy', exact: true })).toHaveCount(0);
  await expect(details.getByRole('button', { name: 'Verify', exact: true })).toHaveCount(0);
  // Live keys only by default: the revoked one leaves the list.
  await expect(keyGrid(page)).toHaveAttribute('aria-rowcount', '2');
  await expect(panel).toBeVisible();
  // The revoked secret is no longer in the keychain, so the fixture's check cannot cover it.
  await expectNoSecrets(page, [secret]);
});
