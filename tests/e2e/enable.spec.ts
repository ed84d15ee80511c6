// Disable and Enable (API mode): the key is switched off on ApexVerify itself, so requests made
// with it get 401 until it is enabled again.
import { auditOf, sandboxAnswers, sandboxKeys, seedKey, storedKey } from './support/core.ts';
import { expect, test } from './support/fixtures.ts';
import { openDetails, reloadList, rowOf } from './support/ui.ts';

test('Disable makes ApexVerify reject the key until Enable', async ({ page, app }) => {
  const key = await seedKey(app, 'switch-me');
  const secret = await app.deps.vault.get(key.id);
  await reloadList(page, 1);
  const panel = await openDetails(page, 'switch-me');
  const row = rowOf(page, 'switch-me');
  const onServer = async () => (await sandboxKeys(app)).find((k) => k.id === key.remoteId);

  await panel.getByRole('button', { name: 'Disable' }).click();
  await expect(panel.getByRole('button', { name: 'Enable' })).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'switch-me' })).toBeVisible();
  await expect(
    panel.getByRole('list', { name: 'Audit trail' }).getByText('Disabled', { exact: true }),
  ).toBeVisible();
  await expect(row.getByText('Disabled', { exact: true })).toBeVisible();
  await expect(
    page.getByRole('contentinfo').getByRole('status').filter({
      hasText: '"switch-me" is disabled: ApexVerify rejects it (401) until you enable it again.',
    }),
  ).toBeVisible();
  expect((await storedKey(app, key.id))?.status).toBe('disabled');
  expect((await onServer())?.enabled).toBe(false);
  expect(await sandboxAnswers(app, secret)).toBe(401);
  // Verify agrees: ApexVerify rejects the disabled key.
  await panel.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(row.getByText('Rejected (401)', { exact: true })).toBeVisible();

  await panel.getByRole('button', { name: 'Enable' }).click();
  await expect(panel.getByRole('button', { name: 'Disable' })).toBeVisible();
  await expect(row.getByText('Active', { exact: true })).toBeVisible();
  expect((await storedKey(app, key.id))?.status).toBe('active');
  expect((await onServer())?.enabled).toBe(true);
  expect(await sandboxAnswers(app, secret)).toBe(200);
  await panel.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(row.getByText('Verified', { exact: true })).toBeVisible();

  expect(await auditOf(app, key.id)).toEqual([
    'cli:generated:ok',
    'app:disabled:ok',
    'app:verified:failed',
    'app:enabled:ok',
    'app:verified:ok',
  ]);
  await expect(panel.getByRole('list', { name: 'Audit trail' }).getByRole('listitem')).toHaveCount(
    5,
  );
});
