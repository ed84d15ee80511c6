// The live slice: the window's loop on waitForChange. A changed answer reloads the list (keys,
// accounts, rotations) in place, keeping the selection, the open dialog and the filters; an
// unchanged answer asks again; an error answer waits before asking again; stop ends the loop.
import { afterEach, describe, expect, test } from 'vitest';
import type { Result } from '../../../shared/ipc/contract.ts';
import type { KeyView } from '../../../shared/views.ts';
import { createAppState, type AppStateApi } from '../../src/state/create-state.ts';
import type { AppState } from '../../src/state/types.ts';
import { fakeApi, makeKey } from '../support/fake-api.ts';

type Answer = Result<{ revision: number; changed: boolean }>;

/** A fake host whose long poll answers only when the test says so. */
function liveRig(keys: KeyView[]) {
  const { api, calls } = fakeApi(keys);
  const polls: Array<{ since: number; answer(a: Answer): void }> = [];
  const waiters: Array<() => void> = [];
  const live = {
    ...api,
    waitForChange: (input: { since: number }) =>
      new Promise<Answer>((answer) => {
        polls.push({ since: input.since, answer });
        for (const w of waiters.splice(0)) w();
      }),
  };
  /** Resolves once the loop has asked `n` times in all. */
  const asked = (n: number) =>
    new Promise<void>((resolve) => {
      const check = () => (polls.length >= n ? resolve() : waiters.push(check));
      check();
    });
  const store = createAppState(live);
  return { store, calls, polls, asked };
}

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

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

describe('the live loop', () => {
  test('a change reloads the keys in place: selection, open dialog and filter stay', async () => {
    const keys = [makeKey({ label: 'one' })];
    const { store, polls, asked, calls } = liveRig(keys);
    await store.getState().boot();
    const one = keys[0] as KeyView;
    store.getState().openKey(one.id);
    store.getState().setQuery('o');
    store.getState().openDialog({ kind: 'new-key' });
    const before = store.getState();
    stops.push(store.getState().startLive());
    await asked(1);
    expect(polls[0]?.since).toBe(0);

    // The CLI adds a key: the host answers changed, the window reloads.
    keys.push(makeKey({ label: 'two' }));
    polls[0]?.answer({ ok: true, value: { revision: 1, changed: true } });
    await until(store, (s) => s.keys.length === 2);
    const after = store.getState();
    expect(after.openId).toBe(one.id);
    expect(after.activeId).toBe(before.activeId);
    expect(after.query).toBe('o');
    expect(after.dialog).toEqual({ kind: 'new-key' });
    expect(after.liveRevision).toBe(1);
    expect(calls.filter((c) => c.channel === 'listRotations').length).toBe(2);

    // The next wait is from the revision it caught up with.
    await asked(2);
    expect(polls[1]?.since).toBe(1);
  });

  test('a changed status (a setting) reaches the state', async () => {
    const { store, polls, asked } = liveRig([]);
    await store.getState().boot();
    stops.push(store.getState().startLive());
    await asked(1);
    // The fake's status is fixed; a reload replaces it with a fresh copy all the same.
    const first = store.getState().status;
    polls[0]?.answer({ ok: true, value: { revision: 1, changed: true } });
    await until(store, (s) => s.status !== first);
    expect(store.getState().status?.clipboardClearSec).toBe(30);
  });

  test('an unchanged answer asks again at once and reloads nothing', async () => {
    const { store, polls, asked, calls } = liveRig([]);
    stops.push(store.getState().startLive());
    await asked(1);
    polls[0]?.answer({ ok: true, value: { revision: 0, changed: false } });
    await asked(2);
    expect(polls[1]?.since).toBe(0);
    expect(calls.some((c) => c.channel === 'listKeys')).toBe(false);
  });

  test('an error answer waits (here: for the window to get focus), then asks again', async () => {
    const { store, polls, asked } = liveRig([]);
    stops.push(store.getState().startLive({ retryMs: 600_000 }));
    await asked(1);
    polls[0]?.answer({ ok: false, error: { code: 'INTERNAL', message: 'Host gone.' } });
    await new Promise((r) => setTimeout(r, 0));
    expect(polls.length).toBe(1);
    window.dispatchEvent(new Event('focus'));
    await asked(2);
  });

  test('stop ends the loop: a late answer reloads nothing and asks no more', async () => {
    const { store, polls, asked, calls } = liveRig([]);
    const stop = store.getState().startLive();
    await asked(1);
    stop();
    polls[0]?.answer({ ok: true, value: { revision: 1, changed: true } });
    await new Promise((r) => setTimeout(r, 0));
    expect(polls.length).toBe(1);
    expect(calls.some((c) => c.channel === 'listKeys')).toBe(false);
    expect(store.getState().liveRevision).toBe(0);
  });
});
