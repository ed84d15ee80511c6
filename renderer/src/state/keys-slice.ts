// Accounts and keys as the core shows them (views without secrets).
import type { AccountView, KeyView } from '../../../shared/views.ts';
import type { SliceCreator } from './types.ts';

export interface KeysSlice {
  accounts: AccountView[];
  keys: KeyView[];
  keysLoaded: boolean;
  loadKeys(): Promise<void>;
  /** Replaces a key by id, or adds it when new. */
  upsertKey(view: KeyView): void;
}

export const createKeysSlice: SliceCreator<KeysSlice> = (set, get, api) => ({
  accounts: [],
  keys: [],
  keysLoaded: false,
  async loadKeys() {
    // The rotations in progress come with the keys: each row says which step its run is at.
    const [accounts, keys, rotationsError] = await Promise.all([
      api.listAccounts({}),
      api.listKeys({ includeRevoked: true }),
      get().loadRotations(),
    ]);
    if (!accounts.ok) return get().failed('list', 'Loading the accounts', accounts.error);
    if (!keys.ok) return get().failed('list', 'Loading the keys', keys.error);
    set({ accounts: accounts.value, keys: keys.value, keysLoaded: true });
    if (rotationsError) get().failed('list', 'Loading the rotations in progress', rotationsError);
    else get().setError('list', null);
  },
  upsertKey(view) {
    set((s) => {
      const at = s.keys.findIndex((k) => k.id === view.id);
      if (at === -1) return { keys: [...s.keys, view] };
      const keys = s.keys.slice();
      keys[at] = view;
      return { keys };
    });
  },
});
