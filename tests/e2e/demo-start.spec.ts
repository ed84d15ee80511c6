// `npm start` on a machine with no D-Bus session (SSH, a container): instead of a window that
// cannot reach any keychain, a clearly labelled demo on a throwaway keyring and data folder, in
// which a key can be generated and verified on the built-in sandbox.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { REPO_ROOT } from '../helpers/repo-root.ts';
import { openDetails } from './support/ui.ts';

const DEMO_NOTICE = 'Demo: a throwaway keychain and data folder, deleted when you quit.';

let child: ChildProcess | null = null;
let scratch = '';

test.afterEach(async () => {
  if (child?.pid && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    // npm start runs a small process tree (npm, bash, dbus-run-session, node): stop all of it.
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('npm start without a D-Bus session runs a labelled demo that generates and verifies a key', async ({
  page,
}) => {
  test.setTimeout(180_000);
  scratch = mkdtempSync(join(tmpdir(), 'apexkeys-demo-test-'));
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!k.startsWith('APEXKEYS_') && k !== 'DBUS_SESSION_BUS_ADDRESS') env[k] = v;
  // No session bus anywhere: an empty runtime dir has no bus socket. The renderer is built into
  // the scratch dir, so the one the other tests serve is left alone.
  env.XDG_RUNTIME_DIR = join(scratch, 'runtime');
  env.APEXKEYS_PREVIEW_RENDERER_DIR = join(scratch, 'renderer');
  env.HOME = join(scratch, 'home');

  child = spawn('npm', ['start'], { cwd: REPO_ROOT, env, detached: true, stdio: 'pipe' });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child?.stdout?.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /^Preview: (\S+)$/m.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child?.once('exit', (code) => reject(new Error(`npm start exited ${code}: ${stderr}`)));
  });
  expect(stderr).toContain(DEMO_NOTICE);
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);

  await page.goto(url);
  await expect(page.getByRole('complementary', { name: 'Demo' })).toContainText(DEMO_NOTICE);
  await expect(page.getByRole('heading', { name: 'No keys yet' })).toBeVisible();
  await page.screenshot({
    path: join(REPO_ROOT, 'test-results/screenshots/demo-start.png'),
    animations: 'disabled',
    caret: 'hide',
  });
  await page.getByRole('button', { name: 'New key' }).click();
  const dialog = page.getByRole('dialog', { name: 'New key' });
  await dialog.getByRole('textbox', { name: 'Label' }).fill('demo-key');
  await dialog.getByRole('button', { name: 'Generate' }).click();
  await expect(dialog.getByRole('heading', { name: /demo-key/ })).toBeVisible();
  await page.keyboard.press('Escape');

  const panel = await openDetails(page, 'demo-key');
  await panel.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(panel.getByRole('group', { name: 'Last verification' })).toContainText(
    'Works: ApexVerify accepted the key.',
  );
  // The demo's data folder is its own: the user's default one was never created.
  expect(existsSync(join(env.HOME, '.config', 'ApexVerify Key Manager'))).toBe(false);
});
