import type { Account } from '../../shared/schemas.ts';

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
