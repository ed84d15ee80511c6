// Team hand-off through the window, between two installations (two preview hosts, two data
// folders, two keychain services): the lead shares "dev-john" to John's recipient (read from
// John's Settings) with hand-over; the lead's list then shows it Held by John and the keychain no
// longer holds it; a file not made for the lead is refused at the field with the lead's
// recipient; John receives it and Verify says it works. Both keys live on ONE sandbox: John's
// account points at the lead's server. axe and screenshots of both dialogs, light and dark.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { addAccount } from '../../electron/core/accounts.ts';
import { makeTempDir } from '../helpers/tmp.ts';
import { startApp, type AppHandle } from './support/app.ts';
import { sandboxAnswers, seedKey, storedKey } from './support/core.ts';
import { checkDialogBothSchemes } from './support/dialog-check.ts';
import { expect, test } from './support/fixtures.ts';
import { expectNoSecrets } from './support/leaks.ts';
import { openDetails, reloadList, rowOf } from './support/ui.ts';

/** John's installation: his own app, with an account on the lead's sandbox (the same server). */
async function startJohn(lead: AppHandle): Promise<AppHandle> {
  const john = await startApp({ mode: 'api', keychain: 'ok' });
  await addAccount(john.deps, {
    name: 'team',
    baseUrl: lead.sandbox.url,
    secret: lead.sandbox.bootstrapKey as string,
  });
  return john;
}

/** The recipient this window's Settings shows. */
async function recipientOf(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const field = dialog.getByRole('textbox', { name: 'This installation’s recipient' });
  await expect(field).toHaveValue(/^age1/);
  const recipient = await field.inputValue();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  return recipient;
}

test('share with hand-over, then receive and verify in the teammate’s window', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  const key = await seedKey(app, 'dev-john', { owner: 'John' });
  const secret = await app.deps.vault.get(key.id);
  const john = await startJohn(app);
  const johnPage = await page.context().newPage();
  try {
    await johnPage.goto(john.url);
    const johnRecipient = await recipientOf(johnPage);
    const file = join(makeTempDir('e2e-share'), 'dev-john.age');

    // The lead shares it to John, handing it over.
    await reloadList(page, 1);
    const panel = await openDetails(page, 'dev-john');
    await panel.getByRole('button', { name: 'Share with a teammate…' }).click();
    const share = page.getByRole('dialog', { name: 'Share with a teammate' });
    await share.getByRole('textbox', { name: 'Recipients' }).fill(johnRecipient);
    await share.getByRole('textbox', { name: 'Save to file' }).fill(file);
    await share.getByRole('checkbox', { name: 'Hand over: remove my copy of the secret' }).check();
    await expect(share.getByRole('textbox', { name: 'Held by' })).toHaveValue('John');
    await checkDialogBothSchemes(page, 'share');
    await share.getByRole('button', { name: 'Share and hand over' }).click();
    await expect(share.getByRole('status')).toContainText(
      `Wrote “dev-john”, encrypted to 1 recipient, to ${file}.`,
    );
    await expect(share.getByRole('status')).toContainText('now listed as held by John');
    await share.getByRole('button', { name: 'Close' }).click();

    // Held by John: in the list and the details, with no copy left in the lead's keychain.
    await expect(rowOf(page, 'dev-john')).toContainText('Held by John');
    await expect(panel.getByRole('button', { name: 'Copy' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(await app.secrets()).not.toContain(secret);
    expect((await storedKey(app, key.id))?.custody).toBe('held');

    // The file was made for John, not for the lead: refused at the field, with our recipient.
    const leadRecipient = await recipientOf(page);
    await page.getByRole('button', { name: 'Receive a key…' }).click();
    const refuse = page.getByRole('dialog', { name: 'Receive a key' });
    const leadFile = refuse.getByRole('textbox', { name: 'Shared file' });
    await leadFile.fill(file);
    await refuse.getByRole('button', { name: 'Receive' }).click();
    await expect(leadFile).toHaveAttribute('aria-invalid', 'true');
    await expect(refuse).toContainText('not encrypted for this installation');
    await expect(refuse).toContainText(leadRecipient);
    await refuse.getByRole('button', { name: 'Cancel' }).click();

    // John receives it (checked with the server), and Verify in his window says it works.
    await johnPage.getByRole('button', { name: 'Receive a key…' }).click();
    const receive = johnPage.getByRole('dialog', { name: 'Receive a key' });
    await receive.getByRole('textbox', { name: 'Shared file' }).fill(file);
    await expect(
      receive.getByRole('checkbox', { name: 'Check the key with the server' }),
    ).toBeChecked();
    await checkDialogBothSchemes(johnPage, 'receive');
    await johnPage.emulateMedia({ colorScheme: 'light' });
    await receive.getByRole('button', { name: 'Receive' }).click();
    await expect(receive.getByRole('status')).toContainText(
      'Received “dev-john” into account “team”',
    );
    await receive.getByRole('button', { name: 'Close' }).click();
    const johnPanel = await openDetails(johnPage, 'dev-john');
    await johnPanel.getByRole('button', { name: 'Verify', exact: true }).click();
    await expect(johnPanel.getByRole('group', { name: 'Last verification' })).toContainText(
      'Works: ApexVerify accepted the key.',
    );
    expect(await john.secrets()).toContain(secret);
    expect(await sandboxAnswers(app, secret)).toBe(200);
    await expectNoSecrets(johnPage, await john.secrets());
  } finally {
    await johnPage.close();
    await john.stop();
  }
});

test('the lead revokes a held key from the window: the proof is that the server no longer lists it', async ({
  page,
  app,
}) => {
  const key = await seedKey(app, 'dev-john', { owner: 'John' });
  const secret = await app.deps.vault.get(key.id);
  await app.deps.store.update((d) => {
    const k = d.keys.find((x) => x.id === key.id);
    if (k) Object.assign(k, { custody: 'held', heldBy: 'John' });
  });
  await app.deps.vault.delete(key.id);
  await reloadList(page, 1);
  await expect(rowOf(page, 'dev-john')).toContainText('Held by John');
  const panel = await openDetails(page, 'dev-john');
  await panel.getByRole('button', { name: 'Revoke…' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByLabel('Type the label to confirm').fill('dev-john');
  await dialog.getByRole('button', { name: 'Revoke', exact: true }).click();
  await expect(dialog).toContainText(
    'The server no longer lists the key (it was held by John, so the app had no copy to try)',
  );
  expect(await sandboxAnswers(app, secret)).toBe(401);
});
