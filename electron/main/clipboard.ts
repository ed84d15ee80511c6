// The system clipboard for the core's clipboard guard. CLIPBOARD only, never `clipboard.selection`
// (Linux PRIMARY), which would hand the key to any middle-click. Asynchronous since Electron 45.
import { clipboard, powerMonitor } from 'electron';
import {
  createClipboardGuard,
  type ClipboardGuard,
  type ClipboardLike,
} from '../core/clipboard-guard.ts';

export function systemClipboard(): ClipboardLike {
  return {
    writeText: (text) => clipboard.writeText(text),
    readText: () => clipboard.readText(),
    clear: () => clipboard.clear(),
  };
}

/** The app's guard; also cleared when the screen locks (macOS, Windows), if still unchanged. */
export function createAppClipboard(): ClipboardGuard {
  const guard = createClipboardGuard({ clipboard: systemClipboard() });
  powerMonitor.on('lock-screen', () => void guard.clearIfUnchanged());
  return guard;
}
