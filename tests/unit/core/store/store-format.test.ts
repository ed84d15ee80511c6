// What a store file holds, without a file: interpretStoreData and the migrations.
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../../shared/errors.ts';
import { STORE_VERSION, emptyStoreData } from '../../../../shared/schemas.ts';
import { interpretStoreData, serialize } from '../../../../electron/core/store/format.ts';

describe('store format', () => {
  it('applies migrations in order before validating', () => {
    const old = { version: 0, accounts: [], keys: [], settings: emptyStoreData().settings };
    const parsed = interpretStoreData(old, 'f', { 0: (d) => ({ ...d, rotations: [] }) });
    expect(parsed).toEqual({ kind: 'ok', data: emptyStoreData() });
    expect(interpretStoreData(old, 'f', {})).toMatchObject({ kind: 'corrupt' });
  });

  // Issue 9, defect 3: a blank object is no longer read as a new store here. Only readState may
  // call it a first run, and only in a folder that never held a store (no last-good copy).
  it('calls {} and an __internal__-only object corrupt (blank)', () => {
    expect(interpretStoreData({}, 'f')).toMatchObject({ kind: 'corrupt', reason: /no data/ });
    expect(interpretStoreData({ __internal__: { migrations: {} } }, 'f')).toMatchObject({
      kind: 'corrupt',
    });
  });

  it('calls anything but a JSON object corrupt, and a newer version STORE_IO', () => {
    for (const raw of [null, [], 'text', 3]) {
      expect(interpretStoreData(raw, 'f')).toMatchObject({ kind: 'corrupt' });
    }
    let thrown: unknown;
    try {
      interpretStoreData({ ...emptyStoreData(), version: STORE_VERSION + 1 }, 'f');
    } catch (e) {
      thrown = e;
    }
    expect(isAppError(thrown, 'STORE_IO')).toBe(true);
  });

  it('serializes to what it reads back', () => {
    const data = emptyStoreData();
    expect(interpretStoreData(JSON.parse(serialize(data)), 'f')).toEqual({ kind: 'ok', data });
  });
});
