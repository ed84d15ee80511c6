// Can the app work at all: the keychain, the store file, and whether ApexVerify can be reached.
import type { ErrorInfo } from '../../../shared/errors.ts';
import type { AccountView, AppStatus, Connection } from '../../../shared/views.ts';
import { unreachableAccounts, type UnreachableAccount } from '../lib/offline.ts';
import type { SliceCreator } from './types.ts';

export type Phase = 'booting' | 'ready' | 'host-error';

export interface StatusSlice {
  phase: Phase;
  status: AppStatus | null;
  /** getStatus itself failed: the host (main process or preview) did not answer. */
  hostError: ErrorInfo | null;
  connection: Connection | null;
  checkingConnection: boolean;
  /** Accounts whose Try again is running. */
  checkingAccounts: Record<string, true>;
  notices: string[];
  /** getStatus, then (when the keychain and the store are fine) the list and the connection. */
  boot(): Promise<void>;
  checkConnection(): Promise<void>;
  /** Try again for one account: probes only its server. */
  checkAccount(accountId: string): Promise<void>;
  dismissNotices(): void;
}

export const createStatusSlice: SliceCreator<StatusSlice> = (set, get, api) => ({
  phase: 'booting',
  status: null,
  hostError: null,
  connection: null,
  checkingConnection: false,
  checkingAccounts: {},
  notices: [],
  async boot() {
    const r = await api.getStatus({});
    if (!r.ok) return set({ phase: 'host-error', hostError: r.error });
    const status = r.value;
    set((s) => ({
      phase: 'ready',
      status,
      hostError: null,
      notices: [...s.notices, ...status.notices],
    }));
    if (status.keychain.state !== 'ok' || status.storeError) return;
    await Promise.all([get().loadKeys(), get().checkConnection()]);
  },
  async checkConnection() {
    if (get().checkingConnection) return;
    set({ checkingConnection: true });
    const r = await api.checkConnection({});
    // A failed check (store trouble, host gone) says nothing about the network: keep what we knew.
    set((s) => ({ checkingConnection: false, connection: r.ok ? r.value : s.connection }));
    if (!r.ok) get().setError('list', 'Checking the connection', r.error);
  },
  async checkAccount(accountId) {
    if (get().checkingAccounts[accountId]) return;
    set((s) => ({ checkingAccounts: { ...s.checkingAccounts, [accountId]: true } }));
    const r = await api.checkAccount({ accountId });
    set((s) => {
      const { [accountId]: _done, ...checkingAccounts } = s.checkingAccounts;
      if (!r.ok) return { checkingAccounts };
      return {
        checkingAccounts,
        connection: withAccount(s.connection, r.value),
        accounts: s.accounts.map((a) => (a.id === accountId ? r.value : a)),
      };
    });
    if (!r.ok) get().setError('list', 'Checking the connection', r.error);
  },
  dismissNotices: () => set({ notices: [] }),
});

/** The connection with one account's fresh reachability in it. */
function withAccount(connection: Connection | null, view: AccountView): Connection {
  const entry = { accountId: view.id, name: view.name, reachability: view.reachability };
  const before = connection?.accounts ?? [];
  const accounts = before.some((a) => a.accountId === view.id)
    ? before.map((a) => (a.accountId === view.id ? entry : a))
    : [...before, entry];
  const down = accounts.find((a) => a.reachability.state === 'offline');
  return {
    online: down === undefined,
    reason: down?.reachability.reason ?? null,
    checkedAt: connection?.checkedAt ?? new Date().toISOString(),
    accounts,
  };
}

/**
 * Offline (every account's server unreachable) is known only from a check that said so; unknown
 * counts as online. With several accounts, one unreachable server leaves the others working.
 */
export function selectOffline(s: StatusSlice): boolean {
  const c = s.connection;
  if (!c || c.online) return false;
  if (!c.accounts) return true;
  return c.accounts.length > 0 && c.accounts.every((a) => a.reachability.state === 'offline');
}

/** The accounts the last check (or Try again) could not reach. */
export const selectUnreachable = (
  s: Pick<StatusSlice, 'connection'> & { accounts: readonly AccountView[] },
): UnreachableAccount[] => unreachableAccounts(s.connection, s.accounts);
