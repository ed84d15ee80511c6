// A time as evidence: relative ("45 s ago", "3 minutes ago") and exact (the local date and time),
// both shown; ticking every second, so a recent time never reads stale.
import { useNow } from '../hooks/use-now.ts';
import { exactTime, relativeTime } from '../lib/dates.ts';

export function Stamp({ iso }: { iso: string }) {
  const now = useNow(1000);
  return (
    <span className="stamp">
      <time dateTime={iso}>{relativeTime(iso, now, true)}</time>{' '}
      <span className="muted">({exactTime(iso)})</span>
    </span>
  );
}
