// Write to .env: the key goes into one variable of a file given by its absolute path; only that
// line changes, the previous file is kept as a backup, and the risks (tracked by git, readable by
// other users) are said before the key is written, with the offer to make the file private.
import { execFileSync } from 'node:child_process';
import { appendFile, chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir } from '../helpers/tmp.ts';
import { auditOf, seedKey } from './support/core.ts';
import { checkDialogBothSchemes } from './support/dialog-check.ts';
import { expect, test } from './support/fixtures.ts';
import { openDetails, reloadList } from './support/ui.ts';

test('Write to .env writes the key into the file, then backs up the previous one', async ({
  page,
  app,
}) => {
  const key = await seedKey(app, 'deploy-key', { environment: 'production' });
  const secret = await app.deps.vault.get(key.id);
  const dir = makeTempDir('e2e-env');
  const file = join(dir, '.env');
  await reloadList(page, 1);
  const panel = await openDetails(page, 'deploy-key');

  await panel.getByRole('button', { name: 'Write to .env…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Write to .env' });
  const path = dialog.getByRole('textbox', { name: 'File path' });
  await expect(path).toBeFocused();
  await expect(dialog.getByRole('textbox', { name: 'Variable name' })).toHaveValue(
    'APEXVERIFY_API_KEY',
  );
  // A relative path would land wherever the app was started: explained at the field, not written.
  await path.fill('.env');
  await dialog.getByRole('button', { name: 'Write' }).click();
  await expect(path).toHaveAttribute('aria-invalid', 'true');
  await expect(path).toHaveAccessibleDescription(/^Give the full path, such as \/home\/me/);

  await path.fill(file);
  await dialog.getByRole('button', { name: 'Write' }).click();
  const result = dialog.getByRole('status');
  await expect(result).toContainText(`Written. Created ${file} with APEXVERIFY_API_KEY.`);
  await expect(result).not.toContainText('Backup');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  const first = await readFile(file, 'utf8');
  expect(first === `APEXVERIFY_API_KEY=${secret}\n`, 'the file holds the key, alone').toBe(true);
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  // Focus goes back to where it was.
  await expect(panel.getByRole('button', { name: 'Write to .env…' })).toBeFocused();

  // The file now has another line, is readable by others and is tracked by git.
  await appendFile(file, 'OTHER=kept\n');
  await chmod(file, 0o644);
  execFileSync('git', ['init', '-q'], { cwd: dir });
  execFileSync('git', ['add', '.env'], { cwd: dir });

  await panel.getByRole('button', { name: 'Write to .env…' }).click();
  await dialog.getByRole('textbox', { name: 'File path' }).fill(file);
  await dialog.getByRole('button', { name: 'Write' }).click();
  // Said before the write; the user keeps the mode (a service may read the file via its group).
  await expect(dialog.getByRole('alert')).toContainText('This file is tracked by git');
  await dialog.getByRole('checkbox', { name: 'Make the file private (0600)' }).uncheck();
  await dialog.getByRole('button', { name: 'Write anyway' }).click();
  await expect(result).toContainText(`Written. Replaced APEXVERIFY_API_KEY in ${file}.`);
  await expect(result).toContainText(`Backup of the previous file: ${file}.bak`);
  const warnings = dialog.getByRole('alert');
  await expect(warnings).toContainText('Warning: this file is tracked by git.');
  await expect(warnings).toContainText(
    'other users on this computer can read this file (mode 644)',
  );

  const second = await readFile(file, 'utf8');
  expect(second === `APEXVERIFY_API_KEY=${secret}\nOTHER=kept\n`, 'one line replaced').toBe(true);
  const backup = await readFile(`${file}.bak`, 'utf8');
  expect(backup === `APEXVERIFY_API_KEY=${secret}\nOTHER=kept\n`, 'the previous file').toBe(true);
  expect((await stat(`${file}.bak`)).mode & 0o777).toBe(0o600);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The refused relative path never reached the key.
  expect(await auditOf(app, key.id)).toEqual([
    'cli:generated:ok',
    'app:exported:ok',
    'app:exported:ok',
  ]);
});

test('a file readable by others: the warning comes before the write, and the file ends 0600', async ({
  page,
  app,
}) => {
  const key = await seedKey(app, 'shared-box', { environment: 'production' });
  const secret = await app.deps.vault.get(key.id);
  const file = join(makeTempDir('e2e-env-private'), '.env');
  await writeFile(file, 'OTHER=kept\n', { mode: 0o644 });
  await chmod(file, 0o644);
  await reloadList(page, 1);
  const panel = await openDetails(page, 'shared-box');

  await panel.getByRole('button', { name: 'Write to .env…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Write to .env' });
  await dialog.getByRole('textbox', { name: 'File path' }).fill(file);
  await dialog.getByRole('button', { name: 'Write' }).click();
  const warning = dialog.getByRole('alert');
  await expect(warning).toContainText('Other users on this computer can read this file (mode 644)');
  await expect(warning).toContainText('Nothing has been written yet.');
  await expect(warning).not.toContainText('git');
  const box = dialog.getByRole('checkbox', { name: 'Make the file private (0600)' });
  await expect(box).toBeChecked();
  // The warning step passes axe and is pictured, light and dark, at 900 and 1280 px.
  await checkDialogBothSchemes(page, 'env-warning', warning);
  // Nothing was written while the warning is shown: the file is as it was, nothing handed out.
  expect(await readFile(file, 'utf8')).toBe('OTHER=kept\n');
  expect((await stat(file)).mode & 0o777).toBe(0o644);
  expect(await auditOf(app, key.id)).toEqual(['cli:generated:ok']);

  await dialog.getByRole('button', { name: 'Write anyway' }).click();
  const result = dialog.getByRole('status');
  await expect(result).toContainText(`Written. Added APEXVERIFY_API_KEY to ${file}.`);
  await expect(result).toContainText('The file is now private (mode 600)');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  const text = await readFile(file, 'utf8');
  expect(
    text === `OTHER=kept\nAPEXVERIFY_API_KEY=${secret}\n`,
    'the key, the other line kept',
  ).toBe(true);
  await dialog.getByRole('button', { name: 'Close' }).click();
  expect(await auditOf(app, key.id)).toEqual(['cli:generated:ok', 'app:exported:ok']);
});
