// Dashboard mode: the new key is created in the dashboard and pasted; the old key is revoked in
// the dashboard, and "Check revocation" completes the run only once the old key answers 401.
import { importKey, listKeys } from '../../electron/core/keys.ts';
import { sandboxAnswers } from './support/core.ts';
import { expect, test } from './support/fixtures.ts';
import {
  currentStep,
  expectBlocked,
  expectEnabled,
  openWizard,
  rotationSteps,
} from './support/rotation.ts';

test.use({ appOptions: { mode: 'dashboard', keychain: 'ok' } });

test('a dashboard-mode rotation: paste the new key, revoke the old one there, check', async ({
  page,
  app,
}) => {
  const issued = app.sandbox.issueKey('legacy');
  const old = await importKey(app.deps, {
    account: 'sandbox',
    label: 'legacy',
    environment: 'production',
    secret: issued.key,
  });
  await page.reload();
  const wizard = await openWizard(page, 'legacy');

  // 1. Generate: from the dashboard, pasted.
  const save = wizard.getByRole('button', { name: 'Save new key' });
  await expectBlocked(save, 'Paste the key the dashboard showed to enable Save new key.');
  await wizard.getByRole('button', { name: 'Open dashboard' }).click();
  await expect(wizard.getByRole('status').filter({ hasText: 'Open this address' })).toContainText(
    'https://app.apexverify.com',
  );
  const fresh = app.sandbox.issueKey('legacy-2');
  await wizard.getByLabel('Paste the new key').fill(fresh.key);
  await expectEnabled(save);
  await save.click();
  await expect(currentStep(wizard)).toHaveText('2Deploy');

  // 2 and 3.
  await wizard.getByRole('button', { name: 'I have deployed the new key' }).click();
  await wizard.getByRole('button', { name: 'Verify new key' }).click();
  await expect(currentStep(wizard)).toHaveText('4Revoke old key');

  // 4. The old key still works: checking says to revoke it in the dashboard first.
  const check = wizard.getByRole('button', { name: 'Check revocation' });
  await expectBlocked(check, "Type the old key's label exactly to enable Check revocation.");
  await wizard.getByRole('textbox', { name: "Type the old key's label to confirm" }).fill('legacy');
  await check.click();
  const waiting = wizard.getByRole('status').filter({ hasText: 'Waiting for' });
  await expect(waiting).toContainText(
    'Waiting for "legacy" to answer 401: revoke it in the dashboard',
  );
  await expect(currentStep(wizard)).toHaveText('4Revoke old key');
  expect(await sandboxAnswers(app, issued.key)).toBe(200);

  // Revoked in the dashboard: the next check completes the rotation.
  expect(app.sandbox.revokeKey(issued.id)).toBe(true);
  await check.click();
  await expect(wizard.getByRole('status').filter({ hasText: 'Rotation complete.' })).toContainText(
    'ApexVerify answered 401 Unauthorized to it',
  );
  const keys = await listKeys(app.deps, { includeRevoked: true });
  expect(keys.find((k) => k.id === old.id)).toMatchObject({ status: 'revoked' });
  expect(keys.find((k) => k.label === 'legacy' && k.status === 'active')).toMatchObject({
    fingerprint: expect.any(String),
  });
  expect(await sandboxAnswers(app, fresh.key)).toBe(200);
  expect(await rotationSteps(app, old.id)).toEqual(['generate', 'deploy', 'verify', 'revoke']);
});
