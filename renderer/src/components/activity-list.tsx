// The Activity dialog's events, newest first: what happened, to which key of which account, from
// the CLI or the app, and when. At most the core's limit (500) rows: a plain list stays quick.
import type { AuditEvent } from '../../../shared/schemas.ts';
import { actionWords, actorWords, detailOf } from '../lib/audit-words.ts';
import { RelativeTime } from './relative-time.tsx';

interface Props {
  events: AuditEvent[];
  /** The account's name; null for an event of no account. */
  accountName(accountId: string | null): string | null;
  busy: boolean;
}

export function ActivityList({ events, accountName, busy }: Props) {
  return (
    // Focusable: a scrolling region must be reachable from the keyboard.
    <ol className="audit activity__list" aria-label="Events" aria-busy={busy} tabIndex={0}>
      {events.map((e, i) => {
        const detail = detailOf(e);
        const account = accountName(e.accountId);
        const subject = [e.label, account].filter(Boolean).join(' · ');
        return (
          <li key={`${e.at}-${i}`} className={`audit__item audit__item--${e.outcome}`}>
            <span className="audit__action">
              {actionWords(e)}
              {subject && <span className="activity__subject"> — {subject}</span>}
            </span>
            <span className="audit__meta">
              {actorWords(e)} · <RelativeTime iso={e.at} tabIndex={-1} />
            </span>
            {detail && <span className="audit__detail mono">{detail}</span>}
          </li>
        );
      })}
    </ol>
  );
}
