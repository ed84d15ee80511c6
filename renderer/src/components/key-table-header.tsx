// The grid's header row: one sort button per column, aria-sort on the sorted one.
import { useShallow } from 'zustand/react/shallow';
import { COLUMNS } from '../lib/key-list.ts';
import { useAppState } from '../state/context.ts';

export function KeyTableHeader() {
  const { sort, sortBy } = useAppState(useShallow((s) => ({ sort: s.sort, sortBy: s.sortBy })));
  return (
    <div role="rowgroup" className="grid__head">
      <div role="row" aria-rowindex={1} className="grid__row">
        {COLUMNS.map((c) => {
          const sorted = sort.column === c.id ? sort.direction : null;
          return (
            <div
              role="columnheader"
              key={c.id}
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
        })}
      </div>
    </div>
  );
}
