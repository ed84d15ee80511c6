// Can the app work at all: the keychain, the store file, and whether ApexVerify can be reached.
import type { ErrorInfo } from '../../../shared/errors.ts';
import type { AppStatus, Connection } from '../../../shared/views.ts';
import type { SliceCreator } from './types.ts';

export type Phase = 'booting' | 'ready' | 'host-error';

export interface StatusSlice {
  phase: Phase;
  status: AppStatus | null;
  /** getStatus itself failed: the host (main process or preview) did not answer. */
  hostError: ErrorInfo | null;
  connection: Connection | null;
  checkingConnection: boolean;
  notices: string[];
  /** getStatus, then (when the keychain and the store are fine) the list and the connection. */
  boot(): Promise<void>;
  checkConnection(): Promise<void>;
  dismissNotices(): void;
}

export const createStatusSlice: SliceCreator<StatusSlice> = (set, get, api) => ({
  phase: 'booting',
  status: null,
  hostError: null,
  connection: null,
  checkingConnection: false,
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
  dismissNotices: () => set({ notices: [] }),
});

/** Offline is known only from a check that said so; unknown counts as online. */
export const selectOffline = (s: StatusSlice): boolean => s.connection?.online === false;
