// A key's Last used: ApexVerify's last_used_at, said to be only this app's own check when it is
// one (a Verify, an import's proof): every call moves it, and the app's checks are not traffic.
import { useId } from 'react';
import { useNow } from '../hooks/use-now.ts';
import { exactTime, relativeTime } from '../lib/dates.ts';
import { RelativeTime } from './relative-time.tsx';

interface Props {
  iso: string | null;
  /** The view's lastUsedByApp. */
  byApp?: boolean | undefined;
  /** As RelativeTime's: -1 in the grid, 0 elsewhere. */
  tabIndex?: 0 | -1;
  /**
   * The list's form: the app's own check reads "App check", one line in the column's width
   * (the whole sentence, "Only this app's check, 2 minutes ago" and the exact time, would wrap
   * and grow the row); the sentence is its tooltip, as the exact time is a date's.
   */
  compact?: boolean;
}

export function LastUsed({ iso, byApp, tabIndex = 0, compact = false }: Props) {
  if (iso === null || byApp !== true)
    return <RelativeTime iso={iso} empty="Never" tabIndex={tabIndex} />;
  if (compact) return <AppCheck iso={iso} tabIndex={tabIndex} />;
  return (
    <span>
      Only this app&apos;s check, <RelativeTime iso={iso} tabIndex={tabIndex} />
    </span>
  );
}

function AppCheck({ iso, tabIndex }: { iso: string; tabIndex: 0 | -1 }) {
  const now = useNow(30_000);
  const tipId = useId();
  const sentence = `Only this app's check, ${relativeTime(iso, now)} (${exactTime(iso)})`;
  return (
    <span className="reltime last-used--app">
      <time
        dateTime={iso}
        title={sentence}
        tabIndex={tabIndex}
        aria-describedby={tipId}
        data-cell-focus=""
      >
        App check
      </time>
      <span role="tooltip" id={tipId} className="tooltip">
        {sentence}
      </span>
    </span>
  );
}
