// The window sees outside changes: the built CLI, run against the same data folder and keychain
// as the preview host, generates a key, revokes one and changes a setting while the page is open.
// Each shows without a reload, and the selection, an open dialog (with what was typed in it) and
// the typed filter stay as they were.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { seedKey } from './support/core.ts';
import type { AppHandle } from './support/app.ts';
import { expect, test } from './support/fixtures.ts';
import { detailsOf, keyGrid, reloadList, rowOf } from './support/ui.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const CLI = `${repo}out/cli/main.js`;

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would, on the app's data folder and keychain service. */
function cli(app: AppHandle, args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: {
        ...process.env,
        APEXKEYS_DATA_DIR: app.dataDir,
        APEXKEYS_KEYCHAIN_SERVICE: app.keychainService,
        APEXKEYS_SANDBOX: 'off',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** The window's state, as the leak check reads it (never a secret). */
type WindowState = {
  keys: Array<{ label: string }>;
  status: { clipboardClearSec: number } | null;
  settings: { clipboardClearSec: number } | null;
};
const stateOf = (page: Page) =>
  page.evaluate(() =>
    (window as { __apexKeysState?: () => unknown }).__apexKeysState?.(),
  ) as Promise<WindowState | undefined>;

test.beforeAll(() => {
  // The CLI as an installed apexkeys runs it (the Node suites build it too; the build never
  // leaves a half-written bundle for a CLI starting meanwhile).
  const build = spawnSync(process.execPath, [`${repo}scripts/build-cli.mjs`, '--quiet'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('The CLI could not be built (scripts/build-cli.mjs).');
});

test('a key made, a key revoked and a setting changed by the CLI show in the open window', async ({
  page,
  app,
}) => {
  await seedKey(app, 'live-alpha', { environment: 'production' });
  await seedKey(app, 'live-beta', { environment: 'production' });
  await seedKey(app, 'other-gamma', { environment: 'production' });
  await reloadList(page, 3);

  // The window as someone left it: all statuses shown, a typed filter, a key selected.
  await page.getByRole('combobox', { name: 'Status filter' }).selectOption('all');
  const filter = page.getByRole('searchbox', { name: 'Filter keys' });
  await filter.fill('live-');
  await expect(keyGrid(page)).toHaveAttribute('aria-rowcount', '3');
  await rowOf(page, 'live-alpha').click();
  await expect(detailsOf(page, 'live-alpha')).toBeVisible();

  // A dialog open, with something typed in it.
  await page.getByRole('button', { name: 'New key' }).click();
  const dialog = page.getByRole('dialog', { name: 'New key' });
  const label = dialog.getByRole('textbox', { name: 'Label' });
  await label.fill('half-typed');

  // The CLI makes a key: the window's list gets it while the dialog stays open as it was.
  const made = await cli(app, [
    'key',
    'generate',
    '--account',
    'sandbox',
    '--label',
    'live-from-cli',
    '--env',
    'staging',
  ]);
  expect(made.code, made.stderr).toBe(0);
  await expect
    .poll(async () => (await stateOf(page))?.keys.some((k) => k.label === 'live-from-cli'))
    .toBe(true);
  await expect(dialog).toBeVisible();
  await expect(label).toHaveValue('half-typed');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);

  // The new row is listed under the same filter; the selection and the filter are kept.
  await expect(rowOf(page, 'live-from-cli')).toBeVisible();
  await expect(keyGrid(page)).toHaveAttribute('aria-rowcount', '4');
  await expect(filter).toHaveValue('live-');
  await expect(rowOf(page, 'live-alpha')).toHaveAttribute('aria-selected', 'true');
  await expect(detailsOf(page, 'live-alpha')).toBeVisible();

  // The CLI revokes a key: its row says so.
  const revoked = await cli(app, ['key', 'revoke', 'live-beta', '--confirm', 'live-beta']);
  expect(revoked.code, revoked.stderr).toBe(0);
  await expect(rowOf(page, 'live-beta').getByText('Revoked', { exact: true })).toBeVisible();
  await expect(rowOf(page, 'live-alpha')).toHaveAttribute('aria-selected', 'true');

  // The CLI changes a setting: the window's state has it.
  const set = await cli(app, ['settings', 'set', '--clipboard-clear-sec', '45']);
  expect(set.code, set.stderr).toBe(0);
  await expect
    .poll(async () => {
      const s = await stateOf(page);
      return s?.settings?.clipboardClearSec ?? s?.status?.clipboardClearSec;
    })
    .toBe(45);
  await expect(filter).toHaveValue('live-');
});
