// The sync merge, rule by rule: the server wins for status and label, the device for the rest;
// new keys arrive remote-only, keys gone from the server are marked revoked.
import { describe, expect, it } from 'vitest';
import type { RemoteKey } from '../../../electron/core/apexverify/index.ts';
import { mergeRemoteKeys, snapshotOf, type MergeInput } from '../../../electron/core/sync-merge.ts';
import {
  emptyStoreData,
  type Account,
  type KeyRecord,
  type StoreData,
} from '../../../shared/schemas.ts';

const NOW = '2026-12-02T00:00:00.000Z';

const account: Account = {
  id: 'acc_1',
  name: 'prod',
  baseUrl: 'http://127.0.0.1:1',
  dashboardUrl: 'https://app.apexverify.com',
  mode: 'api',
  keyFingerprint: 'fp-account',
  createdAt: NOW,
  lastSyncAt: null,
  keyRemoteId: null,
};

function local(over: Partial<KeyRecord>): KeyRecord {
  return {
    id: `key_${over.label ?? 'k'}`,
    accountId: account.id,
    remoteId: `rk_${over.label ?? 'k'}`,
    label: 'k',
    environment: 'production',
    service: 'billing',
    owner: 'ops',
    notes: 'local notes',
    createdAt: NOW,
    lastUsedAt: null,
    lastVerification: null,
    status: 'active',
    rotationPeriodDays: 30,
    fingerprint: 'fp',
    hint: 'avk_…abcd',
    revokedAt: null,
    custody: 'local',
    locations: [],
    ...over,
  };
}

const remote = (over: Partial<RemoteKey> & { id: string }): RemoteKey => ({
  label: over.id.replace(/^rk_/, ''),
  created_at: NOW,
  last_used_at: null,
  enabled: true,
  ...over,
});

function store(keys: KeyRecord[]): StoreData {
  const data = emptyStoreData();
  data.accounts.push(account);
  data.keys.push(...keys);
  return data;
}

let n = 0;
type Input = Omit<MergeInput, 'before'> & Partial<Pick<MergeInput, 'before'>>;
const input = (list: RemoteKey[], over: Partial<MergeInput> = {}): Input => ({
  account,
  remote: list,
  accountKeyRemoteIds: new Set(),
  now: NOW,
  newId: () => `key_new_${++n}`,
  ...over,
});

/** Merges with the records as they are now taken as the ones read before listing. */
const merge = (data: StoreData, i: Input) =>
  mergeRemoteKeys(data, { before: snapshotOf(data, account.id), ...i });

