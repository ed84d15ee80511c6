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

export function statusText(status: KeyStatus, custody: KeyRecord['custody'] = 'local'): string {
  if (custody !== 'remote-only' || status === 'revoked') return STATUS_TEXT[status];
  return status === 'disabled' ? `${REMOTE_ONLY_TEXT} (disabled)` : REMOTE_ONLY_TEXT;
}

export function StatusPill({
  status,
  custody = 'local',
}: {
  status: KeyStatus;
  custody?: KeyRecord['custody'];
}) {
  const remoteOnly = custody === 'remote-only' && status !== 'revoked';
  return (
    <span className={`pill pill--${remoteOnly ? 'pending' : status}`}>
      {statusText(status, custody)}
    </span>
  );
}
