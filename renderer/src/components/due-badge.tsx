// "Overdue" once the rotation date has passed, "Due soon" within the reminder window of it.
import type { DueState } from '../lib/dates.ts';

export function DueBadge({ due }: { due: DueState }) {
  if (due === null) return null;
  return due === 'overdue' ? (
    <span className="pill pill--overdue">Overdue</span>
  ) : (
    <span className="pill pill--soon">Due soon</span>
  );
}
