// The intent of a plain `key generate`, the mechanism rotation's generate step uses (a label and
// a keychain id reserved in the store before the server is asked): a process killed between the
// server's answer and the record's write leaves the intent, and the next generate for the
// account settles it, so there is never a live server key the app has no record of. Settling
// adopts the key when its secret reached the keychain and exactly one unrecorded server key has
// the label; otherwise it revokes those server keys and drops the unusable secret.
import type { Account, GenerateIntent, KeyRecord, StoreData } from '../../shared/schemas.ts';
import { accountKey } from './accounts.ts';
import type { RemoteKey } from './apexverify/index.ts';
import { recordEvent } from './audit.ts';
import type { CoreDeps } from './deps.ts';
import { secretOrNull } from './rotation/check.ts';
import { processAlive } from './rotation/deps.ts';
import { deleteServerKeys } from './rotation/generate.ts';

/** Intents this process is carrying out now: not crashed, whatever the store says. */
const inFlight = new Set<string>();

/** A process id can be reused after a crash; an intent this old is settled whoever has the pid. */
const STALE_MS = 10 * 60 * 1000;

export function intentHolding(
  data: StoreData,
  accountId: string,
  label: string,
  exceptKeyId?: string,
): GenerateIntent | undefined {
  return data.generating.find(
    (g) => g.accountId === accountId && g.label === label && g.keyId !== exceptKeyId,
  );
}

export function dropIntent(data: StoreData, keyId: string): void {
  data.generating = data.generating.filter((g) => g.keyId !== keyId);
}

/** Marks the intent as this process's own until `done` is called. */
export function claimIntent(keyId: string): () => void {
  inFlight.add(keyId);
  return () => inFlight.delete(keyId);
}

function abandoned(g: GenerateIntent, now: Date): boolean {
  if (inFlight.has(g.keyId)) return false;
  if (now.getTime() - Date.parse(g.startedAt) > STALE_MS) return true;
  return g.pid === process.pid || !processAlive(g.pid);
}

/** Builds the record of an adopted key from its intent, its secret and its server key. */
export type AdoptRecord = (intent: GenerateIntent, secret: string, remote: RemoteKey) => KeyRecord;

/**
 * Settles the account's abandoned intents; returns the records adopted. A failure (the server
 * or the keychain not answering) leaves the intent for the next run and is thrown.
 */
export async function settleIntents(
  deps: CoreDeps,
  account: Account,
  build: AdoptRecord,
): Promise<KeyRecord[]> {
  const data = await deps.store.read();
  const now = deps.clock.now();
  const open = data.generating.filter((g) => g.accountId === account.id && abandoned(g, now));
  const adopted: KeyRecord[] = [];
  for (const intent of open) {
    const record = await settleOne(deps, account, intent, build);
    if (record) adopted.push(record);
  }
  return adopted;
}

async function settleOne(
  deps: CoreDeps,
  account: Account,
  intent: GenerateIntent,
  build: AdoptRecord,
): Promise<KeyRecord | null> {
  const client = deps.clientFor(account);
  const acct = await accountKey(deps, account);
  const data = await deps.store.read();
  if (data.keys.some((k) => k.id === intent.keyId)) {
    await deps.store.update((d) => dropIntent(d, intent.keyId));
    return null;
  }
  // Server keys of another record (a key imported under this label elsewhere) are not ours.
  const known = new Set(data.keys.map((k) => k.remoteId).filter((id) => id !== null));
  const mine = (await client.listKeys(acct)).filter(
    (k) => k.label === intent.label && !known.has(k.id),
  );
  const held = await secretOrNull(deps, intent.keyId);
  if (held && mine.length === 1) {
    const record = build(intent, held, mine[0] as RemoteKey);
    await deps.store.update((d) => {
      dropIntent(d, intent.keyId);
      if (!d.keys.some((k) => k.id === record.id)) d.keys.push(record);
    });
    deps.store.notify(
      `An interrupted "key generate" of "${intent.label}" had created its key on the server; ` +
        'it is recorded now, its secret in the keychain.',
    );
    await recordEvent(deps, {
      action: 'generated',
      keyId: record.id,
      accountId: account.id,
      label: record.label,
      fingerprint: record.fingerprint,
      outcome: 'ok',
      detail: { remoteId: record.remoteId, recovered: true },
    });
    return record;
  }
  // A held secret with no single server key is useless; server keys nobody holds are a liability.
  await deleteServerKeys(client, acct, mine);
  if (held) await deps.vault.delete(intent.keyId);
  await deps.store.update((d) => dropIntent(d, intent.keyId));
  if (mine.length > 0)
    deps.store.notify(
      `An interrupted "key generate" of "${intent.label}" had left ${mine.length} key(s) on the ` +
        'server that the app never stored; they were revoked.',
    );
  return null;
}
