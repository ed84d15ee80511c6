// A key created elsewhere and found by sync has no secret on this device until it is captured; a
// key handed over to a teammate (issue 14) has none any more. Every action that needs the secret
// refuses both, saying why.
import { AppError } from '../../shared/errors.ts';
import type { KeyRecord } from '../../shared/schemas.ts';

export function refuseRemoteOnly(key: KeyRecord): void {
  if (key.custody === 'held')
    throw new AppError(
      'REFUSED',
      `"${key.label}" is held by ${key.heldBy ?? 'its owner'}; this device has no copy of its secret.`,
    );
  if (key.custody !== 'remote-only') return;
  throw new AppError(
    'REFUSED',
    `"${key.label}" was created elsewhere: its secret is not on this device. Capture it first by pasting its secret.`,
  );
}
