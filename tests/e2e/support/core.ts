// The test's side of the app: seeding keys through the real core, and reading back what really
// happened (the keychain, the store, the sandbox), so a spec proves effects and not only pixels.
import { expect } from '@playwright/test';
import { generateKey, type KeyMeta } from '../../../electron/core/keys.ts';
import type { KeyView } from '../../../shared/views.ts';
import type { ApiKey } from '../../../electron/sandbox/keys.ts';
import type { KeyRecord } from '../../../shared/schemas.ts';
import type { AppHandle } from './app.ts';

const DAY = 24 * 60 * 60 * 1000;

/** One key on the sandbox account, generated through the core as the CLI would. */
export function seedKey(
  app: AppHandle,
  label: string,
  meta: Partial<Omit<KeyMeta, 'label'>> = {},
): Promise<KeyView> {
  return generateKey(app.deps, { account: 'sandbox', label, environment: 'development', ...meta });
}

/** The store's record of a key (the preview host writes the same store). */
export async function storedKey(app: AppHandle, id: string): Promise<KeyRecord | undefined> {
  return (await app.deps.store.read()).keys.find((k) => k.id === id);
}

export async function storedByLabel(app: AppHandle, label: string): Promise<KeyRecord[]> {
  return (await app.deps.store.read()).keys.filter((k) => k.label === label);
}

/** Moves a key's creation date back, so its rotation falls due (overdue) without waiting. */
export async function backdate(app: AppHandle, id: string, days: number): Promise<void> {
  await app.deps.store.update((data) => {
    const k = data.keys.find((x) => x.id === id);
    if (!k) throw new Error(`no key ${id}`);
    k.createdAt = new Date(Date.now() - days * DAY).toISOString();
  });
}

/** What the sandbox answers to a request made with this key: 200 works, 401 does not. */
export async function sandboxAnswers(app: AppHandle, secret: string): Promise<number> {
  const res = await fetch(`${app.sandbox.url}/v1/account/credits`, {
    headers: { 'X-Api-Key': secret },
  });
  await res.arrayBuffer();
  return res.status;
}

/** The sandbox account's live keys as its API lists them (needs API mode). */
export async function sandboxKeys(app: AppHandle): Promise<ApiKey[]> {
  const res = await fetch(`${app.sandbox.url}/v1/api-keys`, {
    headers: { 'X-Api-Key': app.sandbox.bootstrapKey as string },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { api_keys: ApiKey[] }).api_keys;
}

/**
 * Resolves once the window's start-up connection check has reached the sandbox, so a fault a
 * test adds afterwards is taken by the request the test makes, not by that check.
 */
export async function connectionChecked(app: AppHandle): Promise<void> {
  await expect
    .poll(() => app.sandbox.stats.byPath['/v1/account/credits'] ?? 0, {
      message: 'the window checked the connection',
    })
    .toBeGreaterThan(0);
  // In API mode the window also syncs at start, and its first sync proves which listed key is
  // the account's own with requests of its own: wait for it to be recorded (ok or failed).
  if (app.account?.mode === 'api')
    await expect
      .poll(async () => (await app.deps.audit.list({})).some((e) => e.action === 'synced'), {
        message: 'the window synced at start',
      })
      .toBe(true);
}

/** The audit trail's entries for a key, oldest first, as "actor:action:outcome". */
export async function auditOf(app: AppHandle, keyId: string): Promise<string[]> {
  return (await app.deps.audit.list({ keyId })).map((e) => `${e.actor}:${e.action}:${e.outcome}`);
}
