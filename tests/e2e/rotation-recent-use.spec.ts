// API mode: while the old key was used within the last 15 minutes, verifying the new key does not
// confirm the step; the wizard warns, and a second, explicit confirmation moves on.
import { sandboxAnswers, seedKey } from './support/core.ts';
import { expect, test } from './support/fixtures.ts';
import { currentStep, openWizard, runOf } from './support/rotation.ts';

test('a recently used old key makes Verify warn and ask for a second confirmation', async ({
  page,
  app,
}) => {
  const old = await seedKey(app, 'search-api');
  // Traffic still on the old key: the sandbox records its last use (listed with the account key).
  expect(await sandboxAnswers(app, await app.deps.vault.get(old.id))).toBe(200);
  await page.reload();
  const wizard = await openWizard(page, 'search-api');
  await wizard.getByRole('button', { name: 'Generate new key' }).click();
  await wizard.getByRole('button', { name: 'I have deployed the new key' }).click();
  await expect(currentStep(wizard)).toHaveText('3Verify');
  await expect(
    wizard.getByRole('button', { name: 'Confirm anyway: traffic has moved' }),
  ).toHaveCount(0);

  await wizard.getByRole('button', { name: 'Verify new key' }).click();
  const warning = wizard.getByRole('alert');
  await expect(warning).toContainText(
    /The old key "search-api" was used \d+ (s|min) before the check, within the last 15 min: traffic may not have moved yet/,
  );
  // Not confirmed: still at Verify, the evidence says so, with both keys' last use.
  await expect(currentStep(wizard)).toHaveText('3Verify');
  const evidence = wizard.getByRole('region', { name: 'Evidence so far' });
  await expect(evidence).toContainText(/Verification.*answered 200 OK.*; not confirmed yet/);
  await expect(evidence).toContainText(/Old key last used\s*(just now|\d+ s ago)/);
  await expect(evidence).toContainText(/New key last used.*as ApexVerify listed them/);
  expect((await runOf(app, old.id)).verify).toMatchObject({ recentUse: true, confirmedAt: null });

  await wizard.getByRole('button', { name: 'Confirm anyway: traffic has moved' }).click();
  await expect(currentStep(wizard)).toHaveText('4Revoke old key');
  await expect(evidence).toContainText('although the old key was used recently');
  expect((await runOf(app, old.id)).verify).toMatchObject({
    recentUse: true,
    acceptedRecentUse: true,
    confirmedAt: expect.any(String),
  });
});
