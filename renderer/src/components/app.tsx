// What the window shows first: loading, a stop screen (keychain, store, host), or the app.
import { useState, type ComponentType, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppState } from '../state/context.ts';
import { DemoBanner } from './demo-banner.tsx';
import { KeychainScreen } from './keychain-screen.tsx';
import type { KeyTableProps } from './key-table.tsx';
import { MainWindow } from './main-window.tsx';
import { ProblemScreen } from './problem-screen.tsx';

export function App({ Table }: { Table?: ComponentType<KeyTableProps> }) {
  const screen = <Screen {...(Table ? { Table } : {})} />;
  return (
    <>
      <DemoBanner />
      {screen}
    </>
  );
}

function Screen({ Table }: { Table?: ComponentType<KeyTableProps> }): ReactNode {
  const { phase, status, hostError, boot } = useAppState(
    useShallow((s) => ({ phase: s.phase, status: s.status, hostError: s.hostError, boot: s.boot })),
  );
  const [retrying, setRetrying] = useState(false);
  const retry = async () => {
    setRetrying(true);
    await boot();
    setRetrying(false);
  };

  if (phase === 'booting')
    return (
      <main className="screen" aria-busy="true">
        <p className="muted">Opening the keychain…</p>
      </main>
    );
  if (phase === 'host-error' && hostError)
    return (
      <ProblemScreen
        title="The app is not answering"
        explanation="The window could not reach the part of the app that holds the keychain and the store."
        error={hostError}
        retrying={retrying}
        onRetry={() => void retry()}
      />
    );
  if (!status) return null;
  if (status.keychain.state !== 'ok')
    return <KeychainScreen status={status} retrying={retrying} onRetry={() => void retry()} />;
  if (status.storeError)
    return (
      <ProblemScreen
        title="The key store cannot be read"
        explanation="The file that lists your keys (not the keys themselves, which stay in the keychain) could not be opened. Nothing was changed."
        error={status.storeError}
        retrying={retrying}
        onRetry={() => void retry()}
      />
    );
  return Table ? <MainWindow Table={Table} /> : <MainWindow />;
}
