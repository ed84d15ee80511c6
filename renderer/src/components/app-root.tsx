// Wires a store and a transport into the app, and starts it.
import { useEffect, type ComponentType } from 'react';
import type { ApexKeysApi } from '../../../shared/ipc/contract.ts';
import { ApiContext, StateContext } from '../state/context.ts';
import type { AppStateApi } from '../state/create-state.ts';
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
  }, [store]);
  return (
    <ApiContext value={api}>
      <StateContext value={store}>{Table ? <App Table={Table} /> : <App />}</StateContext>
    </ApiContext>
  );
}
