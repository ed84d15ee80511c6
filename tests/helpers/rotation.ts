// Rotation tests in-process: a core (real store and audit in a temp dir, memory vault) with an
// account on a sandbox and one key to rotate, plus ways to see which key the app called with.
import { vi } from 'vitest';
import type { RotationRun } from '../../shared/rotation.ts';
import type { StoreData } from '../../shared/schemas.ts';
import { addAccount } from '../../electron/core/accounts.ts';
import type { KeyView } from '../../shared/views.ts';
import { generateKey, importKey } from '../../electron/core/keys.ts';
import type { Sandbox } from '../../electron/sandbox/server.ts';
import { makeCore } from './core.ts';

export type TestCore = Awaited<ReturnType<typeof makeCore>>;

export interface World {
  core: TestCore;
  old: KeyView;
  oldSecret: string;
  /** Server id of the old key (API mode: from generate; dashboard mode: from the "dashboard"). */
  oldRemoteId: string;
}

/** API mode: the old key generated through the API. */
export async function apiWorld(
  sandbox: Sandbox,
  prefix: string,
  label = 'prod-api',
): Promise<World> {
  const core = await makeCore(prefix);
  await addAccount(core, {
    name: 'acme',
    baseUrl: sandbox.url,
    secret: sandbox.bootstrapKey as string,
  });
  const old = await generateKey(core, {
    account: 'acme',
    label,
    environment: 'production',
    owner: 'ops',
    service: 'api',
  });
  return {
    core,
    old,
    oldSecret: core.vault.entries.get(old.id) as string,
    oldRemoteId: old.remoteId as string,
  };
}

/** Dashboard mode (a sandbox started with keyApi: false): the old key pasted from the dashboard. */
export async function dashboardWorld(
  sandbox: Sandbox,
  prefix: string,
  label = 'prod-api',
): Promise<World> {
  const core = await makeCore(prefix);
  await addAccount(core, {
    name: 'dash',
    baseUrl: sandbox.url,
    secret: sandbox.bootstrapKey as string,
    dashboardUrl: 'https://app.apexverify.com',
  });
  const issued = sandbox.issueKey(label);
  const old = await importKey(core, {
    account: 'dash',
    label,
    environment: 'production',
    secret: issued.key,
  });
  return { core, old, oldSecret: issued.key, oldRemoteId: issued.id };
}

/** Every X-Api-Key the app sends from now on (the client looks fetch up on each call). */
export function watchApiKeys(): { used: string[]; restore: () => void } {
  const used: string[] = [];
  const real = globalThis.fetch;
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const headers = new Headers(init?.headers);
    const key = headers.get('x-api-key');
    if (key) used.push(key);
    return real(input, init);
  });
  return { used, restore: () => spy.mockRestore() };
}

export async function runOf(core: TestCore, oldKeyId: string): Promise<RotationRun> {
  const run = (await core.store.read()).rotations.find((r) => r.oldKeyId === oldKeyId);
  if (!run) throw new Error('no run');
  return run;
}

/** Changes a run in the store directly, to set up states a rule must refuse. */
export async function editRun(
  core: TestCore,
  oldKeyId: string,
  change: (run: RotationRun, data: StoreData) => void,
): Promise<void> {
  await core.store.update((data) => {
    const run = data.rotations.find((r) => r.oldKeyId === oldKeyId);
    if (!run) throw new Error('no run');
    change(run, data);
  });
}

/** Server keys as the sandbox lists them (live ones only), read with the account key. */
export async function serverKeys(
  sandbox: Sandbox,
): Promise<Array<{ id: string; label: string; last_used_at: string | null }>> {
  const res = await fetch(`${sandbox.url}/v1/api-keys`, {
    headers: { 'X-Api-Key': sandbox.bootstrapKey as string },
  });
  return (
    (await res.json()) as {
      api_keys: Array<{ id: string; label: string; last_used_at: string | null }>;
    }
  ).api_keys;
}

export async function answers(sandbox: Sandbox, key: string): Promise<number> {
  return (await fetch(`${sandbox.url}/v1/account/credits`, { headers: { 'X-Api-Key': key } }))
    .status;
}
