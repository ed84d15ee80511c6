// The grid's header row: one sort button per column, aria-sort on the sorted one; the account
// column, when shown, is not sorted (the list's sort is one of the saved window preferences).
import { useShallow } from 'zustand/react/shallow';
import { colIndex } from '../hooks/use-shown-columns.ts';
import { ACCOUNT_COLUMN, COLUMNS } from '../lib/key-list.ts';
import { useAppState } from '../state/context.ts';

interface Props {
  showAccount?: boolean;
  /** The ids of the columns shown (use-shown-columns.ts), for aria-colindex. */
  columns?: readonly string[] | undefined;
}

export function KeyTableHeader({ showAccount = false, columns }: Props) {
  const { sort, sortBy } = useAppState(useShallow((s) => ({ sort: s.sort, sortBy: s.sortBy })));
  return (
    <div role="rowgroup" className="grid__head">
      <div role="row" aria-rowindex={1} className="grid__row">
        {COLUMNS.map((c) => {
          const sorted = sort.column === c.id ? sort.direction : null;
          const header = (
            <div
              role="columnheader"
              key={c.id}
              data-column={c.id}
              aria-colindex={colIndex(columns, c.id)}
              aria-sort={sorted ?? 'none'}
              className={`grid__cell grid__cell--${c.id}`}
            >
              <button type="button" className="sort-button" onClick={() => sortBy(c.id)}>
                {c.title}
                <svg
                  className={`sort-icon${sorted ? ` sort-icon--${sorted}` : ''}`}
                  viewBox="0 0 10 10"
                  aria-hidden="true"
                  focusable="false"
                >
                  <path d="M2 6.5 5 3.5 8 6.5" />
                </svg>
              </button>
            </div>
          );
          if (c.id !== 'label' || !showAccount) return header;
          return [
            header,
            <div
              role="columnheader"
              key={ACCOUNT_COLUMN.id}
              data-column={ACCOUNT_COLUMN.id}
              aria-colindex={colIndex(columns, ACCOUNT_COLUMN.id)}
              className={`grid__cell grid__cell--${ACCOUNT_COLUMN.id} grid__cell--plain-head`}
            >
              {ACCOUNT_COLUMN.title}
            </div>,
          ];
        })}
      </div>
    </div>
  );
}
