import { describe, expect, test } from 'vitest';
import type { RotationView } from '../../../shared/rotation-view.ts';
import { createAppState, snapshotState } from '../../src/state/create-state.ts';
import { fakeApi, makeKey } from '../support/fake-api.ts';
import { viewAt } from '../support/rotation-views.ts';

const old = makeKey({ id: 'key_old', label: 'prod-api' });
const file = {
  path: '/srv/app/.env',
  changed: true,
  variables: ['APEXVERIFY_API_KEY'],
  backup: '/srv/app/.env.bak',
  gitTracked: false,
};

describe('the rotation slice', () => {
  test('keeps runs by old key id: open ones from the list, the closed one the wizard saw', async () => {
    let latest: RotationView | null = viewAt(old, 'revoke');
    const { api } = fakeApi([old], {
      listRotations: () => (latest?.open ? [latest] : []),
      getRotation: () => latest,
      finishRotation: () => (latest = viewAt(old, 'done')),
      replaceInEnvFiles: () => [file],
    });
    const store = createAppState(api);
    await store.getState().loadKeys();
    expect(store.getState().rotations.key_old?.stepNumber).toBe(4);
    await store.getState().replaceInEnvFiles('key_old', ['/srv/app/.env']);
    await store.getState().finishRotation('key_old', 'prod-api');
    await store.getState().loadKeys();
    // The list no longer has it, but the wizard still shows the done run and its proof.
    expect(store.getState().rotations.key_old?.step).toBe('done');
    // Opening the wizard again: a closed run is history, and so are its .env results.
    await store.getState().fetchRotation('key_old');
    expect(store.getState().rotations.key_old).toBeUndefined();
    expect(store.getState().envReplacements.key_old).toBeUndefined();
    expect(JSON.stringify(snapshotState(store))).not.toMatch(/avk_[A-Za-z0-9]{20,}/);
  });
});
