// The per-account reachability tracker: offline since the first failure of a spell, online on
// any HTTP answer (even an error), untouched by failures that never reached the server.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.ts';
import type { Account } from '../../../shared/schemas.ts';
import type { ApexClient } from '../../../electron/core/apexverify/index.ts';
import {
  createReachabilityTracker,
  outcomeOf,
  trackClient,
} from '../../../electron/core/reachability.ts';

function fakeClock(start: string) {
  let now = Date.parse(start);
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const account = {
  id: 'acc-2',
  name: 'second',
  baseUrl: 'http://127.0.0.1:9',
} as Account;

/** A client whose checkKey does what the test says next. */
function scriptedClient(next: () => Promise<unknown>): ApexClient {
  const fail = () => Promise.reject(new Error('not in this test'));
  return {
    baseUrl: account.baseUrl,
    stats: { requests: 0, retries: 0, rateLimited: 0 },
    rate: null,
    credits: fail,
    checkKey: () => next() as ReturnType<ApexClient['checkKey']>,
    probe: fail,
    listKeys: fail,
    createKey: fail,
    updateKey: fail,
    deleteKey: fail,
  };
}

describe('reachability tracker', () => {
  it('is unknown for an account nothing was asked of', () => {
    const t = createReachabilityTracker(fakeClock('2026-01-01T10:00:00Z'));
    expect(t.get('nope')).toEqual({ state: 'unknown', since: null, reason: null });
  });

  it('keeps the first failure of a spell as "since", and an answer ends the spell', () => {
    const clock = fakeClock('2026-01-01T10:42:00Z');
    const t = createReachabilityTracker(clock);
    t.unreachable(account, 'connection refused');
    clock.advance(60_000);
    t.unreachable(account, 'timed out');
    expect(t.get(account.id)).toEqual({
      state: 'offline',
      since: '2026-01-01T10:42:00.000Z',
      reason: 'ApexVerify at http://127.0.0.1:9 (account "second") cannot be reached: timed out',
    });
    t.answered(account.id);
    expect(t.get(account.id).state).toBe('online');
    clock.advance(60_000);
    t.unreachable(account, 'connection refused');
    expect(t.get(account.id).since).toBe('2026-01-01T10:44:00.000Z');
  });

  it('tracks each account on its own', () => {
    const t = createReachabilityTracker(fakeClock('2026-01-01T10:00:00Z'));
    t.unreachable(account, 'connection refused');
    t.answered('acc-1');
    expect(t.get('acc-1').state).toBe('online');
    expect(t.get(account.id).state).toBe('offline');
    t.forget(account.id);
    expect(t.get(account.id).state).toBe('unknown');
  });

  it('reads an outcome from the error: network and timeout are unreachable, HTTP errors answered', () => {
    expect(outcomeOf(new AppError('NETWORK', 'refused'))).toBe('unreachable');
    expect(outcomeOf(new AppError('TIMEOUT', 'slow'))).toBe('unreachable');
    expect(outcomeOf(new AppError('SERVER_ERROR', '500', { status: 500 }))).toBe('answered');
    expect(outcomeOf(new AppError('UNAUTHORIZED', '401', { status: 401 }))).toBe('answered');
    expect(outcomeOf(new AppError('RATE_LIMITED', '429', { status: 429 }))).toBe('answered');
    // Refused before sending: says nothing about the server.
    expect(outcomeOf(new AppError('BAD_INPUT', 'empty key'))).toBe('none');
    expect(outcomeOf(new Error('odd'))).toBe('none');
  });

  it('learns from every call of a tracked client, and passes results and errors through', async () => {
    const t = createReachabilityTracker(fakeClock('2026-01-01T10:00:00Z'));
    let next: () => Promise<unknown> = () => Promise.reject(new AppError('NETWORK', 'refused'));
    const client = trackClient(
      scriptedClient(() => next()),
      t,
      account,
    );
    await expect(client.checkKey('k'.repeat(24))).rejects.toMatchObject({ code: 'NETWORK' });
    expect(t.get(account.id).state).toBe('offline');

    next = () => Promise.reject(new AppError('SERVER_ERROR', 'down', { status: 503 }));
    await expect(client.checkKey('k'.repeat(24))).rejects.toMatchObject({ code: 'SERVER_ERROR' });
    expect(t.get(account.id).state).toBe('online');

    next = () => Promise.reject(new AppError('TIMEOUT', 'slow'));
    await expect(client.checkKey('k'.repeat(24))).rejects.toMatchObject({ code: 'TIMEOUT' });
    next = () => Promise.resolve({ status: 'unauthorized' });
    await expect(client.checkKey('k'.repeat(24))).resolves.toEqual({ status: 'unauthorized' });
    expect(t.get(account.id)).toEqual({ state: 'online', since: null, reason: null });
    expect(client.baseUrl).toBe(account.baseUrl);
  });
});
