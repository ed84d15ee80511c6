// 429 handling: honour a short Retry-After, fail fast on a long one, back off without one;
// any method retries a 429 because the server did not process the request.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors.ts';
import {
  createApexClient,
  type ApexClientOptions,
} from '../../../../electron/core/apexverify/index.ts';

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

function client(replies: Reply[], extra: Partial<ApexClientOptions> = {}) {
  const calls: string[] = [];
  const sleeps: number[] = [];
  const c = createApexClient({
    baseUrl: 'http://api.test',
    fetch: (_input, init) => {
      calls.push(init?.method ?? 'GET');
      const r = replies[Math.min(calls.length - 1, replies.length - 1)] as Reply;
      return Promise.resolve(
        new Response(JSON.stringify(r.body ?? { message: 'Too Many Requests' }), {
          status: r.status,
          headers: r.headers,
        }),
      );
    },
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...extra,
  });
  return { c, calls, sleeps };
}

const KEY = `test-${'r'.repeat(20)}`;
const limitHeaders = (remaining: number) => ({
  'X-RateLimit-Limit': '180',
  'X-RateLimit-Remaining': String(remaining),
  'X-RateLimit-Used': String(180 - remaining),
});
const tooMany = (retryAfter?: string): Reply => ({
  status: 429,
  headers: {
    ...limitHeaders(0),
    ...(retryAfter === undefined ? {} : { 'Retry-After': retryAfter }),
  },
});
const ok: Reply = {
  status: 200,
  body: { email_credit: 1, phone_credit: 2 },
  headers: limitHeaders(170),
};

describe('429 with Retry-After', () => {
  it('sleeps exactly that long and retries', async () => {
    const { c, calls, sleeps } = client([tooMany('2'), ok]);
    await expect(c.credits(KEY)).resolves.toEqual({ email_credit: 1, phone_credit: 2 });
    expect(calls).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
    expect(c.stats).toEqual({ requests: 2, retries: 1, rateLimited: 1 });
    expect(c.rate).toEqual({ limit: 180, remaining: 170, used: 10 });
  });

  it('a wait above maxRetryAfterSec fails at once with the wait', async () => {
    const { c, calls, sleeps } = client([tooMany('44'), ok]);
    const err = await c.credits(KEY).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'RATE_LIMITED', retryAfterSec: 44, status: 429 });
    expect((err as AppError).message).toMatch(/try again in 44 s/);
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(c.stats.rateLimited).toBe(1);
  });

  it('the cap is configurable and inclusive', async () => {
    const { c, sleeps } = client([tooMany('44'), ok], { maxRetryAfterSec: 44 });
    await expect(c.credits(KEY)).resolves.toBeTruthy();
    expect(sleeps).toEqual([44_000]);
  });

  it('after max429Retries it throws RATE_LIMITED with the last wait', async () => {
    const { c, calls, sleeps } = client([tooMany('1')], { max429Retries: 2 });
    await expect(c.credits(KEY)).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterSec: 1 });
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([1000, 1000]);
    expect(c.stats).toEqual({ requests: 3, retries: 2, rateLimited: 3 });
  });

  it('writes retry a 429 too: the server did not process them', async () => {
    const created = {
      status: 201,
      body: {
        id: 'key_1',
        label: 'ci',
        created_at: '2026-01-01T00:00:00Z',
        last_used_at: null,
        enabled: true,
        key: `gen-${'s'.repeat(30)}`,
      },
    };
    const { c, calls } = client([tooMany('0'), created]);
    await expect(c.createKey(KEY, 'ci')).resolves.toMatchObject({ key: { id: 'key_1' } });
    expect(calls).toEqual(['POST', 'POST']);
  });
});

describe('429 without Retry-After', () => {
  it('backs off exponentially and retries', async () => {
    const { c, sleeps } = client([tooMany(), tooMany(), ok]);
    await expect(c.credits(KEY)).resolves.toBeTruthy();
    expect(sleeps).toEqual([125, 250]);
    expect(c.stats).toEqual({ requests: 3, retries: 2, rateLimited: 2 });
  });

  it('after max429Retries throws RATE_LIMITED with an estimate from the limit', async () => {
    const { c, calls, sleeps } = client([tooMany()]);
    const err = await c.credits(KEY).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'RATE_LIMITED', retryAfterSec: 1 });
    expect(calls).toHaveLength(4);
    expect(sleeps).toEqual([125, 250, 500]);
  });

  it('without any rate headers the wait is unknown', async () => {
    const { c } = client([{ status: 429 }], { max429Retries: 0 });
    const err = (await c.credits(KEY).catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.retryAfterSec).toBeUndefined();
    expect(err.message).toMatch(/wait a minute/);
  });

  it('429 retries do not use up the 5xx retries, and vice versa', async () => {
    const { c, calls } = client([tooMany(), { status: 500 }, tooMany(), { status: 500 }, ok], {
      retries: 2,
      max429Retries: 2,
    });
    await expect(c.credits(KEY)).resolves.toBeTruthy();
    expect(calls).toHaveLength(5);
  });
});
