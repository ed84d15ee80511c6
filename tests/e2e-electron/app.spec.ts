// The Electron app end to end: built with electron-vite, launched with Playwright's _electron on
// a throwaway data folder and keychain service with its own sandbox account, checked for its
// security settings at run time, then used to generate a key through the window.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { _electron as electron, expect, test, type Locator } from '@playwright/test';
import { CHANNELS } from '../../shared/ipc/contract.ts';
import { electronRuntime } from '../../scripts/electron-available.mjs';

const ROOT = join(import.meta.dirname, '../..');
// Inside out/ (ignored by git, lint and prettier) so the bundle's bare imports resolve through
// the project's node_modules; a folder of its own so other builds cannot race this one.
const BUILD = join(ROOT, 'out', 'e2e-electron');
// Chromium refuses to run as root without --no-sandbox; that only happens in CI containers, and
// the renderer's own sandbox (sandbox: true) is unaffected by it.
const asRoot = process.platform === 'linux' && process.getuid?.() === 0;
const extraArgs = asRoot ? ['--no-sandbox'] : [];
const runtime = electronRuntime({ args: extraArgs });

/** A <select> is chosen by its option's text; any other field is typed into. */
async function choose(field: Locator, value: string): Promise<void> {
  const tag = await field.evaluate((el) => el.tagName.toLowerCase());
  if (tag === 'select') await field.selectOption({ label: value });
  else await field.fill(value);
}

async function forgetSecrets(service: string): Promise<void> {
  const { default: keytar } = await import('@github/keytar');
  for (const { account } of await keytar.findCredentials(service))
    await keytar.deletePassword(service, account);
}

// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures from this pattern.
test('generates a key through the Electron window', async ({}, testInfo) => {
  if (!runtime.ok) {
    console.log(`Electron end-to-end test skipped: ${runtime.reason}`);
    test.skip(true, runtime.reason);
    return;
  }
  await promisify(execFile)(
    join(ROOT, 'node_modules/.bin/electron-vite'),
    ['build', '--outDir', BUILD, '-l', 'error'],
    { cwd: ROOT },
  );

  const dataDir = mkdtempSync(join(process.env.APEXKEYS_TEST_ROOT ?? tmpdir(), 'electron-e2e-'));
  const service = `apexkeys-e2e-electron-${randomBytes(6).toString('hex')}`;
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  delete env.ELECTRON_RUN_AS_NODE;
  Object.assign(env, {
    APEXKEYS_DATA_DIR: dataDir,
    APEXKEYS_KEYCHAIN_SERVICE: service,
    // Any free loopback port, so a running `npm start` on 4780 does not collide.
    APEXKEYS_SANDBOX_PORT: '0',
  });

  const app = await electron.launch({
    executablePath: runtime.path,
    args: [...extraArgs, join(BUILD, 'main', 'index.js')],
    env,
    timeout: 60_000,
  });
  try {
    const window = await app.firstWindow();
    expect(window.url()).toBe('app://renderer/index.html');

    // The settings the AST test proves in the source, observed in the running app.
    // getLastWebPreferences is Electron's internal accessor (not in its typings), hence the cast.
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      type Prefs = { contextIsolation?: boolean; sandbox?: boolean; nodeIntegration?: boolean };
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as {
        getLastWebPreferences?: () => Prefs;
      };
      const p = contents?.getLastWebPreferences?.();
      return p
        ? {
            contextIsolation: p.contextIsolation,
            sandbox: p.sandbox,
            nodeIntegration: p.nodeIntegration,
          }
        : null;
    });
    if (prefs)
      expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    else testInfo.annotations.push({ type: 'note', description: 'web preferences not readable' });
    const page = await window.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown>;
      const api = g.apexKeys as Record<string, unknown>;
      return {
        keys: Object.keys(api).sort(),
        node: typeof g.require === 'undefined' && typeof g.process === 'undefined',
      };
    });
    expect(page).toEqual({ keys: [...CHANNELS].sort(), node: true });

    await expect(window.getByRole('heading', { name: 'API keys' })).toBeVisible();
    const label = `e2e-electron-${randomBytes(3).toString('hex')}`;
    await window.getByRole('button', { name: 'New key' }).click();
    const dialog = window.getByRole('dialog');
    await choose(dialog.getByLabel('Account'), 'sandbox');
    await dialog.getByLabel('Label').fill(label);
    await choose(dialog.getByLabel('Environment'), 'development');
    await dialog.getByRole('button', { name: 'Generate' }).click();
    await expect(dialog.getByText(label).first()).toBeVisible();
    await window.keyboard.press('Escape');
    await expect(window.getByRole('row').filter({ hasText: label })).toBeVisible();
    await window.screenshot({ path: testInfo.outputPath('main-view.png') });
  } finally {
    await app.close();
    await forgetSecrets(service);
  }
});
