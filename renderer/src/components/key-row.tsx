// One key in the grid. Presentational: the table decides position, focus and selection.
import { memo } from 'react';
import type { KeyView } from '../../../shared/views.ts';
import { useNow } from '../hooks/use-now.ts';
import { useReminderDays } from '../hooks/use-reminder-settings.ts';
import { useRotationProgress } from '../hooks/use-rotation.ts';
import { useRowOutcome } from '../hooks/use-selectors.ts';
import { dueState } from '../lib/dates.ts';
import { DueBadge } from './due-badge.tsx';
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
  /** More than one account: the account gets its own column instead of the label's detail line. */
  showAccount?: boolean;
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
  onSelect,
}: Props) {
  const outcome = useRowOutcome(k);
  const rotation = useRotationProgress(k.id);
  const now = useNow(60_000);
  const dueWithin = useReminderDays();
  const due = k.status === 'revoked' ? null : dueState(k.rotationDueAt, now, dueWithin);
  const detail = (showAccount ? [k.service] : [k.account, k.service]).filter(Boolean).join(' · ');
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
      <div role="gridcell" className="grid__cell grid__cell--label">
        <span className="key-label">{k.label}</span>
        {rotation ? (
          <span className="pill pill--rotating" title={rotation}>
            {rotation}
          </span>
        ) : (
          detail && <span className="key-detail">{detail}</span>
        )}
      </div>
      {showAccount && (
        <div role="gridcell" className="grid__cell grid__cell--account">
          <span className="key-account" title={k.account}>
            {k.account}
          </span>
        </div>
      )}
      <div role="gridcell" className="grid__cell grid__cell--environment">
        <span className={`env env--${k.environment === 'production' ? 'prod' : 'other'}`}>
          {k.environment}
        </span>
      </div>
      <div role="gridcell" className="grid__cell grid__cell--status">
        {/* A key ApexVerify last rejected is not shown as a healthy Active key: the 401 is
            the status the app last learned. */}
        {!(k.status === 'active' && outcome === 'unauthorized') && (
          <StatusPill status={k.status} custody={k.custody} />
        )}
        {k.status !== 'revoked' && <OutcomePill outcome={outcome} />}
      </div>
      <div role="gridcell" className="grid__cell grid__cell--createdAt">
        <RelativeTime iso={k.createdAt} tabIndex={-1} />
      </div>
      <div role="gridcell" className="grid__cell grid__cell--lastUsedAt">
        <RelativeTime iso={k.lastUsedAt} empty="Never" tabIndex={-1} />
      </div>
      <div role="gridcell" className="grid__cell grid__cell--rotationDueAt">
        {k.status === 'revoked' ? (
          <span className="muted">—</span>
        ) : (
          <>
            <RelativeTime iso={k.rotationDueAt} empty="No rotation period" tabIndex={-1} />
            <DueBadge due={due} />
          </>
        )}
      </div>
    </div>
  );
});
