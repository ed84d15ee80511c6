// Verify in the details panel: the outcome and the account's credits; a key revoked elsewhere
// shows "Rejected (401)"; a 429 says how long to wait; a 5xx says what happened and what to do.
import { connectionChecked, seedKey, storedKey } from './support/core.ts';
import { expect, test } from './support/fixtures.ts';
import { openDetails, reloadList, rowOf } from './support/ui.ts';

test('Verify shows the outcome and credits, and a key revoked elsewhere as Rejected (401)', async ({
  page,
  app,
}) => {
  const key = await seedKey(app, 'verify-me', { environment: 'production' });
  await reloadList(page, 1);
  const panel = await openDetails(page, 'verify-me');
  const verification = panel.getByRole('group', { name: 'Last verification' });
  await expect(verification).toContainText('Not verified yet.');

  await panel.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(verification).toContainText('Works: ApexVerify accepted the key.');
  await expect(verification).toContainText(/1,000 email · 500 phone/);
  await expect(rowOf(page, 'verify-me').getByText('Verified', { exact: true })).toBeVisible();
  await expect(
    page.getByRole('contentinfo').getByRole('status').filter({ hasText: '"verify-me" works.' }),
  ).toBeVisible();
  expect((await storedKey(app, key.id))?.lastVerification).toMatchObject({
    outcome: 'ok',
    credits: { email: 1000, phone: 500 },
  });

  // Revoked on the server, behind the app's back: the next check says so, and the sync that
  // follows the action learns why (the server no longer lists it) and shows it as Revoked.
  app.sandbox.revokeKey(key.remoteId as string);
  await panel.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(verification).toContainText('Rejected (401): the key no longer works.');
  await expect.poll(async () => (await storedKey(app, key.id))?.status).toBe('revoked');
  expect((await storedKey(app, key.id))?.lastVerification?.outcome).toBe('unauthorized');
  // Revoked keys leave the default view, and the header says one is hidden.
  await expect(rowOf(page, 'verify-me')).toHaveCount(0);
  await expect(page.getByText('0 keys · 1 revoked hidden', { exact: true })).toBeVisible();
});

test('Verify explains a 429 with the wait and a 5xx with its message', async ({ page, app }) => {
  const key = await seedKey(app, 'busy-key');
  await reloadList(page, 1);
  await connectionChecked(app);
  const panel = await openDetails(page, 'busy-key');
  const verify = panel.getByRole('button', { name: 'Verify', exact: true });

  app.sandbox.addFault({ path: '/v1/account/credits', status: 429, retryAfter: 40, times: 1 });
  await verify.click();
  const alert = panel.getByRole('alert');
  await expect(alert).toContainText('Verifying "busy-key" failed (HTTP 429).');
  // One message, one live countdown from the Retry-After: the number is said once.
  await expect(alert).toContainText(
    /rate limit for this account is used up.*You can try again in \d+ s\./,
  );
  expect((await alert.textContent())?.match(/\d+ s\b/g)).toHaveLength(1);
  await expect(rowOf(page, 'busy-key').getByText('Check failed', { exact: true })).toBeVisible();
  expect((await storedKey(app, key.id))?.lastVerification).toMatchObject({
    outcome: 'error',
    errorCode: 'RATE_LIMITED',
  });
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);

  app.sandbox.addFault({ path: '/v1/account/credits', status: 503, times: 1 });
  await verify.click();
  await expect(alert).toContainText('Verifying "busy-key" failed (HTTP 503).');
  await expect(alert).toContainText('ApexVerify had a server error (503)');
  await expect(alert).toContainText('nothing was changed here; try again in a few minutes.');
  // A server error says nothing about the network: the window stays online.
  await expect(page.getByRole('alert').filter({ hasText: /^Offline/ })).toHaveCount(0);

  // Once the server answers again, so does Verify.
  await verify.click();
  await expect(alert).toHaveCount(0);
  await expect(panel.getByRole('group', { name: 'Last verification' })).toContainText(
    'Works: ApexVerify accepted the key.',
  );
});
