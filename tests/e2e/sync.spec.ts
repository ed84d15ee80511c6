// Sync (API mode) in the window against the sandbox: keys changed on the server behind the app's
// back (created, disabled, deleted, renamed) are merged on Sync now by the server-wins rules, and
// a key created elsewhere is captured by pasting its secret, linked by proof.
import { createApexClient } from '../../electron/core/apexverify/index.ts';
import { seedKey, storedByLabel, storedKey } from './support/core.ts';
import { expect, test } from './support/fixtures.ts';
import { pageSnapshot } from './support/leaks.ts';
import { detailsOf, openDetails, reloadList, rowOf } from './support/ui.ts';

test('Sync now applies each merge rule; Capture… links a key created elsewhere', async ({
  page,
  app,
}) => {
  const toDisable = await seedKey(app, 'to-disable', { notes: 'kept on this device' });
  const toDelete = await seedKey(app, 'to-delete');
  const toRename = await seedKey(app, 'to-rename', { environment: 'staging' });
  await reloadList(page, 3);
  await expect(page.getByRole('button', { name: 'Sync now' })).toBeEnabled();

  // Behind the app's back: the dashboard (the sandbox) and the API with the account key.
  const created = app.sandbox.issueKey('from-ci');
  expect(app.sandbox.setEnabled(toDisable.remoteId as string, false)).toBe(true);
  expect(app.sandbox.revokeKey(toDelete.remoteId as string)).toBe(true);
  await createApexClient({ baseUrl: app.sandbox.url }).updateKey(
    app.sandbox.bootstrapKey as string,
    toRename.remoteId as string,
    { label: 'renamed' },
  );

  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(
    page.getByRole('contentinfo').getByRole('status').filter({ hasText: 'Sync:' }),
  ).toBeVisible();

  // New key: not on this device.
  await expect(
    rowOf(page, 'from-ci').getByText('Not on this device', { exact: true }),
  ).toBeVisible();
  // Disabled elsewhere: the server wins for status; the local notes stay.
  await expect(rowOf(page, 'to-disable').getByText('Disabled', { exact: true })).toBeVisible();
  expect(await storedKey(app, toDisable.id)).toMatchObject({
    status: 'disabled',
    notes: 'kept on this device',
  });
  // Revoked elsewhere: marked revoked, so the default (live) list hides it.
  await expect(rowOf(page, 'to-delete')).toHaveCount(0);
  expect((await storedKey(app, toDelete.id))?.status).toBe('revoked');
  // Renamed: the server's label, the local environment.
  await expect(rowOf(page, 'renamed')).toBeVisible();
  await expect(rowOf(page, 'to-rename')).toHaveCount(0);
  expect(await storedKey(app, toRename.id)).toMatchObject({
    label: 'renamed',
    environment: 'staging',
  });
  // One audit event for the merge, listing what changed, never a secret.
  const synced = (await app.deps.audit.list()).filter(
    (e) => e.action === 'synced' && e.detail?.added === 1,
  );
  expect(synced).toHaveLength(1);
  expect(synced[0]?.detail).toMatchObject({ added: 1, disabled: 1, revoked: 1, renamed: 1 });
  expect(JSON.stringify(synced)).not.toContain(created.key);

  // The key created elsewhere cannot be handed out; Capture… takes its secret.
  const panel = await openDetails(page, 'from-ci');
  await expect(panel.getByRole('button', { name: 'Copy' })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Capture…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Capture “from-ci”' });
  const paste = dialog.getByLabel("Paste the key's secret");
  await expect(paste).toHaveAttribute('type', 'password');
  await paste.fill(created.key);
  await dialog.getByRole('button', { name: 'Capture' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(rowOf(page, 'from-ci').getByText('Active', { exact: true })).toBeVisible();
  await expect(detailsOf(page, 'from-ci').getByRole('button', { name: 'Copy' })).toBeVisible();
  const [record] = await storedByLabel(app, 'from-ci');
  expect(record).toMatchObject({ custody: 'local', remoteId: created.id });
  expect((await app.deps.vault.get(record?.id as string)) === created.key).toBe(true);
  expect(await pageSnapshot(page)).not.toContain(created.key);
});

test.describe('dashboard mode', () => {
  test.use({ appOptions: { mode: 'dashboard', keychain: 'ok' } });

  test('has no Sync now, and says why', async ({ page }) => {
    await expect(page.getByRole('heading', { name: 'API keys' })).toBeVisible();
    await expect(
      page.getByText('Dashboard-mode accounts have no key list to sync.', { exact: true }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sync now' })).toHaveCount(0);
  });
});
