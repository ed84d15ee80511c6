// "Where this key is" in the window (issue 12, items 1 and 2), on the preview host with the real
// keyring and the sandbox: two Write to .env files listed; Check says each holds the key, then
// "holds another value" after a hand edit and "file missing" after a delete; Forget drops one;
// Find copies… over a folder with a nested copy (and node_modules/.git copies it must skip)
// records the nested one and reports the counts. axe and screenshots (900 and 1280 px, light and
// dark) of the section and of the dialog.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { makeTempDir } from '../helpers/tmp.ts';
import { auditOf, seedKey, storedKey } from './support/core.ts';
import {
  checkDialogBothSchemes,
  expectDialogAccessible,
  screenshotWidths,
} from './support/dialog-check.ts';
import { expect, test } from './support/fixtures.ts';
import { openDetails, reloadList } from './support/ui.ts';

const VAR = 'APEXVERIFY_API_KEY';

async function writeToEnv(page: Page, panel: Locator, file: string): Promise<void> {
  await panel.getByRole('button', { name: 'Write to .env…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Write to .env' });
  await dialog.getByRole('textbox', { name: 'File path' }).fill(file);
  await dialog.getByRole('button', { name: 'Write' }).click();
  await expect(dialog.getByRole('status')).toContainText(`Written. Created ${file}`);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
}

/** The section of the open key, and its list item for one file. */
function where(panel: Locator) {
  const section = panel.getByRole('group', { name: 'Where this key is' });
  const files = section.getByRole('list', { name: /^Files holding / });
  const file = (path: string) => files.getByRole('listitem').filter({ hasText: path });
  return { section, files, file };
}

test('Write to .env twice lists both files; Check, a hand edit, a delete, Forget', async ({
  page,
  app,
}) => {
  const key = await seedKey(app, 'shop-web');
  const dir = makeTempDir('e2e-locations');
  const [shop, api] = [join(dir, 'shop', '.env'), join(dir, 'api', '.env')];
  await Promise.all([mkdir(join(dir, 'shop')), mkdir(join(dir, 'api'))]);
  await reloadList(page, 1);
  const panel = await openDetails(page, 'shop-web');
  const { section, files, file } = where(panel);
  await expect(section).toContainText(
    'No known locations. Write to .env or Find copies… to record one.',
  );

  await writeToEnv(page, panel, shop);
  await writeToEnv(page, panel, api);
  await expect(files.getByRole('listitem').filter({ hasText: dir })).toHaveCount(2);
  await expect(file(shop)).toContainText(VAR);

  const check = section.getByRole('button', { name: 'Check', exact: true });
  await check.click();
  await expect(file(shop)).toContainText('holds this key');
  await expect(file(api)).toContainText('holds this key');
  await expect(section.getByRole('status')).toHaveText('Last check: holds this key (2).');

  await writeFile(shop, `${VAR}=edited-by-hand\n`);
  await rm(api);
  await check.click();
  await expect(file(shop)).toContainText('holds another value');
  await expect(file(api)).toContainText('file missing');

  await section.getByRole('button', { name: `Forget ${api}` }).click();
  await expect(file(api)).toHaveCount(0);
  await expect(file(shop)).toContainText('holds another value');
  expect((await storedKey(app, key.id))?.locations.map((l) => l.path)).toEqual([shop]);
  expect(await auditOf(app, key.id)).toEqual([
    'cli:generated:ok',
    'app:exported:ok',
    'app:exported:ok',
    'app:location-forgotten:ok',
  ]);
});

test('Find copies… records the nested copy, skips node_modules and .git, and says so', async ({
  page,
  app,
}) => {
  // axe four times and eight screenshots, on a machine the other specs share.
  test.slow();
  const key = await seedKey(app, 'shop-api', { environment: 'production' });
  const secret = await app.deps.vault.get(key.id);
  const root = makeTempDir('e2e-find-copies');
  const nested = join(root, 'apps', 'shop', 'config', '.env');
  await mkdir(join(root, 'apps', 'shop', 'config'), { recursive: true });
  await mkdir(join(root, 'node_modules', 'pkg'), { recursive: true });
  await mkdir(join(root, '.git'));
  // Named .env: the suite's final secret scan expects keys only in such files.
  await writeFile(nested, `# shop\nSHOP_KEY=${secret}\n`);
  await writeFile(join(root, 'node_modules', 'pkg', '.env'), `${VAR}=${secret}\n`);
  await writeFile(join(root, '.git', 'leak.env'), `${VAR}=${secret}\n`);
  await writeFile(join(root, 'README.md'), 'nothing to see\n');
  await reloadList(page, 1);
  const panel = await openDetails(page, 'shop-api');
  const { section, file } = where(panel);

  await section.getByRole('button', { name: 'Find copies…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Find copies' });
  const field = dialog.getByRole('textbox', { name: 'Folders to search' });
  await expect(field).toBeFocused();
  // The preview host has no folder chooser: the path field is the way.
  await expect(dialog.getByRole('button', { name: 'Choose folders…' })).toHaveCount(0);

  await field.fill(join(root, 'missing'));
  await dialog.getByRole('button', { name: 'Search' }).click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toContainText('name an existing folder');

  await field.fill(root);
  await dialog.getByRole('button', { name: 'Search' }).click();
  await expect(dialog.getByRole('status')).toHaveText(
    'Search finished: 2 files read, 1 new location recorded.',
  );
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toContainText('2 node_modules or .git folders');
  await expect(dialog.getByRole('list', { name: 'Files holding the key' })).toHaveText(
    `${nested} · SHOP_KEY`,
  );
  await checkDialogBothSchemes(page, 'find-copies-done', dialog.getByRole('status'));

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(file(nested)).toContainText('SHOP_KEY');
  await section.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(file(nested)).toContainText('holds this key');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectDialogAccessible(page, `locations section (${colorScheme})`, 'section.details');
    await screenshotWidths(page, 'locations-section', colorScheme, section);
  }
  expect(await auditOf(app, key.id)).toEqual(['cli:generated:ok', 'app:located:ok']);
});
