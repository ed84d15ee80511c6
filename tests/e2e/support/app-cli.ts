// The built CLI against a test's app (the same data folder and keychain service as its preview
// host), for specs that check what the window saved the way a user of `apexkeys` would see it.
import { execFile, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AppHandle } from './app.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = `${repo}out/cli/main.js`;
let built = false;

/** Builds the CLI bundle once per worker: Playwright's global setup builds only the renderer. */
function ensureBuilt(): void {
  if (built) return;
  const r = spawnSync(process.execPath, [`${repo}scripts/build-cli.mjs`, '--quiet'], {
    cwd: repo,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('The CLI could not be built (scripts/build-cli.mjs).');
  built = true;
}

export function appCli(
  app: AppHandle,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  ensureBuilt();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      {
        cwd: repo,
        env: {
          ...process.env,
          APEXKEYS_DATA_DIR: app.dataDir,
          APEXKEYS_KEYCHAIN_SERVICE: app.keychainService,
          APEXKEYS_SANDBOX: 'off',
        },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
