// The store's shape: one zustand store built from the slices below. Nothing here is ever a secret.
import type { StoreApi } from 'zustand/vanilla';
import type { ApexKeysApi } from '../../../shared/ipc/contract.ts';
import type { AccountsAdminSlice } from './accounts-admin-slice.ts';
import type { SettingsSlice } from './settings-slice.ts';
import type { ActivitySlice } from './activity-slice.ts';
import type { SyncSlice } from './sync-slice.ts';
import type { LiveSlice } from './live-slice.ts';
import type { LocationsSlice } from './locations-slice.ts';
import type { DialogsSlice } from './dialogs-slice.ts';
import type { FiltersSlice } from './filters-slice.ts';
import type { KeyCommandsSlice } from './key-commands-slice.ts';
import type { KeysSlice } from './keys-slice.ts';
import type { MessagesSlice } from './messages-slice.ts';
import type { RotationSlice } from './rotation-slice.ts';
import type { SelectionSlice } from './selection-slice.ts';
import type { StatusSlice } from './status-slice.ts';
import type { VerifySlice } from './verify-slice.ts';

export type AppState = KeysSlice &
  FiltersSlice &
  SelectionSlice &
  DialogsSlice &
  StatusSlice &
  VerifySlice &
  MessagesSlice &
  KeyCommandsSlice &
  RotationSlice &
  AccountsAdminSlice &
  SettingsSlice &
  ActivitySlice &
  SyncSlice &
  LiveSlice &
  LocationsSlice;

export type SetState = StoreApi<AppState>['setState'];
export type GetState = StoreApi<AppState>['getState'];

/** A slice gets the store's set/get and the transport; it never holds the transport in state. */
export type SliceCreator<T> = (set: SetState, get: GetState, api: ApexKeysApi) => T;
