// What the window's handlers need beyond the core: the clipboard, the browser, the transport.
import type { ClipboardGuard } from '../clipboard-guard.ts';
import type { CoreDeps } from '../deps.ts';

export interface AppContext {
  deps: CoreDeps;
  clipboard: ClipboardGuard;
  /** Opens an allow-listed https URL in the OS browser; false when it may not or could not. */
  openExternal(url: string): Promise<boolean>;
  transport: 'electron' | 'preview';
  /** Running as a demo on a throwaway keychain and data folder (the window says so). */
  demo?: boolean;
  platform: NodeJS.Platform;
}
