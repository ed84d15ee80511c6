// Back up…, Restore… and Export inventory… through the window, between two installations (two
// preview hosts, two data folders, two keychain services): the lead backs up from the toolbar's
// Data menu; the inventory (Ctrl+E) is read back as CSV with no secret in it; the second
// installation refuses a wrong passphrase at its field, then restores, says what it added, and
// lists the keys, whose secrets are now in its keychain. axe and screenshots of the menu and the
// three dialogs, light and dark. The passphrase is never left in either page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { addAccount } from '../../electron/core/accounts.ts';
import { INVENTORY_COLUMNS } from '../../electron/core/inventory.ts';
import { generateKey } from '../../electron/core/keys.ts';
import { makeTempDir } from '../helpers/tmp.ts';
import { startApp } from './support/app.ts';
import { startSandboxes } from './support/extra-sandboxes.ts';
import {
  checkDialogBothSchemes,
  expectDialogAccessible,
  screenshotWidths,
} from './support/dialog-check.ts';
import { expect, test } from './support/fixtures.ts';
import { expectNoSecrets } from './support/leaks.ts';
import { reloadList, rowOf } from './support/ui.ts';

const PASSPHRASE = 'e2e backup passphrase orange';

// The CLI's test rule for the preview hosts this spec starts: a lower scrypt work factor, honoured
// only inside the throwaway test keyring (scripts/with-keyring.sh), so a backup takes no seconds.
let workFactor: string | undefined;
test.beforeAll(() => {
  workFactor = process.env.APEXKEYS_TEST_SCRYPT_LOG_N;
  process.env.APEXKEYS_TEST_SCRYPT_LOG_N = '12';
});
test.afterAll(() => {
  if (workFactor === undefined) delete process.env.APEXKEYS_TEST_SCRYPT_LOG_N;
  else process.env.APEXKEYS_TEST_SCRYPT_LOG_N = workFactor;
});

// The extra sandbox, closed after the test whatever its outcome.
let closeExtra: (() => Promise<void>) | null = null;
test.afterEach(async () => {
  await closeExtra?.();
  closeExtra = null;
});

/** Opens a dialog from the toolbar's Data menu, by the keyboard. */
async function fromDataMenu(page: Page, item: string, shoot = false) {
  const button = page.getByRole('button', { name: 'Data', exact: true });
  await button.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'Data' });
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  if (shoot)
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expectDialogAccessible(page, `data menu (${colorScheme})`, '[role=menu]');
      await screenshotWidths(page, 'data-menu', colorScheme, menu);
    }
  await menu.getByRole('menuitem', { name: item }).click();
  await expect(menu).toHaveCount(0);
}