describe('mergeRemoteKeys', () => {
  it('changes nothing and says nothing when the server agrees', () => {
    const data = store([local({ label: 'api' })]);
    const before = structuredClone(data);
    const out = merge(data, input([remote({ id: 'rk_api' })]));
    expect(out.changes).toEqual([]);
    expect(data).toEqual(before);
  });

  it('adds a key created elsewhere as remote-only: no secret, no fingerprint', () => {
    const data = store([]);
    const out = merge(data, input([remote({ id: 'rk_ci', last_used_at: NOW })]));
    expect(out.counts.added).toBe(1);
    expect(out.changes).toEqual(['New key "ci" found on the server: not on this device.']);
    expect(data.keys).toEqual([
      expect.objectContaining({
        remoteId: 'rk_ci',
        label: 'ci',
        custody: 'remote-only',
        status: 'active',
        fingerprint: '',
        lastUsedAt: NOW,
      }),
    ]);
  });

  it('adds a key disabled elsewhere as disabled', () => {
    const data = store([]);
    const out = merge(data, input([remote({ id: 'rk_ci', enabled: false })]));
    expect(data.keys[0]?.status).toBe('disabled');
    expect(out.changes[0]).toContain('disabled');
  });

  it('leaves out the account keys the app calls the server with', () => {
    const data = store([]);
    const out = merge(
      data,
      input([remote({ id: 'rk_own' }), remote({ id: 'rk_other_account' })], {
        accountKeyRemoteIds: new Set(['rk_own', 'rk_other_account']),
      }),
    );
    expect(out.changes).toEqual([]);
    expect(data.keys).toEqual([]);
  });

  it('leaves a key a generate here is creating to that generate', () => {
    const data = store([]);
    data.generating.push({
      keyId: 'key_g',
      accountId: account.id,
      label: 'fresh',
      environment: 'staging',
      service: '',
      owner: '',
      notes: '',
      rotationPeriodDays: null,
      pid: 1,
      startedAt: NOW,
    });
    merge(data, input([remote({ id: 'rk_fresh' })]));
    expect(data.keys).toEqual([]);
  });

  it('keeps both keys on a label clash, and says so', () => {
    const data = store([local({ label: 'ci', remoteId: null })]);
    const out = merge(data, input([remote({ id: 'rk_other', label: 'ci' })]));
    expect(data.keys.map((k) => k.label)).toEqual(['ci', 'ci']);
    expect(out.changes[0]).toContain('another key here is also labelled "ci": both are kept');
  });

  it('follows a label renamed on the server, keeping the local metadata', () => {
    const data = store([local({ label: 'old' })]);
    const out = merge(data, input([remote({ id: 'rk_old', label: 'new' })]));
    expect(out.changes).toEqual(['"old" was renamed "new" on the server.']);
    expect(data.keys[0]).toMatchObject({
      label: 'new',
      environment: 'production',
      service: 'billing',
      owner: 'ops',
      notes: 'local notes',
      rotationPeriodDays: 30,
    });
  });

  it('says when a renamed label clashes with another live key', () => {
    const data = store([local({ label: 'a' }), local({ label: 'b' })]);
    const out = merge(data, input([remote({ id: 'rk_a', label: 'b' }), remote({ id: 'rk_b' })]));
    expect(out.changes).toEqual([
      '"a" was renamed "b" on the server (another key here is also labelled "b": both are kept).',
    ]);
  });

  it('takes the status from the server: disabled and enabled elsewhere', () => {
    const data = store([local({ label: 'on' }), local({ label: 'off', status: 'disabled' })]);
    const out = merge(
      data,
      input([remote({ id: 'rk_on', enabled: false }), remote({ id: 'rk_off', enabled: true })]),
    );
    expect(data.keys.map((k) => k.status)).toEqual(['disabled', 'active']);
    expect(out.changes).toEqual([
      '"on" was disabled on the server.',
      '"off" was enabled on the server.',
    ]);
    expect(out.counts).toMatchObject({ disabled: 1, enabled: 1 });
  });

  it('marks a key deleted on the server revoked, at the sync time', () => {
    const data = store([local({ label: 'gone' })]);
    const out = merge(data, input([]));
    expect(data.keys[0]).toMatchObject({ status: 'revoked', revokedAt: NOW });
    expect(out.changes).toEqual(['"gone" was deleted on the server: marked revoked.']);
  });

  it('leaves unlinked, revoked, pending and other accounts\u2019 keys alone', () => {
    const data = store([
      local({ label: 'unlinked', remoteId: null }),
      local({ label: 'old', status: 'revoked', revokedAt: NOW }),
      local({ label: 'pend', status: 'pending' }),
      local({ label: 'theirs', accountId: 'acc_2' }),
    ]);
    const before = structuredClone(data);
    // The revoked key's id still listed does not revive it or add a second record.
    const out = merge(data, input([remote({ id: 'rk_old' })]));
    expect(out.changes).toEqual([]);
    expect(data).toEqual(before);
  });

  it('refreshes the last use from the server without calling it a change', () => {
    const data = store([local({ label: 'api' })]);
    const out = merge(data, input([remote({ id: 'rk_api', last_used_at: NOW })]));
    expect(out.changes).toEqual([]);
    expect(data.keys[0]?.lastUsedAt).toBe(NOW);
  });

  it('leaves alone what changed here while the list was on the way (a key made or enabled meanwhile)', () => {
    const data = store([local({ label: 'api', status: 'disabled' })]);
    const before = snapshotOf(data, account.id);
    // Meanwhile, in another process: "api" is enabled, and "fresh" is generated (its server key
    // came after the list was made, so the list lacks it).
    const api = data.keys[0] as KeyRecord;
    api.status = 'active';
    data.keys.push(local({ id: 'key_fresh', label: 'fresh', remoteId: 'rk_fresh' }));
    const stale = [remote({ id: api.remoteId as string, label: 'api', enabled: false })];
    const out = merge(data, input(stale, { before }));
    expect(out.changes).toEqual([]);
    expect(data.keys.map((k) => [k.label, k.status])).toEqual([
      ['api', 'active'],
      ['fresh', 'active'],
    ]);
  });
});
