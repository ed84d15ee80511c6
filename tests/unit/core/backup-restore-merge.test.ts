// The restore's merge rules (electron/core/backup/restore-merge.ts), on data alone: matched by
// fingerprint and never duplicated, never overwritten by an older copy, secrets restored only
// where missing (and never for a key held by a teammate), runs and settings only where absent.
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, type BackupDocument } from '../../../electron/core/backup/document.ts';
import { isNoOp, mergeBackup } from '../../../electron/core/backup/restore-merge.ts';
import { emptyStoreData, type KeyRecord, type StoreData } from '../../../shared/schemas.ts';
import type { RotationRun } from '../../../shared/rotation.ts';
import { sampleAccount } from '../../helpers/records.ts';

const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-02-01T00:00:00.000Z';

function key(id: string, over: Partial<KeyRecord> = {}): KeyRecord {
  return {
    id,
    accountId: 'acc_1',
    remoteId: `r-${id}`,
    label: id,
    environment: 'staging',
    service: '',
    owner: 'ops',
    notes: '',
    createdAt: T0,
    lastUsedAt: null,
    lastVerification: null,
    status: 'active',
    rotationPeriodDays: null,
    fingerprint: `fp-${id}`,
    hint: 'avk_…abcd',
    revokedAt: null,
    custody: 'local',
    locations: [],
    ...over,
  };
}

function run(id: string, oldKeyId: string, step: RotationRun['step']): RotationRun {
  return {
    id,
    accountId: 'acc_1',
    mode: 'api',
    oldKeyId,
    newKeyId: `new-${id}`,
    pendingLabel: `${oldKeyId}-next`,
    step,
    startedAt: T0,
    updatedAt: T0,
    generate: {
      owner: { pid: 4242, at: T0 },
      fingerprint: null,
      remoteId: null,
      storedAt: null,
      check: null,
      orphansRevoked: 0,
      confirmedAt: null,
    },
    envFilesReplaced: [],
    deploy: null,
    verify: null,
    revoke: null,
    abort: null,
  };
}

/** A store with account acc_1 and keys k1, k2; the backup is a copy of it with its secrets. */
function world() {
  const data: StoreData = emptyStoreData();
  data.accounts.push(sampleAccount('acc_1'));
  data.keys.push(key('k1'), key('k2'));
  const doc: BackupDocument = {
    format: BACKUP_FORMAT,
    version: 1,
    createdAt: T1,
    accounts: structuredClone(data.accounts),
    keys: structuredClone(data.keys),
    rotations: [],
    settings: structuredClone(data.settings),
    secrets: { accountKeys: { acc_1: 'account-secret' }, keys: { k1: 'secret-1', k2: 'secret-2' } },
  };
  const present = new Set(['account:acc_1', 'k1', 'k2']);
  return { data, doc, present };
}

let n = 0;
const newId = (kind: 'account' | 'key') => `${kind}-new-${++n}`;
const merge = (w: ReturnType<typeof world>) =>
  mergeBackup({ data: w.data, doc: w.doc, present: w.present, newId });

