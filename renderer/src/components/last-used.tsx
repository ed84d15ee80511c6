// A key's Last used: ApexVerify's last_used_at, said to be only this app's own check when it is
// one (a Verify, an import's proof): every call moves it, and the app's checks are not traffic.
import { RelativeTime } from './relative-time.tsx';

interface Props {
  iso: string | null;
  /** The view's lastUsedByApp. */
  byApp?: boolean | undefined;
  /** As RelativeTime's: -1 in the grid, 0 elsewhere. */
  tabIndex?: 0 | -1;
}

export function LastUsed({ iso, byApp, tabIndex = 0 }: Props) {
  if (iso === null || byApp !== true)
    return <RelativeTime iso={iso} empty="Never" tabIndex={tabIndex} />;
  return (
    <span>
      Only this app&apos;s check, <RelativeTime iso={iso} tabIndex={tabIndex} />
    </span>
  );
}
