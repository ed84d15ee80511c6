// How a backup merges into a store (issue 14): a pure function over the store's data, the backup
// document and the ids the keychain holds, so the rules are tested without a keychain. The rules
// (also in the README):
// - Accounts are the same when both the base URL and the account key's fingerprint match (the
//   same key on the same server is the same account, whatever its id or name). A matched account
//   is left as it is here. A new one is added; a name taken here gets "-restored". The built-in
//   sandbox of the backup is skipped, with its keys and runs, when this installation has its own.
// - Keys are the same when their fingerprints match (a key found by sync and never captured has
//   none: it matches by account and server id). A key is never added twice. A new one keeps its
//   metadata; a live label taken in the account gets "-restored".
// - A matched key is never overwritten by an older copy. The backup's copy is newer only when its
//   status moved further along pending → live (active or disabled) → revoked: then its status and
//   revokedAt replace the ones here. Active and disabled are one step (no record says which came
//   last), so the choice made here stands. lastUsedAt and lastVerification become the later of the
//   two. Metadata (label, environment, service, owner, notes, period, locations) stays as here.
// - Secrets: a key or account whose secret is missing from the keychain gets the backup's (never
//   for a revoked key, or one held by a teammate: the hand-over removed it on purpose). A key
//   found by sync here whose secret the backup holds is captured (custody local).
// - Rotation runs are added only when no run here has their id, their account and old key were
//   restored or matched, and (for an open run) no open run here rotates the same key.
// - Settings are taken only where absent here: an environment's rotation period not set here,
//   and each other setting only while it still holds the default here.
import { isOpenStep } from '../../../shared/rotation.ts';
import type { Account, KeyRecord, StoreData } from '../../../shared/schemas.ts';
import { accountVaultId } from '../accounts.ts';
import { BUILT_IN_SANDBOX_NAME, isBuiltInSandbox } from '../account-admin.ts';
import { isLive } from '../key-records.ts';
import type { BackupDocument } from './document.ts';
import { mergeSettings } from './merge-settings.ts';

export interface MergeCounts {
  added: number;
  updated: number;
  skipped: number;
}

export interface MergeReport {
  accounts: MergeCounts;
  keys: MergeCounts;
  rotations: MergeCounts;
  /** Secrets written into the keychain (account keys and key secrets). */
  secretsRestored: number;
  /** Settings taken from the backup, by name ("theme", "rotationDays.staging"). */
  settingsApplied: string[];
  /** One sentence each: renames, skipped accounts. */
  notes: string[];
}

export interface MergePlan {
  report: MergeReport;
  /** What to store in the keychain, by entry id, before the store is written. */
  secrets: Array<{ id: string; secret: string }>;
}

export interface MergeInput {
  /** Changed in place. */
  data: StoreData;
  doc: BackupDocument;
  /** The keychain's entry ids now. */
  present: ReadonlySet<string>;
  /** A fresh id for a record whose backup id is taken here; the same answer for the same id. */
  newId: (kind: 'account' | 'key', backupId: string) => string;
}

const counts = (): MergeCounts => ({ added: 0, updated: 0, skipped: 0 });

/** True when the merge changes nothing: restoring into the installation the backup came from. */
export function isNoOp(r: MergeReport): boolean {
  const moved = (c: MergeCounts) => c.added + c.updated > 0;
  return (
    !moved(r.accounts) &&
    !moved(r.keys) &&
    !moved(r.rotations) &&
    r.secretsRestored === 0 &&
    r.settingsApplied.length === 0
  );
}

/** `base`, or base-restored, base-restored-2…, within 64 characters, not in `taken`. */
function freeName(base: string, taken: (name: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '-restored' : `-restored-${n}`;
    const name = `${base.slice(0, 64 - suffix.length)}${suffix}`;
    if (!taken(name)) return name;
  }
}

const STEP: Record<KeyRecord['status'], number> = {
  pending: 0,
  active: 1,
  disabled: 1,
  revoked: 2,
};

const later = (a: string | null, b: string | null): string | null =>
  a === null ? b : b === null ? a : Date.parse(b) > Date.parse(a) ? b : a;

/** Applies the backup's copy where it is newer (the rule above); true when anything changed. */
function updateKey(here: KeyRecord, theirs: KeyRecord): boolean {
  const before = JSON.stringify(here);
  if (STEP[theirs.status] > STEP[here.status]) {
    here.status = theirs.status;
    here.revokedAt = theirs.revokedAt;
  }
  here.lastUsedAt = later(here.lastUsedAt, theirs.lastUsedAt);
  const at = later(here.lastVerification?.at ?? null, theirs.lastVerification?.at ?? null);
  if (
    theirs.lastVerification &&
    at === theirs.lastVerification.at &&
    at !== here.lastVerification?.at
  )
    here.lastVerification = theirs.lastVerification;
  return JSON.stringify(here) !== before;
}

