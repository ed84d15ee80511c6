// Which of the key grid's columns are laid out, so aria-colcount and aria-colindex describe what
// is shown. grid-columns.css hides columns as the list narrows, and display: none takes a hidden
// column's cells out of the accessibility tree as well, so counting every column would announce
// "column 5 of 6" in a list of four. (Keeping hidden columns in the tree instead would make them
// stops the eye cannot see.) The CSS alone decides: this reads its result from the header cells
// whenever the grid's size changes, so no breakpoint is written twice.
import { useLayoutEffect, useState, type RefObject } from 'react';

const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** The ids of the columns shown, left to right; `all` (stable) until the grid is laid out. */
export function useShownColumns(
  gridRef: RefObject<HTMLElement | null>,
  all: readonly string[],
): readonly string[] {
  const [shown, setShown] = useState(all);
  useLayoutEffect(() => {
    const grid = gridRef.current;
    if (!grid) return;
    const measure = () => {
      const heads = grid.querySelectorAll<HTMLElement>('[role="columnheader"][data-column]');
      const laidOut = [...heads]
        .filter((h) => h.getClientRects().length > 0)
        .map((h) => h.dataset.column as string);
      // Nothing laid out (no layout engine, as in unit tests): every column is described.
      const next = laidOut.length > 0 ? laidOut : all;
      setShown((prev) => (same(prev, next) ? prev : next));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(grid);
    return () => observer.disconnect();
  }, [gridRef, all]);
  return shown;
}

/**
 * A cell's aria-colindex among the shown columns (1-based); undefined for a hidden one, and where
 * no list of shown columns is given (a grid that renders every row, whose DOM order says it).
 */
export function colIndex(shown: readonly string[] | undefined, id: string): number | undefined {
  const i = shown?.indexOf(id) ?? -1;
  return i < 0 ? undefined : i + 1;
}
