// What the window says about a key is what it last learned (issue 11, items 2, 12, 15, 16): a
// newer outcome replaces an older one, a rejected key is not shown as a healthy Active key, a
// disable can be undone through the same core call, and a revoked key is read-only.
import { revokeKey } from '../../electron/core/key-lifecycle.ts';
import { updateKeyMeta } from '../../electron/core/keys.ts';
import { connectionChecked, sandboxKeys, seedKey, storedKey } from './support/core.ts';
import { expect, test } from './support/fixtures.ts';
import { openDetails, reloadList, rowOf } from './support/ui.ts';

test('a newer outcome replaces an older one, in the status bar and in the row', async ({
  page,
  app,
}) => {
  await seedKey(app, 'dash-imported');
  await reloadList(page, 1);
  await connectionChecked(app);
  const panel = await openDetails(page, 'dash-imported');
  const row = rowOf(page, 'dash-imported');
  const status = page
    .getByRole('contentinfo')
    .getByRole('status')
    .filter({ hasText: /dash-imported/ });
  const verify = panel.getByRole('button', { name: 'Verify', exact: true });

  await verify.click();
  await expect(status).toHaveText('"dash-imported" works.');
  await expect(row.getByText('Verified', { exact: true })).toBeVisible();

  // An injected 500: the failure is shown and the older "works." is gone.
  app.sandbox.addFault({ path: '/v1/account/credits', status: 500, times: 1 });
  await verify.click();
  await expect(panel.getByRole('alert')).toContainText('Verifying "dash-imported" failed');
  await expect(page.getByText('"dash-imported" works.')).toHaveCount(0);

  // Rejected (401): the row no longer shows a healthy Active pill, nor does the panel. The
  // server still lists the key (a revocation there would be learned by the next sync and shown
  // as Revoked, which sync.spec.ts covers): only its answer is a 401.
  app.sandbox.addFault({ path: '/v1/account/credits', status: 401, times: 1 });
  await verify.click();
  await expect(row.getByText('Rejected (401)', { exact: true })).toBeVisible();
  await expect(row.getByText('Active', { exact: true })).toHaveCount(0);
  await expect(panel.getByText('Active', { exact: true })).toHaveCount(0);
  await expect(status).toHaveText('ApexVerify rejected "dash-imported" (401): it no longer works.');
  // Still so after a reload: the stored last verification says the same.
  await reloadList(page, 1);
  await expect(row.getByText('Rejected (401)', { exact: true })).toBeVisible();
  await expect(row.getByText('Active', { exact: true })).toHaveCount(0);
});

test('Disable says what it does and offers Undo, which re-enables the key', async ({
  page,
  app,
}) => {
  const key = await seedKey(app, 'prod-billing', { environment: 'production' });
  await reloadList(page, 1);
  const panel = await openDetails(page, 'prod-billing');
  const row = rowOf(page, 'prod-billing');
  await panel.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(row.getByText('Verified', { exact: true })).toBeVisible();

  const disable = panel.getByRole('button', { name: 'Disable' });
  await expect(disable).toHaveAttribute('title', /requests made with it get 401/);
  await disable.click();
  const bar = page.getByRole('contentinfo').getByRole('status').filter({ hasText: 'prod-billing' });
  await expect(bar).toContainText(
    '"prod-billing" is disabled: ApexVerify rejects it (401) until you enable it again.',
  );
  // A disabled key is never "Disabled · Verified": the older check no longer holds.
  await expect(row.getByText('Disabled', { exact: true })).toBeVisible();
  await expect(row.getByText('Verified', { exact: true })).toHaveCount(0);
  expect((await storedKey(app, key.id))?.status).toBe('disabled');

  await bar.getByRole('button', { name: 'Undo' }).click();
  await expect(panel.getByRole('button', { name: 'Disable' })).toBeVisible();
  await expect(bar).toHaveText('"prod-billing" is enabled.');
  await expect(bar.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await expect(row.getByText('Active', { exact: true })).toBeVisible();
  expect((await storedKey(app, key.id))?.status).toBe('active');
  const onServer = (await sandboxKeys(app)).find((k) => k.id === key.remoteId);
  expect(onServer?.enabled).toBe(true);
});

test('the count says what is hidden, and a revoked key is read-only', async ({ page, app }) => {
  await seedKey(app, 'live-one');
  const old = await seedKey(app, 'gone-key');
  await revokeKey(app.deps, { id: old.id }, 'gone-key');
  await reloadList(page, 1);
  await expect(page.getByText('1 key · 1 revoked hidden', { exact: true })).toBeVisible();

  await page.getByRole('combobox', { name: 'Status filter' }).selectOption({ label: 'All keys' });
  await expect(page.getByText('2 keys', { exact: true })).toBeVisible();
  const panel = await openDetails(page, 'gone-key');
  const details = panel.getByRole('form', { name: 'Details' });
  for (const name of ['Environment', 'Service', 'Owner', 'Notes', 'Rotation period (days)'])
    await expect(details.getByLabel(name, { exact: true })).toBeDisabled();
  await expect(details.getByRole('button', { name: 'Save' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await expect(details).toContainText('Revoked keys are read-only');
  // The core refuses too, so the CLI agrees with the window.
  await expect(updateKeyMeta(app.deps, { id: old.id }, { owner: 'someone' })).rejects.toThrow(
    /is revoked: its details can no longer change/,
  );
});
