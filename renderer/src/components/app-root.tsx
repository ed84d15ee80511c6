// Wires a store and a transport into the app, and starts it.
import { useEffect, type ComponentType } from 'react';
import type { ApexKeysApi } from '../../../shared/ipc/contract.ts';
import { ApiContext, StoreContext } from '../store/context.ts';
import type { AppStore } from '../store/store.ts';
import { App } from './app.tsx';
import type { KeyTableProps } from './key-table.tsx';

interface Props {
  store: AppStore;
  api: ApexKeysApi;
  Table?: ComponentType<KeyTableProps>;
}

export function AppRoot({ store, api, Table }: Props) {
  useEffect(() => {
    void store.getState().boot();
  }, [store]);
  return (
    <ApiContext value={api}>
      <StoreContext value={store}>{Table ? <App Table={Table} /> : <App />}</StoreContext>
    </ApiContext>
  );
}
