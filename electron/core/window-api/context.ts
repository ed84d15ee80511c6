// What the window's handlers need beyond the core: the clipboard, the browser, the transport.
import type { ChangeFeed } from '../change-feed.ts';
import type { ClipboardGuard } from '../clipboard-guard.ts';
import type { CoreDeps } from '../deps.ts';
import type { ReachabilityTracker } from '../reachability.ts';
import type { WindowPrefsStore } from '../window-prefs-file.ts';
import type { z } from 'zod';
import type { fileChannels } from '../../../shared/ipc/file-channels.ts';

export type ChooseRequest = z.output<(typeof fileChannels)['chooseFiles']['input']>;

/** The host's native choosers: absolute paths, or none when the user cancelled. */
export interface FileDialogs {
  choose(request: ChooseRequest): Promise<string[]>;
}

export interface AppContext {
  deps: CoreDeps;
  clipboard: ClipboardGuard;
  /** Opens an allow-listed https URL in the OS browser; false when it may not or could not. */
  openExternal(url: string): Promise<boolean>;
  transport: 'electron' | 'preview';
  /** Running as a demo on a throwaway keychain and data folder (the window says so). */
  demo?: boolean;
  platform: NodeJS.Platform;
  /** Outside changes to the data folder (waitForChange); none: the window never hears of any. */
  changes?: ChangeFeed;
  /** Per-account reachability; createHandlers makes one (fed by every client) when absent. */
  reachability?: ReachabilityTracker;
  /** The window's own preferences, kept by the host (electron-store, or a file in the preview). */
  windowPrefs?: WindowPrefsStore;
  /** Native file and folder choosers (Electron); none in the preview host. */
  dialogs?: FileDialogs;
}
