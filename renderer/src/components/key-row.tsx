// One key in the grid. Presentational: the table decides position, focus and selection.
import { memo } from 'react';
import type { KeyView } from '../../../shared/views.ts';
import { useNow } from '../hooks/use-now.ts';
import { useReminderDays } from '../hooks/use-reminder-settings.ts';
import { useLiveLastUsed } from '../hooks/use-live-last-used.ts';
import { colIndex } from '../hooks/use-shown-columns.ts';
import { useRotationProgress } from '../hooks/use-rotation.ts';
import { useRowOutcome, useSkipReason } from '../hooks/use-selectors.ts';
import { dueState } from '../lib/dates.ts';
import { DueBadge } from './due-badge.tsx';
import { EnvTag, KeyDetail, RotatingPill } from './key-row-parts.tsx';
import { LastUsed } from './last-used.tsx';
import { OutcomePill } from './outcome-pill.tsx';
import { RelativeTime } from './relative-time.tsx';
import { StatusPill } from './status-pill.tsx';

interface Props {
  keyView: KeyView;
  /** 0-based position in the filtered list; aria-rowindex is this + 2 (the header is row 1). */
  index: number;
  /** Pixel offset for the virtualized list; undefined when rows flow normally (the baseline). */
  top?: number | undefined;
  active: boolean;
  open: boolean;
  tabbable: boolean;
  /** More than one account: the account gets its own column (the label's second line, narrow). */
  showAccount?: boolean;
  /** The ids of the columns shown (use-shown-columns.ts), for each cell's aria-colindex. */
  columns?: readonly string[] | undefined;
  onSelect: (id: string) => void;
}

export const KeyRow = memo(function KeyRow({
  keyView: k,
  index,
  top,
  active,
  open,
  tabbable,
  showAccount = false,
  columns,
  onSelect,
}: Props) {
  const col = (id: string) => colIndex(columns, id);
  const outcome = useRowOutcome(k);
  const skipped = useSkipReason(k.id);
  const lastUsed = useLiveLastUsed(k);
  const rotation = useRotationProgress(k.id);
  const now = useNow(60_000);
  const dueWithin = useReminderDays();
  const due = k.status === 'revoked' ? null : dueState(k.rotationDueAt, now, dueWithin);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={open}
      tabIndex={tabbable ? 0 : -1}
      data-key-id={k.id}
      className={`grid__row grid__row--body${active ? ' is-active' : ''}${open ? ' is-open' : ''}${k.status === 'revoked' ? ' is-revoked' : ''}`}
      style={top === undefined ? undefined : { transform: `translateY(${top}px)` }}
      onClick={() => onSelect(k.id)}
    >
      <div role="gridcell" aria-colindex={col('label')} className="grid__cell grid__cell--label">
        <span className="key-label" title={k.label}>
          {k.label}
        </span>
        {rotation ? (
          <RotatingPill progress={rotation} />
        ) : (
          <KeyDetail keyView={k} showAccount={showAccount} />
        )}
      </div>
      {showAccount && (
        <div
          role="gridcell"
          aria-colindex={col('account')}
          className="grid__cell grid__cell--account"
        >
          <span className="key-account" title={k.account}>
            {k.account}
          </span>
        </div>
      )}
      <div
        role="gridcell"
        aria-colindex={col('environment')}
        className="grid__cell grid__cell--environment"
      >
        <EnvTag environment={k.environment} />
      </div>
      <div role="gridcell" aria-colindex={col('status')} className="grid__cell grid__cell--status">
        {/* A key ApexVerify last rejected is not shown as a healthy Active key: the 401 is
            the status the app last learned. */}
        {!(k.status === 'active' && outcome === 'unauthorized') && (
          <StatusPill status={k.status} custody={k.custody} heldBy={k.heldBy ?? null} />
        )}
        {k.status !== 'revoked' && (
          <OutcomePill outcome={outcome} why={skipped && `Skipped by Verify all: ${skipped}`} />
        )}
      </div>
      <div
        role="gridcell"
        aria-colindex={col('createdAt')}
        className="grid__cell grid__cell--createdAt"
      >
        <RelativeTime iso={k.createdAt} tabIndex={-1} />
      </div>
      <div
        role="gridcell"
        aria-colindex={col('lastUsedAt')}
        className="grid__cell grid__cell--lastUsedAt"
      >
        <LastUsed iso={lastUsed.iso} byApp={lastUsed.byApp} tabIndex={-1} compact />
      </div>
      <div
        role="gridcell"
        aria-colindex={col('rotationDueAt')}
        className="grid__cell grid__cell--rotationDueAt"
      >
        {k.status === 'revoked' ? (
          <span className="muted">—</span>
        ) : (
          <>
            {/* Where the list is narrow only the badge stays: the date is in the details. */}
            <span className="due-date">
              <RelativeTime iso={k.rotationDueAt} empty="No rotation period" tabIndex={-1} />
            </span>
            <DueBadge due={due} />
          </>
        )}
      </div>
    </div>
  );
});
