// What the user is told: inline errors per place, a passing status message, the clipboard
// countdown, and which actions are running.
import { isKeychainError, isNetworkError, type ErrorInfo } from '../../../shared/errors.ts';
import type { SliceCreator } from './types.ts';

/** Where an error is shown: the list, the details panel, or one of the dialogs. */
export type ErrorScope =
  | 'list'
  | 'details'
  | 'newKey'
  | 'revoke'
  | 'env'
  | 'rotate'
  | 'accounts'
  | 'settings'
  | 'activity'
  | 'sync'
  | 'capture'
  | 'scan'
  | 'share'
  | 'receive'
  | 'backup'
  | 'restore'
  | 'inventory';

export interface ScopedError {
  /** What failed, as a phrase: "Verifying "ci-prod"". */
  what: string;
  error: ErrorInfo;
  /** Epoch ms when it happened, for a 429's "try again in N s" countdown. */
  at: number;
}

export interface Message {
  id: number;
  text: string;
  /** A disable that can be taken back: Undo re-enables this key through the same core call. */
  undoDisable?: string;
}

export interface ClipboardCountdown {
  label: string;
  /** Epoch ms at which main clears the clipboard (if it still holds the key). */
  clearsAt: number;
}

export interface MessagesSlice {
  errors: Partial<Record<ErrorScope, ScopedError>>;
  message: Message | null;
  clipboard: ClipboardCountdown | null;
  /** Running actions by name ("verify:<id>", "generate", ...), to disable their buttons. */
  pending: Record<string, true>;
  setError(scope: ErrorScope, what: string | null, error?: ErrorInfo): void;
  /** Shows the error, and re-checks the connection or the keychain when that is the cause. */
  failed(scope: ErrorScope, what: string, error: ErrorInfo): void;
  /** Replaces any older message: the newest outcome is the one shown. */
  say(text: string, undoDisable?: string): void;
  clearMessage(id: number): void;
  setClipboard(countdown: ClipboardCountdown | null): void;
  setPending(name: string, on: boolean): void;
}

let nextMessageId = 1;

export const createMessagesSlice: SliceCreator<MessagesSlice> = (set, get) => ({
  errors: {},
  message: null,
  clipboard: null,
  pending: {},
  setError(scope, what, error) {
    set((s) => {
      const errors = { ...s.errors };
      if (what === null || !error) delete errors[scope];
      else errors[scope] = { what, error, at: Date.now() };
      return { errors };
    });
  },
  failed(scope, what, error) {
    // A newer failure replaces an older success ("works.", "Saved") in the status bar.
    set({ message: null });
    get().setError(scope, what, error);
    if (isNetworkError(error)) void get().checkConnection();
    if (isKeychainError(error)) void get().boot();
  },
  say: (text, undoDisable) =>
    set({
      message: { id: nextMessageId++, text, ...(undoDisable === undefined ? {} : { undoDisable }) },
    }),
  clearMessage: (id) => set((s) => (s.message?.id === id ? { message: null } : {})),
  setClipboard: (clipboard) => set({ clipboard }),
  setPending(name, on) {
    set((s) => {
      const pending = { ...s.pending };
      if (on) pending[name] = true;
      else delete pending[name];
      return { pending };
    });
  },
});
