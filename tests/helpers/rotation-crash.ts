// The crash test's parts: one scenario per kill point (its own data folder, keychain service and
// key on the shared sandbox), the child that rotates and is killed, and the invariants checked
// after every kill and at the end.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RotationRun } from '../../shared/rotation.ts';
import { storeDataSchema, type StoreData } from '../../shared/schemas.ts';
import { addAccount } from '../../electron/core/accounts.ts';
import type { CoreDeps } from '../../electron/core/deps.ts';
import { generateKey } from '../../electron/core/keys.ts';
import { wireCore } from '../../electron/core/wire.ts';
import { loadState } from '../../electron/sandbox/state.ts';
import type { Sandbox } from '../../electron/sandbox/server.ts';
import { fixture } from './fixture-bundles.ts';
import { makeTempDir } from './tmp.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const CHILD = fixture('rotation-crash-child');

export interface Scenario {
  label: string;
  dataDir: string;
  service: string;
  envFile: string;
  core: CoreDeps;
  oldId: string;
  oldRemoteId: string;
  oldSecret: string;
}

export async function setupScenario(sandbox: Sandbox, label: string): Promise<Scenario> {
  const dataDir = makeTempDir(`crash-${label}`);
  const service = `apexkeys-test-${randomUUID()}`;
  const core = await wireCore({ dataDir, keychainService: service, actor: 'cli' });
  await addAccount(core, {
    name: 'acme',
    baseUrl: sandbox.url,
    secret: sandbox.bootstrapKey as string,
  });
  const old = await generateKey(core, { account: 'acme', label, environment: 'production' });
  const oldSecret = await core.vault.get(old.id);
  // Outside the data folder: the .env writers refuse the app's own folder.
  const envFile = join(makeTempDir(`crash-${label}-env`), 'app.env');
  writeFileSync(envFile, `APEXVERIFY_API_KEY=${oldSecret}\n`);
  return {
    label,
    dataDir,
    service,
    envFile,
    core,
    oldId: old.id,
    oldRemoteId: old.remoteId as string,
    oldSecret,
  };
}

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function runChild(
  s: Scenario,
  ending: 'finish' | 'abort',
  killAt: string,
): Promise<ChildExit> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [CHILD, s.dataDir, s.service, s.label, s.envFile, ending, killAt],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr });
    });
  });
}

/** The store exactly as a new process would find it: it must parse. */
export function readStoreFile(s: Scenario): StoreData {
  return storeDataSchema.parse(JSON.parse(readFileSync(join(s.dataDir, 'apexkeys.json'), 'utf8')));
}

/** Every server key the scenario's rotation made or touched, revoked ones included. */
export function serverKeysOf(stateFile: string, s: Scenario) {
  return (loadState(stateFile) ?? []).filter(
    (k) => k.label === s.label || k.label.startsWith(`${s.label}-r`),
  );
}

/** Derived here, not taken from the core: a 200 of the new key after the deploy confirmation. */
export function postDeployVerification(run: RotationRun | undefined): boolean {
  const v = run?.verify;
  return Boolean(
    run?.deploy &&
    v?.confirmedAt &&
    v.check.outcome === 'ok' &&
    v.check.at >= run.deploy.confirmedAt,
  );
}

/** What must hold after any kill; returns the violations. */
export async function violations(s: Scenario, stateFile: string): Promise<string[]> {
  const out: string[] = [];
  let data: StoreData;
  try {
    data = readStoreFile(s);
  } catch (e) {
    return [`the store file does not parse: ${(e as Error).message}`];
  }
  const run = data.rotations[0];
  const oldOnServer = serverKeysOf(stateFile, s).find((k) => k.id === s.oldRemoteId);
  if (oldOnServer?.revokedAt && !postDeployVerification(run))
    out.push('the old key was revoked without a recorded post-deploy verification');
  for (const k of data.keys) {
    if (k.status === 'revoked' || (k.id !== s.oldId && k.id !== run?.newKeyId)) continue;
    const held = await s.core.vault.get(k.id).then(
      () => true,
      () => false,
    );
    if (!held) out.push(`the ${k.status} key ${k.label} has no secret in the keychain`);
  }
  if (data.rotations.length > 1) out.push(`${data.rotations.length} runs for one key`);
  return out;
}
