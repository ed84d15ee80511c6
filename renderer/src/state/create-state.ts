// The one store, built from the slice files, and created per transport so tests and the bench
// can give it their own API.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApexKeysApi } from '../../../shared/ipc/contract.ts';
import { createAccountsAdminSlice } from './accounts-admin-slice.ts';
import { createSettingsSlice } from './settings-slice.ts';
import { createActivitySlice } from './activity-slice.ts';
import { createSyncSlice } from './sync-slice.ts';
import { createLiveSlice } from './live-slice.ts';
import { createLocationsSlice } from './locations-slice.ts';
import { createDialogsSlice } from './dialogs-slice.ts';
import { createFiltersSlice } from './filters-slice.ts';
import { createKeyCommandsSlice } from './key-commands-slice.ts';
import { createKeysSlice } from './keys-slice.ts';
import { createMessagesSlice } from './messages-slice.ts';
import { createRotationSlice } from './rotation-slice.ts';
import { createSelectionSlice } from './selection-slice.ts';
import { createStatusSlice } from './status-slice.ts';
import type { AppState } from './types.ts';
import { createVerifySlice } from './verify-slice.ts';

export type AppStateApi = StoreApi<AppState>;

export function createAppState(api: ApexKeysApi): AppStateApi {
  return createStore<AppState>()((set, get) => ({
    ...createKeysSlice(set, get, api),
    ...createFiltersSlice(set, get, api),
    ...createSelectionSlice(set, get, api),
    ...createDialogsSlice(set, get, api),
    ...createStatusSlice(set, get, api),
    ...createVerifySlice(set, get, api),
    ...createMessagesSlice(set, get, api),
    ...createKeyCommandsSlice(set, get, api),
    ...createRotationSlice(set, get, api),
    ...createAccountsAdminSlice(set, get, api),
    ...createSettingsSlice(set, get, api),
    ...createActivitySlice(set, get, api),
    ...createSyncSlice(set, get, api),
    ...createLiveSlice(set, get, api),
    ...createLocationsSlice(set, get, api),
  }));
}

/**
 * The state's data without its functions, as a structured-clone-able copy: what the leak check
 * in the end-to-end tests reads. The store holds no secret by design, so this exposes none.
 */
export function snapshotState(store: AppStateApi): unknown {
  return JSON.parse(JSON.stringify(store.getState())) as unknown;
}
