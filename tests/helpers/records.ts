import type { Account, KeyRecord } from '../../shared/schemas.ts';

/** A valid account record for store tests; only the id varies. */
export function sampleAccount(id: string, createdAt = '2025-01-01T00:00:00.000Z'): Account {
  return {
    id,
    name: `Account ${id}`,
    baseUrl: 'http://127.0.0.1:1',
    dashboardUrl: 'http://127.0.0.1:1/dashboard',
    mode: 'api',
    keyFingerprint: `fp-${id}`,
    createdAt,
    lastSyncAt: null,
    keyRemoteId: null,
  };
}

/** A valid, live key record for store and backup tests; pass what the test is about. */
export function sampleKey(over: Partial<KeyRecord> = {}): KeyRecord {
  return {
    id: 'key_1',
    accountId: 'acc_1',
    remoteId: null,
    label: 'dev',
    environment: 'staging',
    service: '',
    owner: '',
    notes: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    lastUsedAt: null,
    lastVerification: null,
    status: 'active',
    rotationPeriodDays: null,
    fingerprint: 'abcdefabcdef',
    hint: 'x',
    revokedAt: null,
    custody: 'local',
    locations: [],
    ...over,
  };
}
