// The renderer's entry: one transport, one store, the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickApi } from './api/transport.ts';
import { AppRoot } from './components/app-root.tsx';
import { createAppState, snapshotState } from './state/create-state.ts';
import './styles/index.ts';

declare global {
  interface Window {
    /** For the end-to-end leak check: a copy of the store's data (which never holds a secret). */
    __apexKeysState?: () => unknown;
  }
}

const api = pickApi();
const store = createAppState(api);
window.__apexKeysState = () => snapshotState(store);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <AppRoot store={store} api={api} />
  </StrictMode>,
);
