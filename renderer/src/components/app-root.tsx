// Wires a store and a transport into the app, and starts it.
import { useEffect, type ComponentType } from 'react';
import type { ApexKeysApi } from '../../../shared/ipc/contract.ts';
import { ApiContext, StateContext } from '../state/context.ts';
import type { AppStateApi } from '../state/create-state.ts';
import { startWindowPrefs } from '../state/window-prefs.ts';
import { App } from './app.tsx';
import type { KeyTableProps } from './key-table.tsx';

interface Props {
  store: AppStateApi;
  api: ApexKeysApi;
  Table?: ComponentType<KeyTableProps>;
}

export function AppRoot({ store, api, Table }: Props) {
  useEffect(() => {
    void store.getState().boot();
    // The settings (theme, reminders) and the list's kept filter and sort, beside the boot.
    void store.getState().loadSettings();
    const stop = startWindowPrefs(store, api);
    return () => void stop.then((unsubscribe) => unsubscribe());
  }, [store, api]);
  // Outside changes (the CLI, another window) reach the open window; stops on unmount.
  useEffect(() => store.getState().startLive(), [store]);
  return (
    <ApiContext value={api}>
      <StateContext value={store}>{Table ? <App Table={Table} /> : <App />}</StateContext>
    </ApiContext>
  );
}
