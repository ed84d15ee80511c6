// A time as evidence: relative ("3 min ago") and exact (the local date and time), both shown.
import { useNow } from '../hooks/use-now.ts';
import { exactTime, relativeTime } from '../lib/dates.ts';

export function Stamp({ iso }: { iso: string }) {
  const now = useNow(30_000);
  return (
    <span className="stamp">
      <time dateTime={iso}>{relativeTime(iso, now)}</time>{' '}
      <span className="muted">({exactTime(iso)})</span>
    </span>
  );
}
