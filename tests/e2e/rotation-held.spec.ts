// Rotating a key held by a teammate through the window (issue 14 item 2): "dev-john" was handed
// over to John (another installation, with an account on the same sandbox). The lead's deploy
// step is the Share dialog's fields, John's recipient prefilled from the hand-over; it writes the
// new key into a share file, which John's installation opens and the server accepts. Verify, then
// the revoke step says John must have deployed it first; the outcome names the listing proof,
// the list shows the new key held by John, and the lead's keychain holds neither secret.
// axe and screenshots of the Share step and the revoke step, light and dark.
import { join } from 'node:path';
import { addAccount } from '../../electron/core/accounts.ts';
import { ensureIdentity } from '../../electron/core/handoff/identity.ts';
import { receiveKey } from '../../electron/core/handoff/receive.ts';
import { shareKey } from '../../electron/core/handoff/share.ts';
import { makeTempDir } from '../helpers/tmp.ts';
import { startApp } from './support/app.ts';
import { sandboxAnswers, seedKey, storedKey } from './support/core.ts';
import { checkDialogBothSchemes } from './support/dialog-check.ts';
import { expect, test } from './support/fixtures.ts';
import { expectNoSecrets } from './support/leaks.ts';
import { currentStep, openWizard, runOf } from './support/rotation.ts';
import { reloadList, rowOf } from './support/ui.ts';

test('a held key is rotated through a share file to its holder, and stays held by them', async ({
  page,
  app,
}) => {
  // Two installations and two dialog checks (axe, four screenshots each) on a 2-core machine.
  test.setTimeout(300_000);
  const dir = makeTempDir('e2e-rotate-held');
  const old = await seedKey(app, 'dev-john', { owner: 'John' });
  const oldSecret = await app.deps.vault.get(old.id);
  const john = await startApp({ mode: 'api', keychain: 'ok' });
  try {
    await addAccount(john.deps, {
      name: 'team',
      baseUrl: app.sandbox.url,
      secret: app.sandbox.bootstrapKey as string,
    });
    const recipient = (await ensureIdentity(john.deps.vault)).recipient;
    // The hand-over as handoff.spec.ts makes it in the window; John takes his copy unchecked, so
    // the old key's only use is the app's own (no recent-use question at Verify).
    const first = join(dir, 'dev-john.age');
    await shareKey(app.deps, {
      ref: { id: old.id },
      recipients: [recipient],
      file: first,
      handover: true,
      owner: 'John',
    });
    await receiveKey(john.deps, { file: first, verify: false });

    await reloadList(page, 1);
    await expect(rowOf(page, 'dev-john')).toContainText('Held by John');
    const wizard = await openWizard(page, 'dev-john');
    await wizard.getByRole('button', { name: 'Generate new key' }).click();
    await expect(currentStep(wizard)).toHaveText('2Deploy');
    const run = await runOf(app, old.id);
    const newSecret = await app.deps.vault.get(run.newKeyId);

    // 2. The Share step: John's recipient prefilled, no Copy / Reveal / .env / Replace in all.
    await expect(wizard).toContainText('“dev-john” is held by John');
    await expect(wizard.getByRole('textbox', { name: 'Recipients' })).toHaveValue(recipient);
    for (const name of ['Copy new key', 'Replace in .env files…', 'Replace in all'])
      await expect(wizard.getByRole('button', { name })).toHaveCount(0);
    const file = join(dir, 'dev-john-new.age');
    await wizard.getByRole('textbox', { name: 'Save to file' }).fill(file);
    await checkDialogBothSchemes(page, 'rotation-held-deploy');
    await page.emulateMedia({ colorScheme: 'light' });
    await wizard.getByRole('button', { name: 'Write share file and confirm deployed' }).click();
    await expect(currentStep(wizard)).toHaveText('3Verify');

    // John's installation opens the file; the server accepts the key in it.
    const got = await receiveKey(john.deps, { file, label: 'dev-john-new' });
    expect(got.key.fingerprint).toBe((await storedKey(app, run.newKeyId))?.fingerprint);
    expect(await sandboxAnswers(app, newSecret)).toBe(200);

    // 3. Verify; 4. the revoke step says John must have deployed it first.
    await wizard.getByRole('button', { name: 'Verify new key' }).click();
    await expect(currentStep(wizard)).toHaveText('4Revoke old key');
    await expect(wizard).toContainText(
      'John must have received the share file and deployed the new key first',
    );
    await wizard.getByLabel("Type the old key's label to confirm").fill('dev-john');
    await checkDialogBothSchemes(page, 'rotation-held-revoke');
    await page.emulateMedia({ colorScheme: 'light' });
    await wizard.getByRole('button', { name: 'Revoke old key' }).click();
    const outcome = wizard.getByRole('status').filter({ hasText: 'Rotation complete' });
    await expect(outcome).toContainText('ApexVerify no longer lists it');
    await expect(outcome).toContainText('held by John: its secret was removed from this keychain');
    await wizard.getByRole('button', { name: 'Done' }).click();

    // The new key is "dev-john", held by John; the lead's keychain holds neither secret.
    await expect(rowOf(page, 'dev-john')).toContainText('Held by John');
    expect((await storedKey(app, run.newKeyId))?.custody).toBe('held');
    const left = await app.secrets();
    expect(left).not.toContain(oldSecret);
    expect(left).not.toContain(newSecret);
    expect(await sandboxAnswers(app, oldSecret)).toBe(401);
    expect(await sandboxAnswers(app, newSecret)).toBe(200);
    await expectNoSecrets(page, [oldSecret, newSecret]);
  } finally {
    await john.stop();
  }
});
