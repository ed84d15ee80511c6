// Keyboard for the key grid: arrows, Home/End and Page keys move between rows; Right and Left
// step through a row's dates (their exact time shows on focus); Enter opens the focused row, and
// only while a row has focus.
import type { KeyboardEvent } from 'react';

interface Options {
  count: number;
  activeIndex: number;
  pageSize: number;
  moveTo: (index: number) => void;
  open: (id: string) => void;
}

function cellStep(e: KeyboardEvent<HTMLElement>, row: HTMLElement): boolean {
  // A narrow list hides some columns and dates (grid.css): what is not laid out is not a stop.
  const stops = [...row.querySelectorAll<HTMLElement>('[data-cell-focus]')].filter(
    (el) => el.getClientRects().length > 0,
  );
  const at = stops.indexOf(e.target as HTMLElement);
  if (e.key === 'ArrowRight') {
    const next = stops[at + 1];
    if (next) next.focus();
    return true;
  }
  if (at === 0) row.focus();
  else if (at > 0) stops[at - 1]?.focus();
  return true;
}

export function useGridKeyboard({ count, activeIndex, pageSize, moveTo, open }: Options) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || count === 0) return;
    const row = (e.target as HTMLElement).closest<HTMLElement>('[role="row"]');
    const from = activeIndex < 0 ? 0 : activeIndex;
    let to: number | null = null;
    switch (e.key) {
      case 'ArrowDown':
        to = activeIndex < 0 ? 0 : from + 1;
        break;
      case 'ArrowUp':
        to = from - 1;
        break;
      case 'Home':
        to = 0;
        break;
      case 'End':
        to = count - 1;
        break;
      case 'PageDown':
        to = from + pageSize;
        break;
      case 'PageUp':
        to = from - pageSize;
        break;
      case 'ArrowRight':
      case 'ArrowLeft':
        if (row && cellStep(e, row)) e.preventDefault();
        return;
      case 'Enter': {
        // The row that has focus, never the remembered active one (it may be out of view).
        const id = row?.dataset.keyId;
        if (id) {
          e.preventDefault();
          open(id);
        }
        return;
      }
      default:
        return;
    }
    e.preventDefault();
    moveTo(Math.max(0, Math.min(count - 1, to)));
  };
}