describe('restore merge', () => {
  it('changes nothing when the backup came from this very store', () => {
    const w = world();
    const before = structuredClone(w.data);
    const plan = merge(w);
    expect(isNoOp(plan.report)).toBe(true);
    expect(plan.secrets).toEqual([]);
    expect(w.data).toEqual(before);
    expect(plan.report.keys).toEqual({ added: 0, updated: 0, skipped: 2 });
  });

  it('fills an empty store: every account, key and secret, ids kept', () => {
    const w = world();
    w.data = emptyStoreData();
    w.present = new Set();
    const plan = merge(w);
    expect(w.data.accounts.map((a) => a.id)).toEqual(['acc_1']);
    expect(w.data.keys).toEqual(w.doc.keys);
    expect(plan.secrets).toEqual([
      { id: 'account:acc_1', secret: 'account-secret' },
      { id: 'k1', secret: 'secret-1' },
      { id: 'k2', secret: 'secret-2' },
    ]);
    expect(plan.report).toMatchObject({
      accounts: { added: 1, updated: 0, skipped: 0 },
      keys: { added: 2, updated: 0, skipped: 0 },
      secretsRestored: 3,
    });
  });

  it('matches keys by fingerprint whatever their id, and restores only missing secrets', () => {
    const w = world();
    w.data.keys[0] = key('other-id', { fingerprint: 'fp-k1', label: 'k1' });
    w.present.delete('k2');
    w.present.delete('k1');
    w.present.add('other-id');
    const plan = merge(w);
    expect(w.data.keys).toHaveLength(2);
    expect(plan.secrets).toEqual([{ id: 'k2', secret: 'secret-2' }]);
    expect(plan.report.keys).toEqual({ added: 0, updated: 0, skipped: 2 });
  });

  it('never moves a key back: revoked here stays, revoked there wins; active/disabled stays as here', () => {
    const w = world();
    w.data.keys[0] = key('k1', { status: 'revoked', revokedAt: T1 });
    w.data.keys[1] = key('k2', { status: 'disabled' });
    w.doc.keys.push(key('k3', { status: 'revoked', revokedAt: T0 }));
    w.data.keys.push(key('k3'));
    const plan = merge(w);
    expect(w.data.keys.map((k) => k.status)).toEqual(['revoked', 'disabled', 'revoked']);
    expect(w.data.keys[2]?.revokedAt).toBe(T0);
    expect(plan.report.keys).toEqual({ added: 0, updated: 1, skipped: 2 });
  });

  it('takes the later last use and verification, and keeps the metadata edited here', () => {
    const w = world();
    (w.data.keys[0] as KeyRecord).notes = 'edited here';
    Object.assign(w.doc.keys[0] as KeyRecord, {
      notes: 'old note',
      lastUsedAt: T1,
      lastVerification: { at: T1, outcome: 'ok', credits: null },
    });
    Object.assign(w.data.keys[1] as KeyRecord, { lastUsedAt: T1 });
    Object.assign(w.doc.keys[1] as KeyRecord, { lastUsedAt: T0 });
    const plan = merge(w);
    expect(w.data.keys[0]).toMatchObject({ notes: 'edited here', lastUsedAt: T1 });
    expect(w.data.keys[0]?.lastVerification?.at).toBe(T1);
    expect(w.data.keys[1]?.lastUsedAt).toBe(T1);
    expect(plan.report.keys).toEqual({ added: 0, updated: 1, skipped: 1 });
  });

  it('never restores the secret of a key handed over here; captures one found by sync', () => {
    const w = world();
    Object.assign(w.data.keys[0] as KeyRecord, { custody: 'held', heldBy: 'john' });
    w.data.keys[1] = key('synced', { custody: 'remote-only', fingerprint: '', remoteId: 'r-k2' });
    w.present = new Set(['account:acc_1']);
    const plan = merge(w);
    expect(plan.secrets).toEqual([{ id: 'synced', secret: 'secret-2' }]);
    expect(w.data.keys[1]).toMatchObject({ custody: 'local', fingerprint: 'fp-k2' });
    expect(w.data.keys[0]?.custody).toBe('held');
  });

  it('renames an account whose name is taken and a live key whose label is taken', () => {
    const w = world();
    w.data = emptyStoreData();
    w.data.accounts.push({ ...sampleAccount('mine'), name: 'Account acc_1' });
    w.data.keys.push(key('mine-k1', { accountId: 'mine', fingerprint: 'fp-x' }));
    w.doc.keys.push(key('k4', { label: 'k1', fingerprint: 'fp-k4' }));
    w.present = new Set();
    const plan = merge(w);
    expect(w.data.accounts.map((a) => a.name)).toEqual(['Account acc_1', 'Account acc_1-restored']);
    expect(w.data.keys.filter((k) => k.accountId === 'acc_1').map((k) => k.label)).toEqual([
      'k1',
      'k2',
      'k1-restored',
    ]);
    expect(plan.report.notes).toHaveLength(2);
  });

  it('gives a fresh id to a record whose id is taken here by another record', () => {
    const w = world();
    w.data.keys[0] = key('k1', { fingerprint: 'fp-unrelated', label: 'unrelated' });
    const plan = merge(w);
    const restored = w.data.keys.find((k) => k.fingerprint === 'fp-k1');
    expect(restored?.id).toMatch(/^key-new-/);
    expect(plan.secrets).toEqual([{ id: restored?.id, secret: 'secret-1' }]);
  });

  it('adds rotation runs only where absent, never a second open run of a key, owner cleared', () => {
    const w = world();
    w.data.rotations.push(run('here', 'k1', 'deploy'));
    w.doc.rotations.push(run('here', 'k1', 'deploy'), run('open-k1', 'k1', 'verify'));
    w.doc.rotations.push(run('done-k2', 'k2', 'done'));
    const plan = merge(w);
    expect(w.data.rotations.map((r) => r.id)).toEqual(['here', 'done-k2']);
    expect(w.data.rotations[1]?.generate.owner).toBeNull();
    expect(plan.report.rotations).toEqual({ added: 1, updated: 0, skipped: 2 });
  });

  it('takes settings only where absent: new environments, and fields still at the default', () => {
    const w = world();
    w.data.settings.theme = 'light';
    w.doc.settings = {
      ...w.doc.settings,
      theme: 'dark',
      clipboardClearSec: 90,
      rotationDays: { production: 30, staging: 60 },
    };
    const plan = merge(w);
    expect(w.data.settings).toMatchObject({
      theme: 'light',
      clipboardClearSec: 90,
      rotationDays: { production: 90, staging: 60 },
    });
    expect(plan.report.settingsApplied.sort()).toEqual([
      'clipboardClearSec',
      'rotationDays.staging',
    ]);
  });

  it("skips the backup's built-in sandbox, with its keys, when this installation has its own", () => {
    const w = world();
    const sandbox = { ...sampleAccount('sb'), name: 'sandbox', keyFingerprint: 'fp-sb-there' };
    w.doc.accounts.push(sandbox);
    w.doc.keys.push(key('sbk', { accountId: 'sb' }));
    w.data.accounts.push({ ...sandbox, id: 'sb-here', keyFingerprint: 'fp-sb-here' });
    const plan = merge(w);
    expect(w.data.accounts).toHaveLength(2);
    expect(w.data.keys.some((k) => k.id === 'sbk')).toBe(false);
    expect(plan.report.accounts.skipped).toBe(2);
    expect(plan.report.notes.join(' ')).toMatch(/built-in "sandbox" account was skipped/);
  });
});
