// A key created elsewhere and found by sync has no secret on this device until it is captured:
// every action that needs the secret refuses it, saying how to get it.
import { AppError } from '../../shared/errors.ts';
import type { KeyRecord } from '../../shared/schemas.ts';

export function refuseRemoteOnly(key: KeyRecord): void {
  if (key.custody !== 'remote-only') return;
  throw new AppError(
    'REFUSED',
    `"${key.label}" was created elsewhere: its secret is not on this device. Capture it first by pasting its secret.`,
  );
}
