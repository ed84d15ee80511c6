// When the key was made, last used, and is due for rotation.
import type { KeyView } from '../../../shared/views.ts';
import { useNow } from '../hooks/use-now.ts';
import { useReminderDays } from '../hooks/use-reminder-settings.ts';
import { dueState } from '../lib/dates.ts';
import { DueBadge } from './due-badge.tsx';
import { LastUsed } from './last-used.tsx';
import { RelativeTime } from './relative-time.tsx';

export function KeyDates({ keyView: k }: { keyView: KeyView }) {
  const now = useNow(60_000);
  const dueWithin = useReminderDays();
  const due = k.status === 'revoked' ? null : dueState(k.rotationDueAt, now, dueWithin);
  return (
    <div role="group" className="details__section" aria-labelledby="dates-heading">
      <h3 id="dates-heading">Dates</h3>
      <dl className="facts">
        <dt>Created</dt>
        <dd>
          <RelativeTime iso={k.createdAt} />
        </dd>
        <dt>Last used</dt>
        <dd>
          <LastUsed iso={k.lastUsedAt} byApp={k.lastUsedByApp} />
        </dd>
        <dt>Rotation due</dt>
        <dd>
          <RelativeTime
            iso={k.status === 'revoked' ? null : k.rotationDueAt}
            empty={k.status === 'revoked' ? '—' : 'No rotation period'}
          />{' '}
          <DueBadge due={due} />
        </dd>
      </dl>
    </div>
  );
}
