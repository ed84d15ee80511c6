// The window's footer: passing messages, the clipboard countdown, and where the keys live.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppState } from '../state/context.ts';
import { selectOffline, selectUnreachable } from '../state/status-slice.ts';
import { CopyStatus } from './copy-status.tsx';

const MESSAGE_MS = 6000;
/** A message with Undo stays longer: the user needs time to read it and reach the button. */
const UNDO_MS = 12_000;

function connectionText(checking: boolean, offline: boolean, down: number): string {
  // While a check runs (as right after a request failed to connect), "Connected" would be a
  // claim from before that failure.
  if (checking) return 'Checking the connection…';
  if (offline) return 'ApexVerify unreachable';
  return down > 0
    ? `Connected · ${down} ${down === 1 ? 'account' : 'accounts'} unreachable`
    : 'Connected';
}

export function StatusBar() {
  const { message, clearMessage, transport, offline, down, checking, undoPending, setEnabled } =
    useAppState(
      useShallow((s) => ({
        message: s.message,
        clearMessage: s.clearMessage,
        transport: s.status?.transport,
        offline: selectOffline(s),
        down: selectUnreachable(s).length,
        checking: s.checkingConnection,
        undoPending:
          s.message?.undoDisable !== undefined &&
          s.pending[`enable:${s.message.undoDisable}`] === true,
        setEnabled: s.setEnabled,
      })),
    );
  useEffect(() => {
    if (!message) return;
    const t = setTimeout(
      () => clearMessage(message.id),
      message.undoDisable === undefined ? MESSAGE_MS : UNDO_MS,
    );
    return () => clearTimeout(t);
  }, [message, clearMessage]);
  const undo = message?.undoDisable;

  return (
    <footer className="status-bar">
      <div role="status" className="status-bar__message">
        {message?.text}
        {undo !== undefined && (
          <>
            {' '}
            <button
              type="button"
              className="btn btn--quiet status-bar__undo"
              aria-disabled={undoPending || undefined}
              onClick={() => {
                // The same core call as Enable; one at a time, and the outcome replaces this.
                if (!undoPending) void setEnabled(undo, true);
              }}
            >
              Undo
            </button>
          </>
        )}
      </div>
      <CopyStatus />
      <div className="status-bar__info">
        <span
          className={`dot dot--${checking ? 'checking' : offline || down > 0 ? 'off' : 'on'}`}
          aria-hidden="true"
        />
        {connectionText(checking, offline, down)} · Keys in the OS keychain
        {transport === 'preview' ? ' · Preview host' : ''}
      </div>
    </footer>
  );
}
