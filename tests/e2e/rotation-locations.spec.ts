// Rotation with known locations (issue 12), in the window. The UX walk's scenario: a key written
// to a .env, Rotate, Generate, Replace in .env files, I have deployed, then Abort choosing to
// revoke the new key: the file holds the old key again, the old key works, the new one answers
// 401, and the summary names the file. A file the abort cannot write back keeps the new key
// alive until a second confirmation; a copy added by hand before step 4 is listed, and the old
// key is revoked only after a second confirmation. axe and screenshots (900 and 1280 px, light
// and dark) of the deploy step's locations and of the second confirmation.
import { chmod, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeKeyToEnv } from '../../electron/core/key-handout.ts';
import { makeTempDir } from '../helpers/tmp.ts';
import type { AppHandle } from './support/app.ts';
import { sandboxAnswers, seedKey } from './support/core.ts';
import { checkDialogBothSchemes, expectDialogAccessible } from './support/dialog-check.ts';
import { expect, test } from './support/fixtures.ts';
import { currentStep, expectBlocked, openWizard, runOf } from './support/rotation.ts';
import { openDetails, reloadList } from './support/ui.ts';

const VAR = 'APEXVERIFY_API_KEY';

/** Whether the file assigns this secret to the variable. A boolean: no secret in a report. */
async function holds(file: string, secret: string): Promise<boolean> {
  return (await readFile(file, 'utf8')).split('\n').includes(`${VAR}=${secret}`);
}

const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The wizard opened on the key, past Generate; the new key's secret from the keychain. */
async function generated(page: Page, app: AppHandle, label: string, oldId: string) {
  const wizard = await openWizard(page, label);
  await wizard.getByRole('button', { name: 'Generate new key' }).click();
  await expect(currentStep(wizard)).toHaveText('2Deploy');
  const run = await runOf(app, oldId);
  const known = wizard.getByRole('list', { name: 'Known locations of the old key' });
  return { wizard, known, newSecret: await app.deps.vault.get(run.newKeyId) };
}

test('the UX walk: abort revoking the new key puts the old key back in the .env', async ({
  page,
  app,
}) => {
  const old = await seedKey(app, 'shop-api');
  const oldSecret = await app.deps.vault.get(old.id);
  const file = join(makeTempDir('e2e-shop'), '.env');
  await reloadList(page, 1);
  const panel = await openDetails(page, 'shop-api');
  await panel.getByRole('button', { name: 'Write to .env…' }).click();
  const write = page.getByRole('dialog', { name: 'Write to .env' });
  await write.getByRole('textbox', { name: 'File path' }).fill(file);
  await write.getByRole('button', { name: 'Write' }).click();
  await expect(write.getByRole('status')).toContainText(`Written. Created ${file}`);
  await write.getByRole('button', { name: 'Close' }).click();

  const { wizard, known, newSecret } = await generated(page, app, 'shop-api', old.id);
  await expect(known.getByRole('listitem')).toHaveText([`${file} ${VAR}: holds this key`]);
  await checkDialogBothSchemes(page, 'rotation-deploy-locations', known);

  await wizard.getByRole('button', { name: 'Replace in .env files…' }).click();
  await wizard.getByRole('textbox', { name: '.env files (full paths, one per line)' }).fill(file);
  await wizard.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(wizard.getByRole('list', { name: '.env files' })).toHaveText(
    `${file}: changed (${VAR}), backup ${file}.bak`,
  );
  await expect(known.getByRole('listitem')).toHaveText([
    `${file} ${VAR}: holds another value (the new key)`,
  ]);
  expect(await holds(file, newSecret), 'the file holds the new key').toBe(true);
  await wizard.getByRole('button', { name: 'I have deployed the new key' }).click();
  await expect(currentStep(wizard)).toHaveText('3Verify');

  // After a deploy, no choice is made for the user; each says what it does to the file.
  await wizard.getByRole('button', { name: 'Abort rotation' }).click();
  const choices = wizard.getByRole('group', { name: /what happens to the new key/ });
  await expect(choices.getByRole('radio')).toHaveCount(3);
  for (const radio of await choices.getByRole('radio').all()) await expect(radio).not.toBeChecked();
  const confirm = wizard.getByRole('button', { name: 'Confirm abort' });
  await expectBlocked(confirm, 'Choose what happens to the new key.');
  const revokeNew = choices.getByRole('radio', { name: 'Revoke the new key now' });
  await expect(revokeNew).toHaveAccessibleDescription(
    new RegExp(
      `writes the old key back into the files that hold the new key \\(${escaped(file)}\\)`,
    ),
  );
  await expect(
    choices.getByRole('radio', { name: 'Keep the new key as a separate key' }),
  ).toHaveAccessibleDescription(new RegExp(`The files stay as they are: ${escaped(file)}`));
  await revokeNew.check();
  await confirm.click();

  const outcome = wizard.getByRole('status').filter({ hasText: 'Rotation aborted.' });
  await expect(outcome).toHaveClass(/outcome--aborted/);
  await expect(outcome).toContainText('The new key was revoked: ApexVerify answered 401');
  await expect(outcome.getByRole('list', { name: 'Files the rotation changed' })).toHaveText(
    `${file}: the old key was written back`,
  );
  expect(await holds(file, oldSecret), 'the file holds the old key again').toBe(true);
  expect(await sandboxAnswers(app, oldSecret)).toBe(200);
  expect(await sandboxAnswers(app, newSecret)).toBe(401);
});