test('back up from one window, export the inventory, restore into a second window', async ({
  page,
  app,
}) => {
  // Five dialogs (and the menu) through axe and screenshots in two schemes: a busy machine needs
  // minutes for those alone.
  test.setTimeout(420_000);
  // The keys live in an account of their own: every installation has its own built-in "sandbox"
  // account, which a restore skips (with its keys), and says so.
  const extra = await startSandboxes(['api']);
  closeExtra = extra.close;
  const server = extra.servers[0];
  if (!server) throw new Error('no extra sandbox');
  await addAccount(app.deps, {
    name: 'team',
    baseUrl: server.url,
    secret: server.bootstrapKey as string,
  });
  const seed = (label: string, owner?: string) =>
    generateKey(app.deps, {
      account: 'team',
      label,
      environment: 'development',
      ...(owner ? { owner } : {}),
    });
  const keys = [await seed('ci-main'), await seed('deploy-bot', 'Ops')];
  const secrets = await Promise.all(keys.map((k) => app.deps.vault.get(k.id)));
  const dir = makeTempDir('e2e-backup');
  const file = join(dir, 'apexkeys-backup-e2e.age');
  await reloadList(page, 2);

  // Back up: the rule and the warning before the first try, then the file.
  await fromDataMenu(page, 'Back up…', true);
  const backup = page.getByRole('dialog', { name: 'Back up' });
  await expect(backup).toContainText('the file cannot be opened without it');
  await expect(backup).toContainText('At least 12 characters.');
  await backup.getByRole('textbox', { name: 'Save to file' }).fill(file);
  await backup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await backup.getByLabel('Passphrase again').fill(PASSPHRASE);
  await checkDialogBothSchemes(page, 'backup');
  await page.emulateMedia({ colorScheme: 'light' });
  await backup.getByRole('button', { name: 'Back up' }).click();
  await expect(backup.getByRole('status')).toContainText(
    `Backed up 2 accounts, 2 keys, 0 rotation runs, the settings and 4 secrets to ${file}.`,
  );
  expect(readFileSync(file, 'latin1')).toMatch(/^age-encryption\.org\/v1\n-> scrypt /);
  await backup.getByRole('button', { name: 'Close' }).click();
  await expect(backup).toHaveCount(0);
  await expectNoSecrets(page, [PASSPHRASE]);

  // The inventory, by its shortcut, as CSV: one row per key, no secret.
  const csvFile = join(dir, 'inventory.csv');
  await page.keyboard.press('Control+E');
  const inventory = page.getByRole('dialog', { name: 'Export inventory' });
  await expect(inventory).toContainText('It holds no secrets.');
  await expect(inventory.getByRole('radio', { name: 'CSV (spreadsheets)' })).toBeChecked();
  await inventory.getByRole('textbox', { name: 'Save to file' }).fill(csvFile);
  await checkDialogBothSchemes(page, 'inventory');
  await page.emulateMedia({ colorScheme: 'light' });
  await inventory.getByRole('button', { name: 'Export' }).click();
  await expect(inventory.getByRole('status')).toContainText(
    `Wrote the inventory of 2 keys (CSV, no secrets) to ${csvFile}.`,
  );
  await inventory.getByRole('button', { name: 'Close' }).click();
  const csv = readFileSync(csvFile, 'utf8');
  const [header, ...rows] = csv.trimEnd().split('\r\n');
  expect(header).toBe(INVENTORY_COLUMNS.map(([, title]) => title).join(','));
  const cells = rows.map((r) => r.split(','));
  expect(cells.map((c) => c.slice(0, 2))).toEqual([
    ['team', 'ci-main'],
    ['team', 'deploy-bot'],
  ]);
  expect(cells.map((c) => c[4])).toEqual(['', 'Ops']);
  for (const s of [...(await app.secrets()), PASSPHRASE]) expect(csv.includes(s)).toBe(false);

  // The second installation: a wrong passphrase first, at its field; then the restore.
  const second = await startApp({ mode: 'api', keychain: 'ok' });
  const secondPage = await page.context().newPage();
  try {
    await secondPage.goto(second.url);
    // No keys yet: the empty list, with the toolbar.
    await expect(secondPage.getByRole('heading', { name: 'API keys' })).toBeVisible();
    await fromDataMenu(secondPage, 'Restore…');
    const restore = secondPage.getByRole('dialog', { name: 'Restore' });
    await restore.getByRole('textbox', { name: 'Backup file' }).fill(file);
    const pass = restore.getByLabel('Passphrase', { exact: true });
    await pass.fill('not the right passphrase');
    await restore.getByRole('button', { name: 'Restore' }).click();
    await expect(pass).toHaveAttribute('aria-invalid', 'true');
    await expect(restore).toContainText('The passphrase does not open this backup');
    await expect(pass).toHaveValue('');
    expect(await second.secrets()).not.toContain(secrets[0]);

    await pass.fill(PASSPHRASE);
    await checkDialogBothSchemes(secondPage, 'restore');
    await secondPage.emulateMedia({ colorScheme: 'light' });
    await restore.getByRole('button', { name: 'Restore' }).click();
    const status = restore.getByRole('status');
    await expect(status).toContainText(`Restored from ${file}`);
    await expect(status).toContainText('Keys: 2 added, 0 updated, 0 skipped.');
    await expect(status).toContainText('Accounts: 1 added, 0 updated, 1 skipped.');
    await expect(status).toContainText('built-in "sandbox" account was skipped');
    await checkDialogBothSchemes(secondPage, 'restore-result', status);
    await secondPage.emulateMedia({ colorScheme: 'light' });
    await restore.getByRole('button', { name: 'Close' }).click();
    await expect(restore).toHaveCount(0);

    // The list shows them without a reload, and their secrets are in this keychain.
    await expect(rowOf(secondPage, 'ci-main')).toBeVisible();
    await expect(rowOf(secondPage, 'deploy-bot')).toBeVisible();
    const held = await second.secrets();
    for (const s of secrets)
      expect(held.includes(s), 'a restored secret is in the keychain').toBe(true);
    await expectNoSecrets(secondPage, [...held, PASSPHRASE]);
  } finally {
    await secondPage.close();
    await second.stop();
  }
});
