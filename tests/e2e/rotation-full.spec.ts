// A full rotation in the wizard, API mode: generate → deploy (copy, replace in a .env file) →
// verify → the typed label → revoke. The old key answers 401, the new key took over its label,
// the .env file holds the new key, and the audit trail has one rotation-step event per step.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listKeys } from '../../electron/core/keys.ts';
import { makeTempDir } from '../helpers/tmp.ts';
import { sandboxAnswers, seedKey, storedKey } from './support/core.ts';
import { expect, test } from './support/fixtures.ts';
import {
  currentStep,
  expectBlocked,
  expectEnabled,
  openWizard,
  rotationSteps,
  runOf,
} from './support/rotation.ts';
import { detailsOf, expectShowsSecret, reloadList, rowOf } from './support/ui.ts';

test('a full rotation in the wizard replaces the key everywhere and proves the old one dead', async ({
  page,
  app,
}) => {
  const old = await seedKey(app, 'prod-api', { environment: 'production', owner: 'ana' });
  const oldSecret = await app.deps.vault.get(old.id);
  const file = join(makeTempDir('e2e-rotate'), '.env');
  await writeFile(file, `APEXVERIFY_API_KEY=${oldSecret}\nOTHER=kept\n`, { mode: 0o600 });
  await reloadList(page, 1);
  const wizard = await openWizard(page, 'prod-api');

  // The stepper names the four steps; Generate is current.
  const steps = wizard.getByRole('list', { name: 'Rotation steps' }).getByRole('listitem');
  await expect(steps).toHaveText(['1Generate', '2Deploy', '3Verify', '4Revoke old key']);
  await expect(currentStep(wizard)).toHaveText('1Generate');

  // 1. Generate.
  await wizard.getByRole('button', { name: 'Generate new key' }).click();
  await expect(currentStep(wizard)).toHaveText('2Deploy');
  await expect(steps.first()).toHaveText('✓Generate (completed)');
  await expect(wizard.getByRole('heading', { name: 'Step 2 of 4: Deploy' })).toBeFocused();
  const evidence = wizard.getByRole('region', { name: 'Evidence so far' });
  await expect(evidence).toContainText(/First check.*answered 200 OK/);
  const run = await runOf(app, old.id);
  const newSecret = await app.deps.vault.get(run.newKeyId);
  const newHint = (await storedKey(app, run.newKeyId))?.hint ?? 'no hint';
  expect(await sandboxAnswers(app, newSecret)).toBe(200);

  // 2. Deploy: copy (with the countdown), replace in the .env file, confirm.
  await wizard.getByRole('button', { name: 'Copy new key' }).click();
  // The countdown runs while the page is looked at: on a busy machine the first look may come
  // seconds in, so the number is only bounded by the 30 s setting, never compared with a clock.
  const countdown = wizard.getByRole('status').filter({ hasText: /Clipboard clears in/ });
  await expect(countdown).toHaveText(/^Copied\. Clipboard clears in \d+ s$/);
  const left = Number(/in (\d+) s/.exec((await countdown.textContent()) ?? '')?.[1]);
  expect(left).toBeGreaterThan(0);
  expect(left).toBeLessThanOrEqual(30);
  // Reveal shows the new key for a moment, in the wizard only; Hide drops it.
  await wizard.getByRole('button', { name: 'Reveal new key' }).click();
  await expectShowsSecret(wizard.getByRole('group', { name: 'Revealed key' }), newSecret);
  await wizard.getByRole('button', { name: 'Hide' }).click();
  await expect(wizard.getByRole('group', { name: 'Revealed key' })).toHaveCount(0);
  await wizard.getByRole('button', { name: 'Replace in .env files…' }).click();
  const files = wizard.getByRole('textbox', { name: '.env files (full paths, one per line)' });
  await expect(files).toBeFocused();
  await files.fill(file);
  await wizard.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(wizard.getByRole('list', { name: '.env files' })).toHaveText(
    `${file}: changed (APEXVERIFY_API_KEY), backup ${file}.bak`,
  );
  // A successful Replace empties the field for more files without calling it a mistake
  // (issue 11, item 7).
  await expect(files).toHaveValue('');
  await expect(files).not.toHaveAttribute('aria-invalid', 'true');
  await expect(wizard).not.toContainText('Name at least one .env file.');
  const env = await readFile(file, 'utf8');
  expect(env === `APEXVERIFY_API_KEY=${newSecret}\nOTHER=kept\n`, '.env holds the new key').toBe(
    true,
  );
  await wizard.getByRole('button', { name: 'I have deployed the new key' }).click();

  // 3. Verify.
  await expect(currentStep(wizard)).toHaveText('3Verify');
  await expect(evidence).toContainText(`.env files${file}: changed (APEXVERIFY_API_KEY)`);
  // One Replace, one line in the evidence.
  await expect(evidence.getByRole('listitem').filter({ hasText: file })).toHaveCount(1);
  await wizard.getByRole('button', { name: 'Verify new key' }).click();

  // 4. Revoke: only with the label typed exactly, after saying what revocation means.
  await expect(currentStep(wizard)).toHaveText('4Revoke old key');
  await expect(wizard).toContainText('Revocation is immediate and irreversible.');
  await expect(wizard).toContainText('gets 401 Unauthorized');
  await expect(wizard).toContainText('Batch jobs already running with the old key continue');
  await expect(evidence).toContainText(/Verification.*answered 200 OK.*; confirmed/);
  await expect(evidence).toContainText(/Old key last used\s*Never/);
  const revoke = wizard.getByRole('button', { name: 'Revoke old key' });
  await expectBlocked(revoke, "Type the old key's label exactly to enable Revoke old key.");
  const typed = wizard.getByRole('textbox', { name: "Type the old key's label to confirm" });
  await typed.fill('prod-ap');
  // Enter submits the form, and a near miss does nothing.
  await typed.press('Enter');
  await expectBlocked(revoke, "Type the old key's label exactly to enable Revoke old key.");
  expect(await sandboxAnswers(app, oldSecret)).toBe(200);
  await typed.fill('prod-api');
  await expectEnabled(revoke);
  await revoke.click();

  // Done: the 401 proof.
  const done = wizard.getByRole('status').filter({ hasText: 'Rotation complete.' });
  await expect(done).toContainText('ApexVerify answered 401 Unauthorized to it');
  // A finished run's evidence is the whole record, no longer "so far".
  await expect(wizard.getByRole('region', { name: 'Evidence', exact: true })).toBeVisible();
  await expect(evidence).toHaveCount(0);
  await expect(steps).toHaveText([
    '✓Generate (completed)',
    '✓Deploy (completed)',
    '✓Verify (completed)',
    '✓Revoke old key (completed)',
  ]);
  await wizard.getByRole('button', { name: 'Done' }).click();
  await expect(wizard).toHaveCount(0);
  // The details now show the new key under the old label.
  await expect(detailsOf(page, 'prod-api')).toContainText(newHint);

  // What really happened: the old key is dead at the sandbox, the new one took over its label.
  expect(await sandboxAnswers(app, oldSecret)).toBe(401);
  expect(await sandboxAnswers(app, newSecret)).toBe(200);
  const keys = await listKeys(app.deps, { includeRevoked: true });
  expect(keys.find((k) => k.id === old.id)).toMatchObject({ status: 'revoked' });
  expect(keys.find((k) => k.id === run.newKeyId)).toMatchObject({
    label: 'prod-api',
    environment: 'production',
    owner: 'ana',
    status: 'active',
  });
  expect(await rotationSteps(app, old.id)).toEqual(['generate', 'deploy', 'verify', 'revoke']);
  await expect(rowOf(page, 'prod-api')).not.toContainText('Rotation in progress');
});
