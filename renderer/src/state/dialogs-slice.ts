// Which dialog is open, and what the last revocation proved (a time, never a secret).
import type { RevokeResult } from '../../../shared/views.ts';
import type { SliceCreator } from './types.ts';

export type Dialog =
  | { kind: 'new-key' }
  | { kind: 'revoke'; keyId: string }
  | { kind: 'env'; keyId: string }
  | { kind: 'rotate'; keyId: string }
  | { kind: 'accounts'; adding?: boolean }
  | { kind: 'settings' }
  | { kind: 'activity' }
  | { kind: 'capture'; keyId: string }
  /** Find copies… (a scan of folders for the key). */
  | { kind: 'scan'; keyId: string }
  /** Share with a teammate… and Receive a key… (issue 14). */
  | { kind: 'share'; keyId: string }
  | { kind: 'receive' }
  /** Back up…, Restore… and Export inventory… (issue 14). */
  | { kind: 'backup' }
  | { kind: 'restore' }
  | { kind: 'inventory' };

/** The revoke channel's answer, flattened, with the key it was about. */
export type RevokeProof = { keyId: string; label: string } & RevokeResult['proof'] &
  Pick<RevokeResult, 'secretRemoved'>;

export interface DialogsSlice {
  dialog: Dialog | null;
  revokeProof: RevokeProof | null;
  openDialog(dialog: Dialog): void;
  closeDialog(): void;
}

export const createDialogsSlice: SliceCreator<DialogsSlice> = (set, get) => ({
  dialog: null,
  revokeProof: null,
  openDialog(dialog) {
    if (get().dialog) return;
    set({ dialog, revokeProof: null });
    get().setError(dialog.kind === 'new-key' ? 'newKey' : dialog.kind, null);
  },
  closeDialog: () => set({ dialog: null }),
});