function mergeAccounts(input: MergeInput, plan: MergePlan): Map<string, string> {
  const { data, doc, present } = input;
  const { report } = plan;
  const ids = new Map<string, string>();
  for (const a of doc.accounts) {
    const match = data.accounts.find(
      (x) => x.baseUrl === a.baseUrl && x.keyFingerprint === a.keyFingerprint,
    );
    let localId: string;
    if (match) {
      localId = match.id;
      report.accounts.skipped++;
    } else if (isBuiltInSandbox(a) && data.accounts.some((x) => x.name === BUILT_IN_SANDBOX_NAME)) {
      report.accounts.skipped++;
      report.notes.push(
        'The backup\'s built-in "sandbox" account was skipped, with its keys: this installation has its own.',
      );
      continue;
    } else {
      localId = data.accounts.some((x) => x.id === a.id) ? input.newId('account', a.id) : a.id;
      const name = freeName(a.name, (n) => data.accounts.some((x) => x.name === n));
      if (name !== a.name)
        report.notes.push(`Account "${a.name}" was added as "${name}": the name is taken here.`);
      const added: Account = { ...a, id: localId, name };
      data.accounts.push(added);
      report.accounts.added++;
    }
    ids.set(a.id, localId);
    const secret = doc.secrets.accountKeys[a.id];
    if (secret !== undefined && !present.has(accountVaultId(localId)))
      plan.secrets.push({ id: accountVaultId(localId), secret });
  }
  return ids;
}

function findTwin(data: StoreData, k: KeyRecord, accountId: string): KeyRecord | undefined {
  if (k.fingerprint !== '') {
    const byPrint = data.keys.find((x) => x.fingerprint === k.fingerprint);
    if (byPrint) return byPrint;
  }
  if (k.remoteId === null) return undefined;
  return data.keys.find(
    (x) =>
      x.accountId === accountId &&
      x.remoteId === k.remoteId &&
      (x.fingerprint === '' || k.fingerprint === ''),
  );
}

/** An id no record, intent, run or keychain entry here uses. */
function freeKeyId(input: MergeInput, backupId: string): string {
  const { data, present } = input;
  const used =
    present.has(backupId) ||
    data.keys.some((x) => x.id === backupId) ||
    data.generating.some((g) => g.keyId === backupId) ||
    data.rotations.some((r) => r.newKeyId === backupId);
  return used ? input.newId('key', backupId) : backupId;
}

function addKey(input: MergeInput, plan: MergePlan, k: KeyRecord, accountId: string): string {
  const { data } = input;
  const id = freeKeyId(input, k.id);
  const taken = (label: string) =>
    data.generating.some((g) => g.accountId === accountId && g.label === label) ||
    data.keys.some((x) => isLive(x) && x.accountId === accountId && x.label === label);
  const label = isLive(k) ? freeName(k.label, taken) : k.label;
  if (label !== k.label)
    plan.report.notes.push(`Key "${k.label}" was added as "${label}": the label is taken here.`);
  data.keys.push({ ...k, id, accountId, label });
  plan.report.keys.added++;
  const secret = input.doc.secrets.keys[k.id];
  if (secret !== undefined && k.custody === 'local' && isLive(k)) plan.secrets.push({ id, secret });
  return id;
}

function mergeKeys(input: MergeInput, plan: MergePlan, accounts: Map<string, string>) {
  const { data, doc, present } = input;
  const ids = new Map<string, string>();
  for (const k of doc.keys) {
    const accountId = accounts.get(k.accountId);
    if (accountId === undefined) {
      plan.report.keys.skipped++;
      continue;
    }
    const here = findTwin(data, k, accountId);
    if (!here) {
      ids.set(k.id, addKey(input, plan, k, accountId));
      continue;
    }
    ids.set(k.id, here.id);
    const secret = doc.secrets.keys[k.id];
    let changed = updateKey(here, k);
    if (secret !== undefined && here.custody === 'remote-only' && isLive(here)) {
      // Found by sync here, captured there: the backup's secret makes it a key of this device.
      Object.assign(here, { custody: 'local', fingerprint: k.fingerprint, hint: k.hint });
      changed = true;
      plan.secrets.push({ id: here.id, secret });
    } else if (
      secret !== undefined &&
      here.custody === 'local' &&
      isLive(here) &&
      here.fingerprint === k.fingerprint &&
      !present.has(here.id)
    )
      plan.secrets.push({ id: here.id, secret });
    if (changed) plan.report.keys.updated++;
    else plan.report.keys.skipped++;
  }
  return ids;
}

function mergeRotations(
  input: MergeInput,
  plan: MergePlan,
  accounts: Map<string, string>,
  keys: Map<string, string>,
): void {
  const { data, doc } = input;
  for (const r of doc.rotations) {
    const accountId = accounts.get(r.accountId);
    const oldKeyId = keys.get(r.oldKeyId);
    const clash =
      data.rotations.some((x) => x.id === r.id) ||
      (isOpenStep(r.step) &&
        data.rotations.some((x) => isOpenStep(x.step) && x.oldKeyId === oldKeyId));
    if (accountId === undefined || oldKeyId === undefined || clash) {
      plan.report.rotations.skipped++;
      continue;
    }
    data.rotations.push({
      ...r,
      accountId,
      oldKeyId,
      newKeyId: keys.get(r.newKeyId) ?? r.newKeyId,
      // A process id of another machine (or of a process long gone): no process here owns it.
      generate: { ...r.generate, owner: null },
    });
    plan.report.rotations.added++;
  }
}

/** Merges `doc` into `data` in place and says what the keychain must receive first. */
export function mergeBackup(input: MergeInput): MergePlan {
  const plan: MergePlan = {
    report: {
      accounts: counts(),
      keys: counts(),
      rotations: counts(),
      secretsRestored: 0,
      settingsApplied: [],
      notes: [],
    },
    secrets: [],
  };
  const accounts = mergeAccounts(input, plan);
  const keys = mergeKeys(input, plan, accounts);
  mergeRotations(input, plan, accounts, keys);
  mergeSettings(input.data, input.doc.settings, plan.report.settingsApplied);
  plan.report.secretsRestored = plan.secrets.length;
  return plan;
}
