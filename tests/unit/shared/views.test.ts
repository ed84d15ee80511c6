// The views have one definition each, their schema in shared/views.ts: what the core builds is
// exactly what the boundary's output parse keeps (it drops unknown keys silently), field for field.
import { describe, expect, it } from 'vitest';
import { toView } from '../../../electron/core/key-records.ts';
import { contract } from '../../../shared/ipc/contract.ts';
import { emptyStoreData, type KeyRecord } from '../../../shared/schemas.ts';
import { keyViewSchema } from '../../../shared/views.ts';
import { sampleAccount } from '../../helpers/records.ts';

const record: KeyRecord = {
  id: 'key_1',
  accountId: 'acc_1',
  remoteId: 'rk_1',
  label: 'ci',
  environment: 'production',
  service: 'checkout',
  owner: 'ana',
  notes: 'n',
  createdAt: '2025-01-01T00:00:00.000Z',
  lastUsedAt: '2025-01-02T00:00:00.000Z',
  lastVerification: {
    at: '2025-01-03T00:00:00.000Z',
    outcome: 'error',
    credits: null,
    errorCode: 'NETWORK',
  },
  status: 'active',
  rotationPeriodDays: 30,
  fingerprint: 'abcdef012345',
  hint: 'avk_…9f3a',
  revokedAt: null,
  custody: 'local',
  locations: [],
};

describe('KeyView', () => {
  const data = emptyStoreData();
  data.accounts.push(sampleAccount('acc_1'));
  data.keys.push(record);
  const view = toView(data, record);

  it('is built by the core with every field of the schema, and nothing else', () => {
    expect(Object.keys(view).sort()).toEqual(Object.keys(keyViewSchema.shape).sort());
    expect(view).toMatchObject({ account: 'Account acc_1', rotationPeriodDays: 30 });
  });

  it('crosses every channel that answers a key unchanged', () => {
    expect(contract.listKeys.output.parse([view])).toEqual([view]);
    for (const c of ['generateKey', 'captureKey', 'updateKeyMeta', 'setKeyEnabled'] as const)
      expect(contract[c].output.parse(view), c).toEqual(view);
    const revoked = { key: view, proof: { status: 401, checkedAt: 't' }, secretRemoved: true };
    expect(contract.revokeKey.output.parse(revoked)).toEqual(revoked);
  });
});