test('a file the abort cannot write back keeps the new key until a second confirmation', async ({
  page,
  app,
}) => {
  const old = await seedKey(app, 'ro-api');
  const oldSecret = await app.deps.vault.get(old.id);
  const file = join(makeTempDir('e2e-ro'), '.env');
  await writeKeyToEnv(app.deps, { id: old.id }, file);
  await reloadList(page, 1);
  const { wizard, known, newSecret } = await generated(page, app, 'ro-api', old.id);
  await expect(known.getByRole('listitem')).toHaveText([`${file} ${VAR}: holds this key`]);
  await wizard.getByRole('button', { name: 'Replace in all' }).click();
  await expect(wizard.getByRole('list', { name: '.env files' })).toHaveText(
    `${file}: changed (${VAR}), backup ${file}.bak`,
  );
  await expectBlocked(
    wizard.getByRole('button', { name: 'Replace in all' }),
    'No known location holds the old key now.',
  );
  await wizard.getByRole('button', { name: 'I have deployed the new key' }).click();
  await expect(currentStep(wizard)).toHaveText('3Verify');
  // The tests run as root, whom a mode does not stop: the core honours the read-only bit itself
  // (a user's chmod means "do not write this"), so 0444 is what makes the file unwritable here.
  await chmod(file, 0o444);

  await wizard.getByRole('button', { name: 'Abort rotation' }).click();
  await wizard.getByRole('radio', { name: 'Revoke the new key now' }).check();
  const confirm = wizard.getByRole('button', { name: 'Confirm abort' });
  await confirm.click();
  const box = wizard.getByRole('group', { name: /The new key was not revoked/ });
  await expect(box.getByRole('list', { name: 'Files not restored' })).toContainText(
    `${file}: not restored (Cannot write ${file}: the file is read-only.`,
  );
  // Nothing happened: the run is where it was, the new key alive, the file as it was.
  expect(await sandboxAnswers(app, newSecret)).toBe(200);
  expect(await holds(file, newSecret), 'the file still holds the new key').toBe(true);
  expect(await runOf(app, old.id)).toMatchObject({ step: 'verify', abort: null });
  await expectDialogAccessible(page, 'abort, a file not restored');

  await box
    .getByRole('checkbox', { name: 'Revoke the new key anyway: these files will stop working' })
    .check();
  await confirm.click();
  const outcome = wizard.getByRole('status').filter({ hasText: 'Rotation aborted.' });
  await expect(outcome.getByRole('list', { name: 'Files the rotation changed' })).toContainText(
    `${file}: not restored: it holds the revoked new key`,
  );
  expect(await sandboxAnswers(app, newSecret)).toBe(401);
  expect(await sandboxAnswers(app, oldSecret)).toBe(200);
});

test('a fourth copy added by hand before step 4: listed, and revoked only when confirmed again', async ({
  page,
  app,
}) => {
  const old = await seedKey(app, 'fleet-api');
  const oldSecret = await app.deps.vault.get(old.id);
  const dir = makeTempDir('e2e-fleet');
  const files = ['one.env', 'two.env', 'three.env'].map((f) => join(dir, f));
  for (const f of files) await writeKeyToEnv(app.deps, { id: old.id }, f);
  await reloadList(page, 1);
  const { wizard, known, newSecret } = await generated(page, app, 'fleet-api', old.id);
  await expect(known.getByRole('listitem')).toHaveCount(3);
  await wizard.getByRole('button', { name: 'Replace in all' }).click();
  await expect(wizard.getByRole('list', { name: '.env files' }).getByRole('listitem')).toHaveText(
    files.map((f) => `${f}: changed (${VAR}), backup ${f}.bak`),
  );
  for (const f of files) expect(await holds(f, newSecret), `${f} holds the new key`).toBe(true);
  await wizard.getByRole('button', { name: 'I have deployed the new key' }).click();
  await wizard.getByRole('button', { name: 'Verify new key' }).click();
  await expect(currentStep(wizard)).toHaveText('4Revoke old key');

  // By hand, as `apexkeys key env` would: the old key goes into one more file.
  const fourth = join(dir, 'fourth.env');
  await writeKeyToEnv(app.deps, { id: old.id }, fourth);
  await wizard
    .getByRole('textbox', { name: "Type the old key's label to confirm" })
    .fill('fleet-api');
  const revoke = wizard.getByRole('button', { name: 'Revoke old key' });
  await revoke.click();
  const box = wizard.getByRole('group', {
    name: /Nothing was revoked: one known file still holds/,
  });
  await expect(box.getByRole('list', { name: 'Files still holding the old key' })).toHaveText(
    `${fourth} ${VAR}`,
  );
  expect(await sandboxAnswers(app, oldSecret)).toBe(200);
  await checkDialogBothSchemes(page, 'rotation-second-confirmation', box);

  await box.getByRole('checkbox', { name: 'Revoke anyway: these files will stop working' }).check();
  await revoke.click();
  await expect(wizard.getByRole('status').filter({ hasText: 'Rotation complete.' })).toBeVisible();
  await expect(wizard.getByRole('region', { name: 'Evidence', exact: true })).toContainText(
    `4 known location(s) of the old key read`,
  );
  await expect(wizard.getByRole('region', { name: 'Evidence', exact: true })).toContainText(
    `1 still held it, revoked anyway: ${fourth} (${VAR})`,
  );
  expect(await sandboxAnswers(app, oldSecret)).toBe(401);
  expect(await sandboxAnswers(app, newSecret)).toBe(200);
});
