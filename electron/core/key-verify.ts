// Verification: one key, or every live key with bounded concurrency, paced to a share of each
// account's rate limit so production traffic on the same account keeps the rest.
import { AppError } from '../../shared/errors.ts';
import type { Account, AppCall, KeyRecord, Verification } from '../../shared/schemas.ts';
import type { VerifyResult } from '../../shared/views.ts';
import { accountKey, findAccount } from './accounts.ts';
import { createRateGovernor, type ApexClient, type RateGovernor } from './apexverify/index.ts';
import type { CoreDeps } from './deps.ts';
import { noteAppCalls } from './app-calls.ts';
import { checkKey } from './key-check.ts';
import { isLive, resolveKey, type KeyRef } from './key-records.ts';
import { openRunOf, refuseDuringRun } from './rotation/lookup.ts';
import { recordEvent } from './audit.ts';
import { refuseRemoteOnly } from './remote-only.ts';
import { announcingWaits } from './verify-pace.ts';

// The result's one definition is its schema in shared/views.ts; re-exported for the core's users.

/** The requests sent, per key id: each moved that key's server last use (app-calls.ts). */
type Calls = Map<string, AppCall>;

/** The key's check, as `key verify` reports it; a secret missing from the keychain is a failure. */
async function check(
  deps: CoreDeps,
  client: ApexClient,
  key: KeyRecord,
  account: Account,
  calls: Calls,
): Promise<VerifyResult> {
  const c = await checkKey(deps, client, () => deps.vault.get(key.id));
  if (c.call) calls.set(key.id, c.call);
  const result: VerifyResult = {
    keyId: key.id,
    label: key.label,
    account: account.name,
    status: c.outcome,
    checkedAt: c.at,
  };
  if (c.credits) result.credits = c.credits;
  if (c.error) result.error = c.error;
  return result;
}

function toVerification(r: VerifyResult): Verification {
  const v: Verification = { at: r.checkedAt, outcome: r.status, credits: r.credits ?? null };
  if (r.error) v.errorCode = r.error.code;
  return v;
}

async function record(
  deps: CoreDeps,
  results: VerifyResult[],
  accounts: Map<string, { account: Account; client: ApexClient }>,
  calls: Calls,
): Promise<void> {
  // Fetch the server's view before taking the lock, then apply it to the fresh data.
  const remote = new Map<string, Awaited<ReturnType<ApexClient['listKeys']>>>();
  for (const { account, client } of accounts.values()) {
    if (account.mode !== 'api') continue;
    try {
      remote.set(account.id, await client.listKeys(await accountKey(deps, account)));
    } catch {
      // Last-used stays as it was: the verification results still count.
    }
  }
  // Last-used comes from the server in API mode; one list call per account refreshes every key.
  const fingerprints = await deps.store.update((data) => {
    const fps = new Map<string, { fingerprint: string; accountId: string }>();
    for (const r of results) {
      const k = data.keys.find((x) => x.id === r.keyId);
      if (!k) continue;
      k.lastVerification = toVerification(r);
      const call = calls.get(k.id);
      if (call) noteAppCalls(k, [call]);
      fps.set(k.id, { fingerprint: k.fingerprint, accountId: k.accountId });
    }
    for (const [accountId, keys] of remote) {
      const byId = new Map(keys.map((k) => [k.id, k]));
      for (const k of data.keys) {
        const rk = k.accountId === accountId && k.remoteId ? byId.get(k.remoteId) : undefined;
        if (rk) k.lastUsedAt = rk.last_used_at;
      }
      const acc = data.accounts.find((a) => a.id === accountId);
      if (acc) acc.lastSyncAt = deps.clock.now().toISOString();
    }
    return fps;
  });
  for (const r of results) {
    const k = fingerprints.get(r.keyId);
    await recordEvent(deps, {
      action: 'verified',
      keyId: r.keyId,
      accountId: k?.accountId ?? null,
      label: r.label,
      fingerprint: k?.fingerprint ?? null,
      outcome: r.status === 'ok' ? 'ok' : 'failed',
      detail: { status: r.status, error: r.error?.code ?? null },
    });
  }
}

export async function verifyKey(deps: CoreDeps, ref: KeyRef): Promise<VerifyResult> {
  const data = await deps.store.read();
  const { key, account } = resolveKey(data, ref);
  refuseRemoteOnly(key);
  // The old key of an open run is not called: its last use must show only real traffic.
  if (openRunOf(data, key.id)?.oldKeyId === key.id)
    refuseDuringRun(data, key, 'the app does not call the API with it until the rotation ends');
  const client = deps.clientFor(account);
  const calls: Calls = new Map();
  const result = await check(deps, client, key, account, calls);
  await record(deps, [result], new Map([[account.id, { account, client }]]), calls);
  return result;
}

