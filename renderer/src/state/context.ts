// React access to the store and the transport, through narrow selectors.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ApexKeysApi } from '../../../shared/ipc/contract.ts';
import type { AppStateApi } from './create-state.ts';
import type { AppState } from './types.ts';

export const StateContext = createContext<AppStateApi | null>(null);
export const ApiContext = createContext<ApexKeysApi | null>(null);

/** The store itself, for event handlers that read the latest state without subscribing. */
export function useAppStateApi(): AppStateApi {
  const store = useContext(StateContext);
  if (!store) throw new Error('useAppState needs a <StateContext> provider.');
  return store;
}

/** Select narrowly; wrap a selector that builds a new object or array in useShallow. */
export function useAppState<T>(selector: (s: AppState) => T): T {
  return useStore(useAppStateApi(), selector);
}

/** Only for calls whose result must not enter the store: Reveal, and opening the dashboard. */
export function useApi(): ApexKeysApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an <ApiContext> provider.');
  return api;
}
