// One app per test: a sandbox ApexVerify on 127.0.0.1, the real core on a throwaway data folder
// and keychain service, and the preview host serving the built renderer: inside the test's worker
// (its own start, electron/preview/start.ts), or, where the host must not reach the keychain, as
// a child process of the built bundle with no D-Bus session.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { addAccount } from '../../../electron/core/accounts.ts';
import type { CoreDeps } from '../../../electron/core/deps.ts';
import { wireCore } from '../../../electron/core/wire.ts';
import { parseHostConfig } from '../../../electron/hosts/config.ts';
import { startPreviewHost } from '../../../electron/preview/start.ts';
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';
import type { Account } from '../../../shared/schemas.ts';
import { makeTempDir } from '../../helpers/tmp.ts';
import { PREVIEW_BUNDLE } from './preview-bundle.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

export interface AppOptions {
  /** The sandbox account's mode: API (key management endpoints) or dashboard only. */
  mode: 'api' | 'dashboard';
  /** 'none': the preview host runs with no D-Bus session, so no keychain can be reached. */
  keychain: 'ok' | 'none';
}

export interface AppHandle {
  url: string;
  sandbox: Sandbox;
  deps: CoreDeps;
  account: Account | null;
  dataDir: string;
  /** The keychain service the host uses (for running the CLI against the same app). */
  keychainService: string;
  /** Every secret this app's keychain service holds (keys and the account key). */
  secrets(): Promise<string[]>;
  stop(): Promise<void>;
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const m = /^Preview: (\S+)$/m.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.once('exit', (code, signal) => {
      const why = `preview host exited (${code ?? signal}): ${err}`;
      reject(new Error(why));
      // After the start, an exit the test did not ask for is a crash: say why, where the test's
      // own failure ("connection refused") would not.
      if (!child.killed) console.error(why);
    });
  });
}

interface RunningHost {
  url: string;
  stop(): Promise<void>;
}

/**
 * The preview host on this environment. In the worker, the same start as `npm run preview`'s
 * (parseHostConfig, then startPreviewHost): a child process and the bundle's compile cost each
 * test seconds of a busy 2-core machine. Without a keychain it must be a process of its own: the
 * D-Bus session is the process's environment, and the worker's has one.
 */
async function startHost(
  env: NodeJS.ProcessEnv,
  keychain: AppOptions['keychain'],
): Promise<RunningHost> {
  if (keychain === 'ok') {
    const host = await startPreviewHost(parseHostConfig(env));
    return { url: host.url, stop: () => host.close() };
  }
  delete env.DBUS_SESSION_BUS_ADDRESS;
  const child = spawn(process.execPath, [PREVIEW_BUNDLE], {
    cwd: repo,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await waitForUrl(child);
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
    },
  };
}

export async function startApp(opts: AppOptions): Promise<AppHandle> {
  const dataDir = makeTempDir('e2e-data');
  const service = `apexkeys-e2e-${randomBytes(6).toString('hex')}`;
  const sandbox = await startSandboxServer({ port: 0, keyApi: opts.mode === 'api', rpm: 6000 });
  const deps = await wireCore({ dataDir, keychainService: service, actor: 'cli' });
  const account =
    opts.keychain === 'ok'
      ? await addAccount(deps, {
          name: 'sandbox',
          baseUrl: sandbox.url,
          secret: sandbox.bootstrapKey as string,
        })
      : null;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    APEXKEYS_DATA_DIR: dataDir,
    APEXKEYS_KEYCHAIN_SERVICE: service,
    APEXKEYS_SANDBOX: 'off',
    // Fail fast so an unreachable sandbox shows as offline within a second or two.
    APEXKEYS_HTTP_TIMEOUT_MS: '4000',
    APEXKEYS_HTTP_RETRIES: '0',
  };
  const host = await startHost(env, opts.keychain);
  const url = host.url;
  return {
    url,
    sandbox,
    deps,
    account,
    dataDir,
    keychainService: service,
    async secrets() {
      if (opts.keychain === 'none') return [sandbox.bootstrapKey as string];
      const ids = await deps.vault.listIds();
      const values = await Promise.all(ids.map((id) => deps.vault.get(id).catch(() => null)));
      return values.filter((v): v is string => typeof v === 'string');
    },
    async stop() {
      await host.stop();
      await sandbox.close().catch(() => undefined);
      if (opts.keychain === 'ok')
        for (const id of await deps.vault.listIds().catch(() => [])) await deps.vault.delete(id);
    },
  };
}