export interface VerifyAllOptions {
  account?: string;
  /** Share of each account's rate limit to use; default from settings (0.5). */
  rateShare?: number;
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (p: { done: number; total: number; last: VerifyResult }) => void;
  /** A key left out, and why (the old key of an open rotation is never called). */
  onSkip?: (s: { keyId: string; label: string; account: string; reason: string }) => void;
  /**
   * Why an account's keys are left out of this run (its server is known to be unreachable), or
   * null to verify them. Asked once per account, before the run starts.
   */
  skipAccount?: (account: Account) => string | null;
  /** Once the keys are chosen, before the first is sent: what the run will do, and its pace. */
  onPlan?: (plan: VerifyPlan) => void;
  /** A worker has taken the key: it is checked now (sent, or waiting for its turn in the pace). */
  onCheck?: (keyId: string) => void;
  /** A 429 named its Retry-After: nothing more goes to the account before `until` (ISO). */
  onRateWait?: (wait: { account: string; until: string }) => void;
}

export interface VerifyPlan {
  share: number;
  /** The keys to send, in the order the workers take them. */
  keys: { id: string; accountId: string }[];
  /** The requests a second the account's governor allows now, or null until it has learned. */
  perSecond(accountId: string): number | null;
}

export async function verifyAll(
  deps: CoreDeps,
  opts: VerifyAllOptions = {},
): Promise<VerifyResult[]> {
  const data = await deps.store.read();
  const share = opts.rateShare ?? data.settings.rateShare;
  if (!(share > 0 && share <= 1))
    throw new AppError(
      'BAD_INPUT',
      'The rate share is a number greater than 0 and at most 1 (e.g. 0.5).',
    );
  const accountId = opts.account === undefined ? undefined : findAccount(data, opts.account).id;
  const unreachable = new Map(
    data.accounts.map((a) => [a.id, opts.skipAccount?.(a) ?? null] as const),
  );
  const skip = (k: KeyRecord, reason: string): false => {
    const account = data.accounts.find((a) => a.id === k.accountId)?.name ?? '';
    opts.onSkip?.({ keyId: k.id, label: k.label, account, reason });
    return false;
  };
  const keys = data.keys.filter((k) => {
    if (!isLive(k) || (accountId !== undefined && k.accountId !== accountId)) return false;
    if (k.custody === 'remote-only')
      return skip(k, 'created elsewhere: its secret is not on this device until it is captured');
    if (k.custody === 'held')
      return skip(k, `held by ${k.heldBy ?? 'its owner'}: this device has no copy of its secret`);
    const run = openRunOf(data, k.id);
    if (run?.oldKeyId === k.id)
      return skip(
        k,
        `the old key of open rotation ${run.id}: the app does not call the API with it until the rotation ends`,
      );
    const offline = unreachable.get(k.accountId);
    return offline ? skip(k, offline) : true;
  });
  const accounts = new Map<string, { account: Account; client: ApexClient }>();
  const governors = new Map<string, RateGovernor>();
  for (const account of data.accounts) {
    if (!keys.some((k) => k.accountId === account.id)) continue;
    const governor = announcingWaits(createRateGovernor({ share }), (sec) => {
      const until = new Date(deps.clock.now().getTime() + sec * 1000).toISOString();
      opts.onRateWait?.({ account: account.name, until });
    });
    governors.set(account.id, governor);
    // The run's Cancel also ends a wait (a rate slot, a Retry-After) and a request in flight.
    const client = deps.clientFor(account, {
      governor,
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    accounts.set(account.id, { account, client });
  }
  opts.onPlan?.({
    share,
    keys: keys.map((k) => ({ id: k.id, accountId: k.accountId })),
    perSecond: (id) => governors.get(id)?.ratePerSec ?? null,
  });
  const results: VerifyResult[] = new Array(keys.length);
  const calls: Calls = new Map();
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < keys.length) {
      if (opts.signal?.aborted)
        throw new AppError('CANCELLED', 'Verification was cancelled; results so far were kept.');
      const i = next++;
      const key = keys[i] as KeyRecord;
      const ctx = accounts.get(key.accountId) as { account: Account; client: ApexClient };
      opts.onCheck?.(key.id);
      const r = await check(deps, ctx.client, key, ctx.account, calls);
      // A check cut short by Cancel says nothing about the key: it is not recorded.
      if (opts.signal?.aborted)
        throw new AppError('CANCELLED', 'Verification was cancelled; results so far were kept.');
      results[i] = r;
      done++;
      opts.onProgress?.({ done, total: keys.length, last: r });
    }
  };
  const workers = Array.from(
    { length: Math.max(1, Math.min(opts.concurrency ?? 4, keys.length)) },
    worker,
  );
  const settled = await Promise.allSettled(workers);
  const finished = results.filter(Boolean);
  await record(deps, finished, accounts, calls);
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
  return finished;
}
