// A key's status as a pill: the text carries the meaning, the colour only repeats it.
import type { KeyStatus } from '../../../shared/schemas.ts';

export const STATUS_TEXT: Record<KeyStatus, string> = {
  active: 'Active',
  disabled: 'Disabled',
  pending: 'Pending',
  revoked: 'Revoked',
};

export function StatusPill({ status }: { status: KeyStatus }) {
  return <span className={`pill pill--${status}`}>{STATUS_TEXT[status]}</span>;
}
