import type { KeyView, VerifyResult } from '../../shared/views.ts';

export const shortDate = (iso: string | null): string =>
  iso ? iso.slice(0, 16).replace('T', ' ') : '-';

/** A key's last use as the window words it: the app's own check is not traffic. */
export const lastUsedText = (k: Pick<KeyView, 'lastUsedAt' | 'lastUsedByApp'>): string =>
  k.lastUsedAt && k.lastUsedByApp
    ? `only this app's check, ${shortDate(k.lastUsedAt)}`
    : shortDate(k.lastUsedAt);

/** The STATUS column: where the secret is, when it is not here, else the status. */
export function statusText(k: Pick<KeyView, 'status' | 'custody' | 'heldBy'>): string {
  if (k.status === 'revoked') return k.status;
  const suffix = k.status === 'active' ? '' : ` (${k.status})`;
  if (k.custody === 'held') return `held by ${k.heldBy ?? 'its owner'}${suffix}`;
  if (k.custody === 'remote-only') return 'not on this device';
  return k.status;
}

/** The documented JSON shape of a key: never the secret. */
export function keyJson(k: KeyView): Record<string, unknown> {
  return {
    id: k.id,
    account: k.account,
    label: k.label,
    environment: k.environment,
    status: k.status,
    createdAt: k.createdAt,
    lastUsedAt: k.lastUsedAt,
    // True when lastUsedAt is only this app's own check (a verify, a proof), not traffic.
    lastUsedByApp: k.lastUsedByApp === true,
    rotationDueAt: k.rotationDueAt,
    rotationPeriodDays: k.rotationPeriodDays,
    fingerprint: k.fingerprint,
    hint: k.hint,
    service: k.service,
    owner: k.owner,
    notes: k.notes,
    remoteId: k.remoteId,
    lastVerification: k.lastVerification,
    revokedAt: k.revokedAt,
    custody: k.custody,
    // With custody "held": who holds the secret now (handed over with key share --handover).
    heldBy: k.heldBy ?? null,
  };
}

export function verifyJson(r: VerifyResult, withLabel: boolean): Record<string, unknown> {
  return {
    ...(withLabel ? { label: r.label, account: r.account } : {}),
    status: r.status,
    checkedAt: r.checkedAt,
    ...(r.credits ? { credits: r.credits } : {}),
    ...(r.error ? { error: r.error } : {}),
  };
}

export function verifyLine(r: VerifyResult): string {
  if (r.status === 'ok')
    return `${r.label}: ok (email credits ${r.credits?.email}, phone credits ${r.credits?.phone})`;
  if (r.status === 'unauthorized')
    return `${r.label}: rejected (401): the key is invalid, disabled or revoked`;
  return `${r.label}: error: ${r.error?.message ?? 'unknown error'}`;
}
