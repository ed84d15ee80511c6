// The toolbar's Data menu: Back up…, Restore… and Export inventory…, the window's own twins of
// the File menu's items (the preview host has no menu bar). A menu button (WAI-ARIA APG): Enter,
// Space or ↓ opens it on the first item, ↑ on the last; ↑/↓, Home and End move; Esc closes it and
// returns to the button; Tab or a click elsewhere closes it.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Dialog } from '../state/dialogs-slice.ts';
import { useAppState } from '../state/context.ts';

export const DATA_ITEMS: ReadonlyArray<{
  label: string;
  dialog: Dialog;
  /** The key that opens it with Ctrl (Cmd on macOS); use-shortcuts.ts handles it. */
  key: string;
}> = [
  { label: 'Back up…', dialog: { kind: 'backup' }, key: 'B' },
  { label: 'Restore…', dialog: { kind: 'restore' }, key: 'O' },
  { label: 'Export inventory…', dialog: { kind: 'inventory' }, key: 'E' },
];

export function DataMenu() {
  const openDialog = useAppState((s) => s.openDialog);
  const mac = useAppState((s) => s.status?.platform === 'darwin');
  const [open, setOpen] = useState<'first' | 'last' | null>(null);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const items = () => [
    ...(menuRef.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? []),
  ];

  useEffect(() => {
    if (open === null) return;
    const list = items();
    (open === 'first' ? list[0] : list.at(-1))?.focus();
    // A press outside the menu and its button closes it (focus goes where the user pressed).
    const away = (e: PointerEvent) => {
      const t = e.target as Node | null;
      if (!menuRef.current?.contains(t) && !buttonRef.current?.contains(t)) setOpen(null);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(null);
    if (refocus) buttonRef.current?.focus();
  };
  const choose = (dialog: Dialog) => {
    // Back on the button first: the dialog returns focus there when it closes.
    close(true);
    openDialog(dialog);
  };
  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(e.key === 'ArrowDown' ? 'first' : 'last');
    }
  };
  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => list[(i + list.length) % list.length]?.focus();
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(list.length - 1);
    else if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') {
      // Leave the menu closed and let Tab move on from the button.
      setOpen(null);
      return;
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="data-menu">
      <button
        ref={buttonRef}
        type="button"
        className="btn btn--default"
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open !== null ? menuId : undefined}
        onClick={() => (open === null ? setOpen('first') : close(false))}
        onKeyDown={onButtonKey}
      >
        Data <span aria-hidden="true">▾</span>
      </button>
      {open !== null && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label="Data"
          className="data-menu__list"
          onKeyDown={onMenuKey}
        >
          {DATA_ITEMS.map((item) => (
            <button
              key={item.dialog.kind}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="data-menu__item"
              aria-keyshortcuts={`Control+${item.key} Meta+${item.key}`}
              onClick={() => choose(item.dialog)}
            >
              <span>{item.label}</span>
              <kbd className="data-menu__key" aria-hidden="true">
                {mac ? `⌘${item.key}` : `Ctrl+${item.key}`}
              </kbd>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
