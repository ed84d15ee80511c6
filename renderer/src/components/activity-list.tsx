// The Activity dialog's events, newest first: what happened, to which key of which account, from
// the CLI or the app, and when. Virtualized as the key list is: only the events in view (plus a
// margin) are in the DOM, each measured as drawn (a detail line may wrap), while aria-setsize
// and aria-posinset still describe the whole list. The list itself scrolls and takes focus, so
// the arrow keys and Page Up/Down scroll it; Home and End go through the virtualizer, which
// keeps measuring until the first or last event is really in view (the browser's own smooth
// scroll stops short when events drawn on the way turn out taller or shorter than estimated).
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type CSSProperties, type KeyboardEvent } from 'react';
import type { AuditEvent } from '../../../shared/schemas.ts';
import { actionWords, actorWords, detailOf } from '../lib/audit-words.ts';
import { RelativeTime } from './relative-time.tsx';

/** One line of action and time; events with a detail line are measured taller when drawn. */
const EVENT_HEIGHT = 34;

interface Props {
  events: AuditEvent[];
  /** The account's name; null for an event of no account. */
  accountName(accountId: string | null): string | null;
  busy: boolean;
}

function ActivityItem({ e, accountName }: { e: AuditEvent } & Pick<Props, 'accountName'>) {
  const detail = detailOf(e);
  const account = accountName(e.accountId);
  const subject = [e.label, account].filter(Boolean).join(' · ');
  return (
    <>
      <span className="audit__action">
        {actionWords(e)}
        {subject && <span className="activity__subject"> — {subject}</span>}
      </span>
      <span className="audit__meta">
        {actorWords(e)} · <RelativeTime iso={e.at} tabIndex={-1} />
      </span>
      {detail && <span className="audit__detail mono">{detail}</span>}
    </>
  );
}

export function ActivityList({ events, accountName, busy }: Props) {
  const scrollRef = useRef<HTMLOListElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual's documented hook; this app does not use the React Compiler, whose memoization it defeats.
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => EVENT_HEIGHT,
    overscan: 8,
    // Events have no id; the newest come first, so an index from the end stays with its event
    // when newer ones arrive on a reload.
    getItemKey: (i) => `${events[i]?.at ?? ''}-${events.length - i}`,
  });
  const onKeyDown = (e: KeyboardEvent<HTMLOListElement>) => {
    if (e.target !== e.currentTarget || events.length === 0) return;
    if (e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    virtualizer.scrollToIndex(e.key === 'Home' ? 0 : events.length - 1, {
      align: e.key === 'Home' ? 'start' : 'end',
    });
  };
  return (
    <ol
      ref={scrollRef}
      onKeyDown={onKeyDown}
      className="audit activity__list"
      aria-label="Events"
      aria-busy={busy}
      // Focusable: a scrolling region must be reachable from the keyboard.
      tabIndex={0}
      // The height of every event, drawn or not: the stylesheet gives it to a spacer after the
      // items (an <ol> may hold only <li>), so the list scrolls the whole trail.
      style={{ '--events-height': `${virtualizer.getTotalSize()}px` } as CSSProperties}
    >
      {virtualizer.getVirtualItems().map((item) => {
        const e = events[item.index] as AuditEvent;
        return (
          <li
            key={item.key}
            ref={virtualizer.measureElement}
            data-index={item.index}
            aria-setsize={events.length}
            aria-posinset={item.index + 1}
            className={`audit__item audit__item--${e.outcome}`}
            style={{ top: item.start }}
          >
            <ActivityItem e={e} accountName={accountName} />
          </li>
        );
      })}
    </ol>
  );
}
