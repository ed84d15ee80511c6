// The window's footer: passing messages, the clipboard countdown, and where the keys live.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppState } from '../state/context.ts';
import { CopyStatus } from './copy-status.tsx';

const MESSAGE_MS = 6000;

export function StatusBar() {
  const { message, clearMessage, transport, offline } = useAppState(
    useShallow((s) => ({
      message: s.message,
      clearMessage: s.clearMessage,
      transport: s.status?.transport,
      offline: s.connection?.online === false,
    })),
  );
  useEffect(() => {
    if (!message) return;
    const t = setTimeout(() => clearMessage(message.id), MESSAGE_MS);
    return () => clearTimeout(t);
  }, [message, clearMessage]);

  return (
    <footer className="status-bar">
      <div role="status" className="status-bar__message">
        {message?.text}
      </div>
      <CopyStatus />
      <div className="status-bar__info">
        <span className={`dot dot--${offline ? 'off' : 'on'}`} aria-hidden="true" />
        {offline ? 'ApexVerify unreachable' : 'Connected'} · Keys in the OS keychain
        {transport === 'preview' ? ' · Preview host' : ''}
      </div>
    </footer>
  );
}
