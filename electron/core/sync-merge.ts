// The merge of one account's server list into the store: pure, over StoreData, so every rule is
// tested without a server. The server wins for status and label (it is where keys are disabled,
// revoked and renamed); the device wins for environment, service, owner, notes and rotation
// period, which the server does not hold.
import type { Account, KeyRecord, StoreData } from '../../shared/schemas.ts';
import type { RemoteKey } from './apexverify/index.ts';
import { intentHolding } from './generate-intent.ts';
import { isLive } from './key-records.ts';
import { openRunOf } from './rotation/lookup.ts';
import { isOpenStep } from '../../shared/rotation.ts';

/** Where a key created elsewhere is filed until its owner says otherwise. */
export const REMOTE_ONLY_ENVIRONMENT = 'unsorted';

export interface MergeCounts {
  added: number;
  renamed: number;
  disabled: number;
  enabled: number;
  revoked: number;
}

export interface MergeOutcome {
  /** One line per change, in words: labels and counts, never a secret. */
  changes: string[];
  counts: MergeCounts;
  /** Keys this merge marked revoked: the caller deletes their secrets once the store says so. */
  revokedIds: string[];
}

export interface MergeInput {
  account: Account;
  remote: RemoteKey[];
  /** Server ids of account keys (this account's, and others' on the same server): listed by
   * the server, but the keys the app calls it with, not keys to manage. */
  accountKeyRemoteIds: ReadonlySet<string>;
  /**
   * Each record as it was read just before the list was asked for (by id). The list is a
   * snapshot: a key created, enabled or renamed here (another window, the CLI) while it was on
   * the way is not in it, or not as it is now, and must not be "corrected" by it. Only records
   * unchanged since then take the server's word.
   */
  before: ReadonlyMap<string, KeyRecord>;
  now: string;
  newId: () => string;
}

const clashNote = (data: StoreData, key: KeyRecord): string =>
  data.keys.some(
    (k) => k !== key && isLive(k) && k.accountId === key.accountId && k.label === key.label,
  )
    ? ` (another key here is also labelled "${key.label}": both are kept)`
    : '';

/**
 * A server key not yet linked here may be one this device is creating right now (a generate or
 * a rotation between the server's answer and the record's write): that process links it.
 */
function beingCreatedHere(data: StoreData, accountId: string, label: string): boolean {
  if (intentHolding(data, accountId, label)) return true;
  return data.rotations.some(
    (r) => r.accountId === accountId && isOpenStep(r.step) && r.pendingLabel === label,
  );
}

function remoteOnlyRecord(input: MergeInput, rk: RemoteKey): KeyRecord {
  return {
    id: input.newId(),
    accountId: input.account.id,
    remoteId: rk.id,
    label: rk.label,
    environment: REMOTE_ONLY_ENVIRONMENT,
    service: '',
    owner: '',
    notes: '',
    createdAt: rk.created_at,
    lastUsedAt: rk.last_used_at,
    lastVerification: null,
    status: rk.enabled ? 'active' : 'disabled',
    rotationPeriodDays: null,
    // No secret on this device, so nothing to fingerprint until it is captured.
    fingerprint: '',
    hint: '',
    revokedAt: null,
    custody: 'remote-only',
    locations: [],
  };
}

/** The records as read before listing, to compare with what the store holds at merge time. */
export function snapshotOf(data: StoreData, accountId: string): Map<string, KeyRecord> {
  return new Map(
    data.keys.filter((k) => k.accountId === accountId).map((k) => [k.id, structuredClone(k)]),
  );
}

const unchangedSince = (input: MergeInput, k: KeyRecord): boolean => {
  const was = input.before.get(k.id);
  return was !== undefined && JSON.stringify(was) === JSON.stringify(k);
};

/** Applies the server's list to `data` (inside the caller's store update) and says what changed. */
export function mergeRemoteKeys(data: StoreData, input: MergeInput): MergeOutcome {
  const { account, remote, now } = input;
  const counts: MergeCounts = { added: 0, renamed: 0, disabled: 0, enabled: 0, revoked: 0 };
  const changes: string[] = [];
  const revokedIds: string[] = [];
  const mine = data.keys.filter((k) => k.accountId === account.id);
  const listed = new Set(remote.map((rk) => rk.id));

  for (const rk of remote) {
    if (input.accountKeyRemoteIds.has(rk.id)) continue;
    const linked = mine.filter((k) => k.remoteId === rk.id);
    const live = linked.find(isLive);
    if (!live) {
      // A revoked record stays history: the server still listing its id does not revive it.
      if (linked.length > 0 || beingCreatedHere(data, account.id, rk.label)) continue;
      const record = remoteOnlyRecord(input, rk);
      data.keys.push(record);
      counts.added++;
      const disabled = rk.enabled ? '' : ', disabled';
      changes.push(
        `New key "${rk.label}" found on the server: not on this device${disabled}${clashNote(data, record)}.`,
      );
      continue;
    }
    // Changed here since the list was asked for: the next sync compares it again.
    if (!unchangedSince(input, live)) continue;
    live.lastUsedAt = rk.last_used_at;
    if (live.label !== rk.label) {
      const old = live.label;
      live.label = rk.label;
      counts.renamed++;
      changes.push(`"${old}" was renamed "${rk.label}" on the server${clashNote(data, live)}.`);
    }
    // A pending key belongs to its rotation, which checks it at every step.
    if (live.status === 'pending') continue;
    if (live.status === 'active' && !rk.enabled) {
      live.status = 'disabled';
      counts.disabled++;
      changes.push(`"${live.label}" was disabled on the server.`);
    } else if (live.status === 'disabled' && rk.enabled) {
      live.status = 'active';
      counts.enabled++;
      changes.push(`"${live.label}" was enabled on the server.`);
    }
  }

  for (const k of mine) {
    if (!isLive(k) || k.remoteId === null || listed.has(k.remoteId)) continue;
    // Either key of an open rotation is the rotation's to settle: it proves each revocation.
    if (k.status === 'pending' || openRunOf(data, k.id)) continue;
    // Made (or changed) here after the list was asked for: its absence proves nothing.
    if (!unchangedSince(input, k)) continue;
    k.status = 'revoked';
    k.revokedAt = now;
    counts.revoked++;
    revokedIds.push(k.id);
    changes.push(`"${k.label}" was deleted on the server: marked revoked.`);
  }
  return { changes, counts, revokedIds };
}
