// Mounts the real app on generated keys and no backend, with the virtualized table or the
// plain baseline, and installs window.__bench.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppRoot } from '../../../renderer/src/components/app-root.tsx';
import { createAppState } from '../../../renderer/src/state/create-state.ts';
import '../../../renderer/src/styles/index.ts';
import './bench.css';
import { installBenchHook, type BenchMode } from './bench-hook.ts';
import { fakeApi } from './fake-api.ts';
import { fakeKeys } from './fake-keys.ts';
import { PlainKeyTable } from './plain-key-table.tsx';

/** ?keys=N changes the count (default 10,000). */
export function startBench(mode: BenchMode): void {
  const count = Number(new URLSearchParams(location.search).get('keys') ?? 10_000);
  const keys = fakeKeys(count);
  const api = fakeApi(() => keys);
  const store = createAppState(api);
  installBenchHook(mode, store, count);
  // As in renderer/src/main.tsx; StrictMode adds no work in a production build.
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      {mode === 'baseline' ? (
        <AppRoot store={store} api={api} Table={PlainKeyTable} />
      ) : (
        <AppRoot store={store} api={api} />
      )}
    </StrictMode>,
  );
}
