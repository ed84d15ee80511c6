// Shared setup for the window's handlers and the preview host: a real core (store and audit in a
// temp dir, an in-memory vault) with an account on a sandbox over real HTTP, the handlers wired as
// the app wires them, every call going through dispatch (the one path every transport takes).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join, relative } from 'node:path';
import { APP_CSP } from '../../shared/csp.ts';
import { AppError, type ErrorCode, type ErrorInfo } from '../../shared/errors.ts';
import type { Channel, InputOf, OutputOf, Result } from '../../shared/ipc/contract.ts';
import { addAccount } from '../../electron/core/accounts.ts';
import { dispatch } from '../../electron/core/window-api/dispatch.ts';
import { createHandlers, type Handlers } from '../../electron/core/window-api/handlers.ts';
import { createClipboardGuard, memoryClipboard } from '../../electron/core/clipboard-guard.ts';
import { generateKey } from '../../electron/core/keys.ts';
import {
  startSandboxServer,
  type Sandbox,
  type SandboxOptions,
} from '../../electron/sandbox/server.ts';
import { makeCore, type MemoryVault } from './core.ts';
import { makeTempDir } from './tmp.ts';

/** The memory vault, whose listIds a test can make fail as a locked or missing keychain would. */
export interface StatusVault extends MemoryVault {
  listIdsFails: ErrorCode | null;
}

export function withListIdsFault(inner: MemoryVault): StatusVault {
  const vault: StatusVault = {
    ...inner,
    listIdsFails: null,
    async listIds() {
      if (vault.listIdsFails) throw new AppError(vault.listIdsFails, 'Keychain refused (test).');
      return inner.listIds();
    },
  };
  return vault;
}

export type AppCore = Awaited<ReturnType<typeof makeCore>> & { vault: StatusVault };

export interface AppRig {
  core: AppCore;
  sandbox: Sandbox;
  accountId: string;
  /** Ids of the keys generated at start, in order. */
  keyIds: string[];
  clipboard: ReturnType<typeof memoryClipboard>;
  /** URLs handed to openExternal. */
  opened: string[];
  handlers: Handlers;
  call(channel: unknown, input: unknown): Promise<Result<unknown>>;
  /** The value of a call that must succeed. */
  ok<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
  /** The error of a call that must fail. */
  fail(channel: Channel, input: unknown): Promise<ErrorInfo>;
  /** Every secret seen so far: the account key and every key's, revoked ones included. */
  secrets(): string[];
  close(): Promise<void>;
}

export interface RigOptions {
  sandbox?: SandboxOptions;
  /** Labels of keys to generate at start (API mode only). */
  keys?: string[];
  openExternal?: (url: string) => Promise<boolean>;
}

export async function startAppRig(prefix: string, opts: RigOptions = {}): Promise<AppRig> {
  const base = await makeCore(prefix);
  const core: AppCore = { ...base, vault: withListIdsFault(base.vault) };
  const sandbox = await startSandboxServer({ rpm: 100_000, ...opts.sandbox });
  const account = await addAccount(core, {
    name: 'acme',
    baseUrl: sandbox.url,
    secret: sandbox.bootstrapKey as string,
  });
  const keyIds: string[] = [];
  for (const label of opts.keys ?? [])
    keyIds.push((await generateKey(core, { account: 'acme', label, environment: 'staging' })).id);

  const clipboard = memoryClipboard();
  const guard = createClipboardGuard({ clipboard });
  const opened: string[] = [];
  const openExternal = opts.openExternal ?? (async () => true);
  const handlers = createHandlers({
    deps: core,
    clipboard: guard,
    openExternal: async (url) => {
      opened.push(url);
      return openExternal(url);
    },
    transport: 'preview',
    platform: 'linux',
  });
  const seen = new Set<string>();
  const call = (channel: unknown, input: unknown) => dispatch(handlers, channel, input);
  return {
    core,
    sandbox,
    accountId: account.id,
    keyIds,
    clipboard,
    opened,
    handlers,
    call,
    async ok(channel, input) {
      const r = await call(channel, input);
      if (!r.ok) throw new Error(`${channel} failed: ${r.error.code}: ${r.error.message}`);
      return r.value as OutputOf<typeof channel>;
    },
    async fail(channel, input) {
      const r = await call(channel, input);
      if (r.ok) throw new Error(`${channel} succeeded where it must fail`);
      return r.error;
    },
    secrets() {
      for (const s of core.vault.entries.values()) seen.add(s);
      seen.add(sandbox.bootstrapKey as string);
      return [...seen];
    },
    async close() {
      guard.dispose();
      await sandbox.close();
    },
  };
}

/** An age recipient of no installation in the tests (made once with age-keygen). */
export const OTHER_RECIPIENT = 'age1uggrxstmg8pwta0pphh8l7jwstsesefgh02jy9zemmv45m8f8shqx4x2tg';

