// `npm run preview` as a process: one "Preview: <url>" line with a fresh token, the data folder
// and keychain service it was given (real keyring), and a clean stop on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREVIEW_CSP } from '../../../shared/csp.ts';
import { accountVaultId, addAccount } from '../../../electron/core/accounts.ts';
import { wireCore } from '../../../electron/core/wire.ts';
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';
import { makeRendererDir, previewApi, rawRequest } from '../../helpers/app.ts';
import { hasTestKeyring, keyringSkipReason } from '../../helpers/keyring.ts';
import { makeTempDir } from '../../helpers/tmp.ts';
import { REPO_ROOT } from '../../helpers/repo-root.ts';

if (!hasTestKeyring) console.log(`preview-main: ${keyringSkipReason}`);

const ROOT = REPO_ROOT;
const LINE = /^Preview: (http:\/\/127\.0\.0\.1:(\d+)\/([A-Za-z0-9_-]{20,})\/)$/;

interface Running {
  child: ChildProcess;
  url: string;
  port: number;
  token: string;
  /** Resolves with everything the process printed once it has exited. */
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Starts the preview entry point and waits for its one line; its output is logged for the scan. */
function startMain(env: Record<string, string>): Promise<Running> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, APEXKEYS_SANDBOX: 'off' };
  delete childEnv.APEXKEYS_PREVIEW_PORT;
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/preview/main.ts'], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((done) =>
    child.on('close', (code) => {
      logRun(stdout, stderr);
      done({ code, stdout, stderr });
    }),
  );
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`no Preview line within 30 s; stderr: ${stderr}`));
    }, 30_000);
    void exited.then(() => fail(new Error(`preview exited early; stderr: ${stderr}`)));
    child.stdout?.on('data', () => {
      const m = LINE.exec(stdout.split('\n')[0] ?? '');
      if (!m || !stdout.includes('\n')) return;
      clearTimeout(timer);
      ok({ child, url: m[1] as string, port: Number(m[2]), token: m[3] as string, exited });
    });
  });
}

function logRun(stdout: string, stderr: string): void {
  const root = process.env.APEXKEYS_TEST_ROOT;
  if (!root) return;
  mkdirSync(join(root, 'cli-output'), { recursive: true });
  const file = join(root, 'cli-output', `preview-main-${randomUUID()}.log`);
  writeFileSync(file, `--- stdout\n${stdout}\n--- stderr\n${stderr}\n`);
}

async function stop(r: Running) {
  r.child.kill('SIGTERM');
  return r.exited;
}

describe.skipIf(!hasTestKeyring)('npm run preview (electron/preview/main.ts)', () => {
  let sandbox: Sandbox;
  let env: Record<string, string>;
  let deps: Awaited<ReturnType<typeof wireCore>>;
  /** Keychain entries this suite made, removed at the end. */
  const cleanup: string[] = [];

  beforeAll(async () => {
    sandbox = await startSandboxServer({ rpm: 100_000 });
    const dataDir = makeTempDir('preview-main');
    const service = `apexkeys-test-${randomUUID()}`;
    // The account is added beforehand through the core, into that folder and keyring service.
    deps = await wireCore({ dataDir, keychainService: service, actor: 'cli' });
    const account = await addAccount(deps, {
      name: 'preview-acct',
      baseUrl: sandbox.url,
      secret: sandbox.bootstrapKey as string,
    });
    cleanup.push(accountVaultId(account.id));
    env = {
      APEXKEYS_DATA_DIR: dataDir,
      APEXKEYS_KEYCHAIN_SERVICE: service,
      APEXKEYS_PREVIEW_RENDERER_DIR: makeRendererDir('preview-main').dir,
    };
  });
  afterAll(async () => {
    for (const id of cleanup) await deps?.vault.delete(id);
    await sandbox?.close();
  });

  it('prints one Preview line, serves that data folder and keychain, and stops on SIGTERM', async () => {
    const run = await startMain(env);
    try {
      const index = await rawRequest(run.port, `/${run.token}/`);
      expect(index.status).toBe(200);
      expect(index.body).toContain(`content="${PREVIEW_CSP}"`);
      // The stand-in renderer it was pointed at, not out/renderer.
      expect((await rawRequest(run.port, `/${run.token}/assets/app.js`)).status).toBe(200);
      expect((await rawRequest(run.port, '/')).status).toBe(403);

      const api = (channel: string) => previewApi(run.port, run.token, channel, {});
      expect(await api('listAccounts')).toEqual({
        ok: true,
        value: [expect.objectContaining({ name: 'preview-acct', isSandbox: true, mode: 'api' })],
      });
      expect(await api('getStatus')).toMatchObject({
        ok: true,
        value: { keychain: { state: 'ok' }, transport: 'preview', storeError: null },
      });
      expect(await api('checkConnection')).toMatchObject({ ok: true, value: { online: true } });
      // Generating needs the account key from that keychain service, and leaves the new secret there.
      const accountId = ((await api('listAccounts')) as { value: [{ id: string }] }).value[0].id;
      const made = await previewApi(run.port, run.token, 'generateKey', {
        accountId,
        label: 'from-preview',
        environment: 'staging',
      });
      expect(made).toMatchObject({ ok: true, value: { label: 'from-preview', status: 'active' } });
      const keyId = (made as { value: { id: string } }).value.id;
      cleanup.push(keyId);
      expect(await deps.vault.get(keyId)).toMatch(/^avk_/);
    } finally {
      const { code, stdout } = await stop(run);
      expect(code).toBe(0);
      expect(stdout.split('\n').filter(Boolean)).toEqual([`Preview: ${run.url}`]);
    }
    await expect(rawRequest(run.port, `/${run.token}/`)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('makes a new token on every start', async () => {
    const [a, b] = await Promise.all([startMain(env), startMain(env)]);
    try {
      expect(a?.token).not.toBe(b?.token);
      expect(a?.port).not.toBe(b?.port);
    } finally {
      await Promise.all([a, b].map((r) => r && stop(r)));
    }
  });
});

describe('npm run preview with a bad setting', () => {
  it('exits 2 with one line naming the variable and its allowed values', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/preview/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, APEXKEYS_SANDBOX_PORT: 'lots' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    logRun(stdout, stderr);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^preview: APEXKEYS_SANDBOX_PORT="lots" is not allowed; use a port, 0 to 65535/,
      ),
    ]);
  });
});
