// The wizard passes axe at every step (and with the abort choices open), in light and in dark:
// no serious or critical violation inside the open dialog.
import { sandboxAnswers, seedKey } from './support/core.ts';
import { expectDialogAccessible as expectAccessible } from './support/dialog-check.ts';
import { expect, test } from './support/fixtures.ts';
import { currentStep, openWizard } from './support/rotation.ts';

for (const scheme of ['light', 'dark'] as const)
  test(`the rotation wizard has no serious axe violations (${scheme})`, async ({ page, app }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const old = await seedKey(app, 'a11y-api');
    // Used recently, so Verify shows its warning and the second confirmation.
    await sandboxAnswers(app, await app.deps.vault.get(old.id));
    await page.reload();
    const wizard = await openWizard(page, 'a11y-api');
    await expectAccessible(page, 'generate');

    await wizard.getByRole('button', { name: 'Generate new key' }).click();
    await expect(currentStep(wizard)).toHaveText('2Deploy');
    await wizard.getByRole('button', { name: 'Copy new key' }).click();
    await wizard.getByRole('button', { name: 'Replace in .env files…' }).click();
    await wizard.getByRole('button', { name: 'Replace', exact: true }).click();
    await expect(wizard.getByText('Name at least one .env file.')).toBeVisible();
    await wizard.getByRole('button', { name: 'Abort rotation' }).click();
    await expectAccessible(page, 'deploy, with the .env form and the abort choices');
    await wizard.getByRole('button', { name: 'Keep rotating' }).click();

    await wizard.getByRole('button', { name: 'I have deployed the new key' }).click();
    await wizard.getByRole('button', { name: 'Verify new key' }).click();
    await expect(wizard.getByRole('alert')).toContainText('traffic may not have moved yet');
    await expectAccessible(page, 'verify, warning about the recent use');

    await wizard.getByRole('button', { name: 'Confirm anyway: traffic has moved' }).click();
    await expect(currentStep(wizard)).toHaveText('4Revoke old key');
    await expectAccessible(page, 'revoke, label not typed');

    await wizard
      .getByRole('textbox', { name: "Type the old key's label to confirm" })
      .fill('a11y-api');
    await wizard.getByRole('button', { name: 'Revoke old key' }).click();
    await expect(
      wizard.getByRole('status').filter({ hasText: 'Rotation complete.' }),
    ).toBeVisible();
    await expectAccessible(page, 'done');
  });
