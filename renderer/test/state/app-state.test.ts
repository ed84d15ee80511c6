import { describe, expect, test } from 'vitest';
import { createAppState, snapshotState, type AppStateApi } from '../../src/state/create-state.ts';
import type { AppState } from '../../src/state/types.ts';
import { fakeApi, makeKey } from '../support/fake-api.ts';

const flush = () => new Promise((r) => setTimeout(r, 0));

/** Resolves once the store's state satisfies `ok`: waits for the event, not for a time. */
function until(store: AppStateApi, ok: (s: AppState) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (ok(store.getState())) return resolve();
    const stop = store.subscribe((s) => {
      if (!ok(s)) return;
      stop();
      resolve();
    });
  });
}

describe('the store', () => {
  test('boot reads the status, the list (with the rotations in progress) and the connection', async () => {
    const { api, calls } = fakeApi([makeKey({ label: 'one' })]);
    const store = createAppState(api);
    await store.getState().boot();
    const s = store.getState();
    expect(s.phase).toBe('ready');
    expect(s.keys.map((k) => k.label)).toEqual(['one']);
    expect(s.connection?.online).toBe(true);
    expect(calls.map((c) => c.channel).sort()).toEqual(
      ['checkConnection', 'getStatus', 'listAccounts', 'listKeys', 'listRotations'].sort(),
    );
  });

  test('a locked keychain stops before the list is read', async () => {
    const { api, calls } = fakeApi([], {
      getStatus: () => ({
        keychain: { state: 'locked', message: 'Unlock it.' },
        platform: 'darwin',
        notices: [],
        storeError: null,
        clipboardClearSec: 30,
        transport: 'electron',
        demo: false,
      }),
    });
    const store = createAppState(api);
    await store.getState().boot();
    expect(store.getState().status?.keychain.state).toBe('locked');
    expect(calls.some((c) => c.channel === 'listKeys')).toBe(false);
  });

  test('a network failure shows where it happened and re-checks the connection', async () => {
    let online = true;
    const { api } = fakeApi([makeKey({ label: 'one' })], {
      checkConnection: () => ({
        online,
        reason: online ? null : 'ApexVerify at x cannot be reached',
        checkedAt: new Date().toISOString(),
      }),
      setKeyEnabled: () => ({ code: 'NETWORK', message: 'Could not reach ApexVerify.' }),
    });
    const store = createAppState(api);
    await store.getState().boot();
    online = false;
    await store.getState().setEnabled('key_one', false);
    await flush();
    const s = store.getState();
    expect(s.errors.details?.what).toBe('Disabling "one"');
    expect(s.connection?.online).toBe(false);
  });

  test('copy starts the clipboard countdown; revoke records the 401 proof', async () => {
    const { api } = fakeApi([makeKey({ label: 'one' })]);
    const store = createAppState(api);
    await store.getState().boot();
    await store.getState().copyKey('key_one');
    const left = (store.getState().clipboard?.clearsAt ?? 0) - Date.now();
    expect(left).toBeGreaterThan(28_000);
    expect(await store.getState().revokeKey('key_one', 'one')).toBe(true);
    expect(store.getState().revokeProof).toMatchObject({ keyId: 'key_one', status: 401 });
    expect(store.getState().keys[0]?.status).toBe('revoked');
  });

  test('verify all polls until the job ends, then reloads the list', async () => {
    let polls = 0;
    const job = (state: 'running' | 'done', done: number) => ({
      jobId: 'j1',
      state,
      done,
      total: 2,
      ok: done,
      failed: 0,
      results: Array.from({ length: done }, (_, i) => ({
        keyId: `key_${i}`,
        label: `${i}`,
        account: 'sandbox',
        status: 'ok' as const,
        checkedAt: new Date().toISOString(),
      })),
      skipped: [],
      error: null,
    });
    const { api, calls } = fakeApi([makeKey({ label: '0' }), makeKey({ label: '1' })], {
      startVerifyAll: () => job('running', 0),
      getVerifyAll: () => (++polls < 2 ? job('running', 1) : job('done', 2)),
    });
    const store = createAppState(api);
    await store.getState().boot();
    await store.getState().startVerifyAll();
    await until(store, (st) => st.job?.state === 'done');
    await until(store, () => calls.filter((c) => c.channel === 'listKeys').length === 2);
    const s = store.getState();
    expect(s.job?.state).toBe('done');
    expect(Object.keys(s.verifyResults)).toEqual(['key_0', 'key_1']);
    expect(calls.filter((c) => c.channel === 'listKeys').length).toBe(2);
  });

  test('the snapshot for the leak check is plain data', async () => {
    const { api } = fakeApi([makeKey({ label: 'one' })]);
    const store = createAppState(api);
    await store.getState().boot();
    const snap = snapshotState(store);
    expect(() => structuredClone(snap)).not.toThrow();
    expect(JSON.stringify(snap)).toContain('"label":"one"');
  });
});
