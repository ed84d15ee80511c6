// The wizard passes axe at every step (and with the abort choices open), in light and in dark:
// no serious or critical violation inside the open dialog; a screenshot of each step at 900 and
// 1280 px wide in both schemes (test-results/screenshots/rotation-step-*.png). One run of the
// wizard checks both schemes at each step: the flow is the cost, the scheme is not.
import { sandboxAnswers, seedKey } from './support/core.ts';
import { checkDialogBothSchemes } from './support/dialog-check.ts';
import { expect, test } from './support/fixtures.ts';
import { currentStep, openWizard } from './support/rotation.ts';

test('the rotation wizard has no serious axe violations, light and dark', async ({ page, app }) => {
  // A budget, not an expectation: both schemes' axe passes and screenshots in one test.
  test.slow();
  const old = await seedKey(app, 'a11y-api');
  // Used recently, so Verify shows its warning and the second confirmation.
  await sandboxAnswers(app, await app.deps.vault.get(old.id));
  await page.reload();
  const wizard = await openWizard(page, 'a11y-api');
  await checkDialogBothSchemes(page, 'rotation-step-generate');

  await wizard.getByRole('button', { name: 'Generate new key' }).click();
  await expect(currentStep(wizard)).toHaveText('2Deploy');
  await wizard.getByRole('button', { name: 'Copy new key' }).click();
  await wizard.getByRole('button', { name: 'Replace in .env files…' }).click();
  await wizard.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(wizard.getByText('Name at least one .env file.')).toBeVisible();
  await wizard.getByRole('button', { name: 'Abort rotation' }).click();
  await checkDialogBothSchemes(
    page,
    'rotation-step-deploy-abort-choices',
    wizard.getByRole('button', { name: 'Keep rotating' }),
  );
  await wizard.getByRole('button', { name: 'Keep rotating' }).click();

  await wizard.getByRole('button', { name: 'I have deployed the new key' }).click();
  await wizard.getByRole('button', { name: 'Verify new key' }).click();
  await expect(wizard.getByRole('alert')).toContainText('traffic may not have moved yet');
  await checkDialogBothSchemes(page, 'rotation-step-verify-warning', wizard.getByRole('alert'));

  await wizard.getByRole('button', { name: 'Confirm anyway: traffic has moved' }).click();
  await expect(currentStep(wizard)).toHaveText('4Revoke old key');
  await checkDialogBothSchemes(page, 'rotation-step-revoke');

  await wizard
    .getByRole('textbox', { name: "Type the old key's label to confirm" })
    .fill('a11y-api');
  await wizard.getByRole('button', { name: 'Revoke old key' }).click();
  await expect(wizard.getByRole('status').filter({ hasText: 'Rotation complete.' })).toBeVisible();
  await checkDialogBothSchemes(page, 'rotation-step-done');
});
