// Write to .env: the key goes into one variable of a file given by its absolute path; only that
// line changes, the previous file is kept as a backup, and the risks (tracked by git, readable by
// other users) are said out loud.
import { execFileSync } from 'node:child_process';
import { appendFile, chmod, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir } from '../helpers/tmp.ts';
import { auditOf, seedKey } from './support/core.ts';
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
  // A relative path would land wherever the app was started: refused, nothing written.
  await path.fill('.env');
  await dialog.getByRole('button', { name: 'Write' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Give the full path of the .env file');

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
