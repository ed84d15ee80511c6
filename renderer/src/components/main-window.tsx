// The working window: banners and toolbar, the list beside the open key's details, the footer.
import type { ComponentType } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useReminderTarget } from '../hooks/use-reminder-target.ts';
import { useShortcuts } from '../hooks/use-shortcuts.ts';
import { useTitle } from '../hooks/use-title.ts';
import { useVisibleKeys } from '../hooks/use-visible-keys.ts';
import { useAppState } from '../state/context.ts';
import { DetailsPanel } from './details-panel.tsx';
import { DialogHost } from './dialog-host.tsx';
import { EmptyState } from './empty-state.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { FilterBar } from './filter-bar.tsx';
import { KeyTable, type KeyTableProps } from './key-table.tsx';
import { NoMatches } from './no-matches.tsx';
import { NoticesBanner } from './notices-banner.tsx';
import { OfflineBanner } from './offline-banner.tsx';
import { StatusBar } from './status-bar.tsx';
import { KEYS_HEADING_ID, Toolbar } from './toolbar.tsx';
import { VerifyAllBar } from './verify-all-bar.tsx';

interface Props {
  /** The bench swaps in a non-virtualized table as its baseline; the app never does. */
  Table?: ComponentType<KeyTableProps>;
}

export function MainWindow({ Table = KeyTable }: Props) {
  useShortcuts();
  useTitle();
  useReminderTarget();
  const keys = useVisibleKeys();
  const { total, loaded, openId, listError, setError } = useAppState(
    useShallow((s) => ({
      total: s.keys.length,
      loaded: s.keysLoaded,
      openId: s.openId,
      listError: s.errors.list,
      setError: s.setError,
    })),
  );
  return (
    <div className="app">
      <header className="app__header">
        <OfflineBanner />
        <NoticesBanner />
        <Toolbar shown={keys.length} />
        <FilterBar />
        <VerifyAllBar />
      </header>
      <main className={`split${openId ? ' split--open' : ''}`}>
        <div className="split__list">
          {listError && <ErrorAlert failure={listError} onDismiss={() => setError('list', null)} />}
          {!loaded ? (
            <p className="muted loading">Loading keys…</p>
          ) : total === 0 ? (
            <EmptyState />
          ) : keys.length === 0 ? (
            <NoMatches />
          ) : (
            <Table keys={keys} labelledBy={KEYS_HEADING_ID} />
          )}
        </div>
        {openId && <DetailsPanel key={openId} keyId={openId} />}
      </main>
      <StatusBar />
      <DialogHost />
    </div>
  );
}