/** A valid input for every channel, built on real ids, so a near miss differs in one thing only. */
export function validInputs(ids: {
  keyId: string;
  accountId: string;
  label: string;
  envPath: string;
  /** For addAccount and removeAccount: a server, a key it accepts, the account's name. */
  baseUrl?: string;
  accountSecret?: string;
  accountName?: string;
}): { [C in Channel]: InputOf<C> } {
  const { keyId: id, accountId } = ids;
  const sharePath = join(dirname(ids.envPath), 'dev-shared.age');
  const backupPath = join(dirname(ids.envPath), 'apexkeys-backup.age');
  const account = {
    baseUrl: ids.baseUrl ?? 'http://127.0.0.1:9',
    secret: ids.accountSecret ?? 'x'.repeat(24),
    name: ids.accountName ?? 'sandbox',
  };
  return {
    getStatus: {},
    checkConnection: {},
    listAccounts: {},
    listKeys: { includeRevoked: true },
    generateKey: { accountId, label: 'fresh-one', environment: 'staging', owner: 'ops' },
    captureKey: { accountId, label: 'pasted', environment: 'staging', secret: 'x'.repeat(20) },
    updateKeyMeta: { id, patch: { notes: 'rotated by ops', rotationPeriodDays: 30 } },
    verifyKey: { id },
    startVerifyAll: {},
    getVerifyAll: { jobId: 'job-1' },
    cancelVerifyAll: { jobId: 'job-1' },
    copyKey: { id },
    revealKey: { id },
    writeKeyToEnv: { id, path: ids.envPath, variable: 'APEXVERIFY_API_KEY', makePrivate: true },
    setKeyEnabled: { id, enabled: false },
    revokeKey: { id, confirmLabel: ids.label },
    keyAudit: { id, limit: 10 },
    openDashboard: { accountId },
    listRotations: {},
    getRotation: { id },
    startRotation: { id },
    copyPendingKey: { id },
    revealPendingKey: { id },
    replaceInEnvFiles: { id, files: [ids.envPath] },
    confirmDeployed: { id },
    verifyRotation: { id, acceptRecentUse: false },
    finishRotation: { id, confirmLabel: ids.label },
    abortRotation: { id, choice: 'keep-new' },
    addAccount: { name: 'second', baseUrl: account.baseUrl, secret: account.secret },
    renameAccount: { accountId, name: 'renamed' },
    removeAccount: { accountId, confirmName: account.name },
    checkAccount: { accountId },
    getSettings: {},
    saveSettings: { clipboardClearSec: 45, theme: 'dark' },
    getWindowPrefs: {},
    setWindowPrefs: { statusFilter: 'all' },
    listActivity: { limit: 50 },
    takeReminderTarget: {},
    syncAccounts: {},
    captureRemoteKey: { id, secret: 'x'.repeat(20) },
    waitForChange: { since: 0, timeoutMs: 0 },
    keyLocations: { id, check: true },
    forgetLocation: { id, path: ids.envPath },
    startFindCopies: { id, dirs: [dirname(ids.envPath)] },
    getFindCopies: { jobId: 'job-1' },
    cancelFindCopies: { jobId: 'job-1' },
    replaceInAllLocations: { id },
    chooseFiles: { kind: 'folder', title: 'Choose a folder' },
    checkEnvTarget: { path: ids.envPath },
    getIdentity: {},
    // A plain share (no hand-over: the channels after it still use the key) to someone else's
    // recipient, so receiving that same file here is refused as not encrypted for us.
    shareKey: { id, recipients: [OTHER_RECIPIENT], path: sharePath, handover: false },
    receiveKey: { path: sharePath, verify: false },
    // A new backup, then restored where it came from (a no-op that says so); the inventory file.
    backupData: { path: backupPath, passphrase: 'correct horse battery staple' },
    restoreData: { path: backupPath, passphrase: 'correct horse battery staple' },
    exportInventory: { path: join(dirname(ids.envPath), 'inventory.csv'), format: 'csv' },
  };
}

/** Every file under a folder with a hash of its content: a write anywhere changes it. */
export function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** A built renderer stand-in: index.html with the app's CSP meta (as vite writes it), an asset. */
export function makeRendererDir(prefix: string): { dir: string; parent: string } {
  const parent = makeTempDir(prefix);
  const dir = join(parent, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${APP_CSP}">` +
      `<script type="module" src="./assets/app.js"></script></head><body><div id="root"></div></body></html>`,
  );
  writeFileSync(join(dir, 'assets', 'app.js'), 'export const app = 1;\n');
  return { dir, parent };
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One HTTP request to 127.0.0.1 with exactly these headers (fetch forbids setting Host). The
 * path is sent as given, unnormalised.
 */
export function rawRequest(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** A JSON POST to the preview API as the page would send it (same-origin). */
export async function previewApi(
  port: number,
  token: string,
  channel: string,
  input: unknown,
): Promise<Result<unknown>> {
  const r = await rawRequest(port, `/${token}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${port}` },
    body: JSON.stringify(input),
  });
  if (r.status !== 200) throw new Error(`preview API ${channel}: HTTP ${r.status}`);
  return JSON.parse(r.body) as Result<unknown>;
}
