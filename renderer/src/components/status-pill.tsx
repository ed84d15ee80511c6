// A key's status as a pill: the text carries the meaning, the colour only repeats it.
import type { KeyRecord, KeyStatus } from '../../../shared/schemas.ts';

export const STATUS_TEXT: Record<KeyStatus, string> = {
  active: 'Active',
  disabled: 'Disabled',
  pending: 'Pending',
  revoked: 'Revoked',
};

/** A live key created elsewhere: sync found it, its secret is not here until it is captured. */
export const REMOTE_ONLY_TEXT = 'Not on this device';

export function statusText(
  status: KeyStatus,
  custody: KeyRecord['custody'] = 'local',
  heldBy?: string | null,
): string {
  if (status === 'revoked' || custody === 'local') return STATUS_TEXT[status];
  // Handed over to a teammate (issue 14): the secret is theirs now.
  const where = custody === 'held' ? `Held by ${heldBy ?? 'its owner'}` : REMOTE_ONLY_TEXT;
  return status === 'disabled' ? `${where} (disabled)` : where;
}

export function StatusPill({
  status,
  custody = 'local',
  heldBy,
}: {
  status: KeyStatus;
  custody?: KeyRecord['custody'];
  heldBy?: string | null;
}) {
  const elsewhere = custody !== 'local' && status !== 'revoked';
  return (
    <span className={`pill pill--${elsewhere ? 'pending' : status}`}>
      {statusText(status, custody, heldBy)}
    </span>
  );
}
