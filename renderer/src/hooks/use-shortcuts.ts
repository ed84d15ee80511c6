// Window shortcuts: Ctrl/Cmd+N new key, Ctrl/Cmd+F filter, Ctrl/Cmd+B back up, Ctrl/Cmd+O
// restore, Ctrl/Cmd+E export the inventory, Delete revoke the focused row's key, Esc close the
// details. (Enter on a row is the grid's; Esc in a dialog is the dialog's.)
import { useEffect } from 'react';
import { FILTER_ID } from '../lib/element-ids.ts';
import type { Dialog } from '../state/dialogs-slice.ts';
import { useAppStateApi } from '../state/context.ts';

/**
 * The key of the grid row that has focus (the row itself or one of its date stops), else null.
 * Row shortcuts act on that row only: never on a remembered selection the user may not see.
 */
export const focusedRowKey = (t: EventTarget | null): string | null =>
  t instanceof HTMLElement
    ? (t.closest<HTMLElement>('[role="row"][data-key-id]')?.dataset.keyId ?? null)
    : null;

export function focusRow(id: string): void {
  document.querySelector<HTMLElement>(`[data-key-id="${CSS.escape(id)}"]`)?.focus();
}

/** The File menu's Back Up…, Restore… and Export Inventory… (electron/main/menu.ts replays them). */
const DATA_KEYS: ReadonlyMap<string, Dialog> = new Map([
  ['b', { kind: 'backup' }],
  ['o', { kind: 'restore' }],
  ['e', { kind: 'inventory' }],
]);

export function useShortcuts(): void {
  const store = useAppStateApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = store.getState();
      const mod = (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'n') {
        e.preventDefault();
        if (!s.dialog && s.accounts.length > 0) s.openDialog({ kind: 'new-key' });
        return;
      }
      const data = mod ? DATA_KEYS.get(key) : undefined;
      if (data) {
        // Always taken from the browser (Ctrl+O would open its own file chooser), even under a
        // dialog, which it then leaves alone.
        e.preventDefault();
        if (!s.dialog) s.openDialog(data);
        return;
      }
      if (s.dialog || e.defaultPrevented) return;
      if (mod && key === 'f') {
        e.preventDefault();
        const filter = document.getElementById(FILTER_ID);
        if (filter instanceof HTMLInputElement) {
          filter.focus();
          filter.select();
        }
        return;
      }
      if (e.key === 'Escape' && s.openId && (e.target as HTMLElement | null)?.id !== FILTER_ID) {
        e.preventDefault();
        const id = s.openId;
        s.closeDetails();
        focusRow(id);
        return;
      }
      const del = e.key === 'Delete' || (e.metaKey && e.key === 'Backspace');
      const id = del ? focusedRowKey(e.target) : null;
      if (id !== null) {
        const k = s.keys.find((x) => x.id === id);
        if (!k || k.status === 'revoked' || k.status === 'pending') return;
        e.preventDefault();
        s.openDialog({ kind: 'revoke', keyId: k.id });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
