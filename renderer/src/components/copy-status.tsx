// The clipboard countdown after a Copy in the window's footer, restarted by every new copy.
import { useShallow } from 'zustand/react/shallow';
import { useAppState } from '../state/context.ts';
import { ClipboardCountdown } from './clipboard-countdown.tsx';

export function CopyStatus() {
  const { clipboard, setClipboard, inDialog } = useAppState(
    useShallow((s) => ({
      clipboard: s.clipboard,
      setClipboard: s.setClipboard,
      inDialog: s.dialog !== null,
    })),
  );
  // While a dialog is open the window behind it is inert: the dialog shows its own countdown.
  if (!clipboard || inDialog) return null;
  return (
    <ClipboardCountdown
      key={clipboard.clearsAt}
      clearsAt={clipboard.clearsAt}
      onDone={() => setClipboard(null)}
    />
  );
}
