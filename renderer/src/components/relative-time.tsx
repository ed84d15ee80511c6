// "3 days ago", with the exact local date and time as a tooltip on hover (title) and on
// keyboard focus (role tooltip, tied by aria-describedby).
import { useId } from 'react';
import { useNow } from '../hooks/use-now.ts';
import { exactTime, relativeTime } from '../lib/dates.ts';

interface Props {
  iso: string | null;
  /** Shown when there is no date. */
  empty?: string;
  /** In the grid, dates are reached with the arrow keys (-1); elsewhere with Tab (0). */
  tabIndex?: 0 | -1;
}

export function RelativeTime({ iso, empty = '—', tabIndex = 0 }: Props) {
  const now = useNow(30_000);
  const tipId = useId();
  if (iso === null) return <span className="muted">{empty}</span>;
  const exact = exactTime(iso);
  return (
    <span className="reltime">
      <time
        dateTime={iso}
        title={exact}
        tabIndex={tabIndex}
        aria-describedby={tipId}
        data-cell-focus=""
      >
        {relativeTime(iso, now)}
      </time>
      <span role="tooltip" id={tipId} className="tooltip">
        {exact}
      </span>
    </span>
  );
}
