// Closing the wizard or reloading the window keeps the run: the row says which step it is at,
// and "Resume rotation…" reopens the wizard at that step, as the core reports it.
import { seedKey } from './support/core.ts';
import { expect, test } from './support/fixtures.ts';
import { currentStep, openWizard, runOf, wizardOf } from './support/rotation.ts';
import { detailsOf, keyGrid, rowOf } from './support/ui.ts';

test('a reload after the deployment resumes the rotation at Verify, step 3 of 4', async ({
  page,
  app,
}) => {
  const old = await seedKey(app, 'billing-api');
  await page.reload();
  let wizard = await openWizard(page, 'billing-api');
  await wizard.getByRole('button', { name: 'Generate new key' }).click();
  await expect(currentStep(wizard)).toHaveText('2Deploy');

  // Esc closes the wizard; the run stays at Deploy, and the row and the panel say so.
  await page.keyboard.press('Escape');
  await expect(wizard).toHaveCount(0);
  await expect(rowOf(page, 'billing-api')).toContainText('Rotation in progress, step 2 of 4');
  const panel = detailsOf(page, 'billing-api');
  await expect(panel).toContainText('Rotation in progress, step 2 of 4');
  await panel.getByRole('button', { name: 'Resume rotation…' }).click();
  await expect(currentStep(wizard)).toHaveText('2Deploy');
  await wizard.getByRole('button', { name: 'I have deployed the new key' }).click();
  await expect(currentStep(wizard)).toHaveText('3Verify');
  await wizard.getByRole('button', { name: 'Close' }).click();
  await expect(wizard).toHaveCount(0);
  await expect(rowOf(page, 'billing-api')).toContainText('Rotation in progress, step 3 of 4');

  // A reload (a restart of the window) loses nothing: the row comes back from listRotations...
  await page.reload();
  await expect(keyGrid(page)).toBeVisible();
  await expect(rowOf(page, 'billing-api')).toContainText('Rotation in progress, step 3 of 4');
  // ...the new key is listed as pending, and cannot be rotated itself.
  const run = await runOf(app, old.id);
  await expect(rowOf(page, run.pendingLabel)).toContainText('Pending');
  await rowOf(page, run.pendingLabel).click();
  const pendingRotate = detailsOf(page, run.pendingLabel).getByRole('button', {
    name: 'Rotate…',
  });
  await expect(pendingRotate).toHaveAttribute('aria-disabled', 'true');
  await expect(pendingRotate).toHaveAccessibleDescription(/new key of a rotation in progress/);

  // ...and the wizard resumes at the same step, with the evidence so far.
  wizard = await openWizard(page, 'billing-api', 'Resume rotation…');
  await expect(wizardOf(page, 'billing-api')).toBeVisible();
  await expect(currentStep(wizard)).toHaveText('3Verify');
  await expect(wizard.getByRole('heading', { name: 'Step 3 of 4: Verify' })).toBeVisible();
  const evidence = wizard.getByRole('region', { name: 'Evidence so far' });
  await expect(evidence).toContainText('DeployedConfirmed');
  await expect(wizard.getByRole('button', { name: 'Verify new key' })).toBeFocused();
  expect((await runOf(app, old.id)).step).toBe('verify');
});
