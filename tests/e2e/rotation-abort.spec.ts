// "Abort rotation" offers what the core allows, each with its meaning; revoking the new key
// (API mode) proves it dead with a 401 and leaves the old key working and active.
import { sandboxAnswers, seedKey, storedKey } from './support/core.ts';
import { expect, test } from './support/fixtures.ts';
import { currentStep, openWizard, rotationSteps, runOf } from './support/rotation.ts';
import { rowOf } from './support/ui.ts';

test('aborting by revoking the new key: it answers 401, the old key still works', async ({
  page,
  app,
}) => {
  const old = await seedKey(app, 'mail-api');
  const oldSecret = await app.deps.vault.get(old.id);
  await page.reload();
  const wizard = await openWizard(page, 'mail-api');
  await wizard.getByRole('button', { name: 'Generate new key' }).click();
  await expect(currentStep(wizard)).toHaveText('2Deploy');
  const run = await runOf(app, old.id);
  const newSecret = await app.deps.vault.get(run.newKeyId);

  await wizard.getByRole('button', { name: 'Abort rotation' }).click();
  const choices = wizard.getByRole('group', { name: /what happens to the new key/ });
  await expect(choices.getByRole('radio')).toHaveCount(3);
  const revokeNew = choices.getByRole('radio', { name: 'Revoke the new key now' });
  await expect(revokeNew).toHaveAccessibleDescription(/revokes the new key on ApexVerify/);
  await expect(
    choices.getByRole('radio', { name: 'Keep the new key as a separate key' }),
  ).toHaveAccessibleDescription(/stays active under a label of its own/);
  await expect(
    choices.getByRole('radio', { name: 'Mark the new key for revocation in the dashboard' }),
  ).toBeVisible();
  // Changing one's mind costs nothing.
  await wizard.getByRole('button', { name: 'Keep rotating' }).click();
  await expect(choices).toHaveCount(0);
  await wizard.getByRole('button', { name: 'Abort rotation' }).click();
  await revokeNew.check();
  await wizard.getByRole('button', { name: 'Confirm abort' }).click();

  const outcome = wizard.getByRole('status').filter({ hasText: 'Rotation aborted.' });
  await expect(outcome).toContainText('The old key “mail-api” was not touched and stays active.');
  await expect(outcome).toContainText('The new key was revoked: ApexVerify answered 401');
  // An aborted run looks like one (issue 11, item 8): not the green box of a finished rotation,
  // no step ticked as if it still stood, and its evidence is the record up to the abort.
  await expect(outcome).toHaveClass(/outcome--aborted/);
  await expect(outcome).not.toHaveClass(/\bproof\b/);
  const steps = wizard.getByRole('list', { name: 'Rotation steps (aborted)' });
  await expect(steps.getByRole('listitem')).toHaveCount(4);
  await expect(steps).not.toContainText('(completed)');
  await expect(wizard.getByRole('region', { name: 'Evidence up to the abort' })).toBeVisible();
  await expect(wizard.getByRole('region', { name: 'Evidence so far' })).toHaveCount(0);
  await wizard.getByRole('button', { name: 'Done' }).click();
  await expect(wizard).toHaveCount(0);

  expect(await sandboxAnswers(app, newSecret)).toBe(401);
  expect(await sandboxAnswers(app, oldSecret)).toBe(200);
  expect(await storedKey(app, old.id)).toMatchObject({ status: 'active', label: 'mail-api' });
  expect(await storedKey(app, run.newKeyId)).toMatchObject({ status: 'revoked' });
  expect(await rotationSteps(app, old.id)).toEqual(['generate', 'aborted']);
  await expect(rowOf(page, 'mail-api')).not.toContainText('Rotation in progress');
  // A new rotation can start again from scratch.
  const again = await openWizard(page, 'mail-api', 'Rotate…');
  await expect(currentStep(again)).toHaveText('1Generate');
});
