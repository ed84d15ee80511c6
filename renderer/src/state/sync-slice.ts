// Sync with the server (API mode): on start, on window focus (at most once a minute per
// account), on Sync now, and after each key action. Only Sync now reports "nothing changed" and
// failures; the automatic ones speak only when the server changed something.
import { isNetworkError } from '../../../shared/errors.ts';
import type { OutputOf } from '../../../shared/ipc/contract.ts';
import type { SliceCreator } from './types.ts';

export type SyncResult = OutputOf<'syncAccounts'>;

/** Focus syncs an account at most this often. */
export const FOCUS_SYNC_INTERVAL_MS = 60_000;

export interface SyncSlice {
  lastSync: SyncResult | null;
  /** Epoch ms of each account's last sync, for the focus limit. */
  syncedAt: Record<string, number>;
  /** The Sync now button: every API-mode account; says the outcome, whatever it is. */
  syncNow(): Promise<void>;
  /** On start and after a key action: every API-mode account, quietly. */
  syncQuietly(): Promise<void>;
  /** On window focus: the API-mode accounts not synced in the last minute. */
  syncOnFocus(): Promise<void>;
  /** Capture…: the pasted secret passes straight through to the core, never into state. */
  captureRemoteKey(id: string, secret: string): Promise<boolean>;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** One sentence for the status bar: the changes when few, else their count. */
export function syncSummary(r: SyncResult): string {
  const changes = r.accounts.flatMap((a) => a.changes);
  const failed = r.accounts.filter((a) => a.outcome === 'failed');
  const parts: string[] = [];
  if (changes.length === 0) parts.push('Sync: nothing changed on the server.');
  else if (changes.length <= 3) parts.push(`Sync: ${changes.join(' ')}`);
  else parts.push(`Sync: ${plural(changes.length, 'change')} merged from the server.`);
  for (const a of failed)
    parts.push(`Account "${a.name}" could not be synced: ${a.error?.message ?? 'unknown error'}`);
  return parts.join(' ');
}

export const createSyncSlice: SliceCreator<SyncSlice> = (set, get, api) => {
  // One sync at a time. A quiet request made meanwhile folds into one more quiet run after the
  // current one; Sync now waits its turn and then runs, so its answer is about the server now.
  let running: Promise<void> | null = null;
  let quietAgain = false;

  async function run(accountIds: string[] | null, loud: boolean): Promise<void> {
    const calls =
      accountIds === null
        ? [api.syncAccounts({})]
        : accountIds.map((accountId) => api.syncAccounts({ accountId }));
    const results = await Promise.all(calls);
    const accounts: SyncResult['accounts'] = [];
    let syncedAt = new Date().toISOString();
    for (const r of results) {
      if (!r.ok) {
        // Said, not shown as an inline error: the toolbar has no room for one.
        if (loud) get().say(`Could not sync with the server: ${r.error.message}`);
        if (isNetworkError(r.error)) void get().checkConnection();
        continue;
      }
      accounts.push(...r.value.accounts);
      syncedAt = r.value.syncedAt;
    }
    if (results.every((r) => !r.ok)) return;
    const result: SyncResult = { accounts, syncedAt };
    const now = Date.now();
    set((s) => ({
      lastSync: result,
      syncedAt: {
        ...s.syncedAt,
        ...Object.fromEntries(accounts.map((a) => [a.accountId, now])),
      },
    }));
    const changed = accounts.some((a) => a.changes.length > 0);
    if (changed) {
      await get().loadKeys();
      get().bumpRevision();
    }
    if (loud || changed) get().say(syncSummary(result));
  }

  async function queue(accountIds: string[] | null, loud: boolean): Promise<void> {
    while (running) {
      if (!loud) {
        quietAgain = true;
        return running;
      }
      await running;
    }
    running = (async () => {
      try {
        await run(accountIds, loud);
        while (quietAgain) {
          quietAgain = false;
          await run(null, false);
        }
      } finally {
        running = null;
      }
    })();
    return running;
  }

  const apiAccounts = () => get().accounts.filter((a) => a.mode === 'api');

  return {
    lastSync: null,
    syncedAt: {},
    async syncNow() {
      get().setPending('sync', true);
      get().setError('sync', null);
      try {
        await queue(null, true);
      } finally {
        get().setPending('sync', false);
      }
    },
    syncQuietly: () => queue(null, false),
    async syncOnFocus() {
      const now = Date.now();
      const due = apiAccounts()
        .filter((a) => now - (get().syncedAt[a.id] ?? 0) >= FOCUS_SYNC_INTERVAL_MS)
        .map((a) => a.id);
      if (due.length > 0) await queue(due, false);
    },
    async captureRemoteKey(id, secret) {
      const label = get().keys.find((k) => k.id === id)?.label ?? id;
      get().setPending(`capture:${id}`, true);
      get().setError('capture', null);
      try {
        const r = await api.captureRemoteKey({ id, secret });
        if (!r.ok) {
          get().failed('capture', `Capturing "${label}"`, r.error);
          return false;
        }
        get().upsertKey(r.value);
        get().bumpRevision();
        get().say(`"${r.value.label}" is on this device now: its secret is in the keychain.`);
        return true;
      } finally {
        get().setPending(`capture:${id}`, false);
      }
    },
  };
};
