import type { KeyView, VerifyResult } from '../../shared/views.ts';

export const shortDate = (iso: string | null): string =>
  iso ? iso.slice(0, 16).replace('T', ' ') : '-';

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
