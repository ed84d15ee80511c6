// Retries: only GET retries network errors, timeouts and 5xx, with exponential backoff and full
// jitter; writes are never repeated on those.
import { describe, expect, it } from 'vitest';
import {
  createApexClient,
  type ApexClientOptions,
} from '../../../../electron/core/apexverify/index.ts';
import { backoffDelay, parseRetryAfter } from '../../../../electron/core/apexverify/retry.ts';

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | Error | 'hang';

function scripted(replies: Reply[]) {
  const calls: { url: string; method: string }[] = [];
  const fetchFn: typeof fetch = (input, init) => {
    calls.push({ url: String(input), method: init?.method ?? 'GET' });
    const r = replies[Math.min(calls.length - 1, replies.length - 1)] as Reply;
    if (r === 'hang')
      return new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        ),
      );
    if (r instanceof Error) return Promise.reject(r);
    const body =
      r.status === 204 ? null : typeof r.body === 'string' ? r.body : JSON.stringify(r.body ?? {});
    return Promise.resolve(new Response(body, { status: r.status, headers: r.headers }));
  };
  return { fetch: fetchFn, calls };
}

const KEY = `test-${'k'.repeat(20)}`;
const credits = { status: 200, body: { email_credit: 10, phone_credit: 5 } };
const remoteKey = {
  id: 'key_1',
  label: 'ci',
  created_at: '2026-01-01T00:00:00.000Z',
  last_used_at: null,
  enabled: true,
};
const failed = (code: string) => () =>
  new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code }) });
const refused = failed('ECONNREFUSED');
const reset = failed('UND_ERR_SOCKET');

function client(replies: Reply[], extra: Partial<ApexClientOptions> = {}) {
  const s = scripted(replies);
  const sleeps: number[] = [];
  const c = createApexClient({
    baseUrl: 'http://api.test',
    fetch: s.fetch,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...extra,
  });
  return { c, calls: s.calls, sleeps };
}

describe('backoffDelay', () => {
  it('is exponential, capped, and scaled by the jitter', () => {
    const one = () => 0.999999;
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, 250, 4000, one))).toEqual([
      249, 499, 999, 1999, 3999, 3999, 3999,
    ]);
    expect(backoffDelay(3, 250, 4000, () => 0)).toBe(0);
    expect(backoffDelay(2, 250, 4000, () => 0.5)).toBe(500);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores junk', () => {
    expect(parseRetryAfter('44', 0)).toBe(44);
    expect(parseRetryAfter(' 1.5 ', 0)).toBe(1.5);
    expect(parseRetryAfter(null, 0)).toBeNull();
    expect(parseRetryAfter('soon', 0)).toBeNull();
    expect(parseRetryAfter('-3', 0)).toBeNull();
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
  });
});

describe('GET retries', () => {
  it('retries 5xx with growing delays, then succeeds', async () => {
    const { c, calls, sleeps } = client([
      { status: 500 },
      { status: 502 },
      { status: 503 },
      credits,
    ]);
    await expect(c.credits(KEY)).resolves.toEqual({ email_credit: 10, phone_credit: 5 });
    expect(calls).toHaveLength(4);
    expect(sleeps).toEqual([125, 250, 500]);
    expect(c.stats).toEqual({ requests: 4, retries: 3, rateLimited: 0 });
  });

  it('gives up after `retries` extra attempts and throws the last error', async () => {
    const { c, calls, sleeps } = client([{ status: 500 }, refused(), { status: 503 }], {
      retries: 2,
    });
    await expect(c.credits(KEY)).rejects.toMatchObject({ code: 'SERVER_ERROR', status: 503 });
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([125, 250]);
  });

  it('retries network errors and ends with NETWORK', async () => {
    const { c, calls } = client([refused()]);
    await expect(c.listKeys(KEY)).rejects.toMatchObject({ code: 'NETWORK' });
    expect(calls).toHaveLength(4);
  });

  it('retries timeouts and ends with TIMEOUT', async () => {
    const { c, calls } = client(['hang'], { timeoutMs: 5, retries: 1 });
    await expect(c.credits(KEY)).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(calls).toHaveLength(2);
  });

  it('honours the backoff cap and base', async () => {
    const { c, sleeps } = client([{ status: 500 }], {
      retries: 5,
      backoffBaseMs: 100,
      backoffMaxMs: 300,
      random: () => 1,
    });
    await expect(c.credits(KEY)).rejects.toMatchObject({ code: 'SERVER_ERROR' });
    expect(sleeps).toEqual([100, 200, 300, 300, 300]);
  });

  it('does not retry 4xx', async () => {
    const { c, calls } = client([{ status: 404, body: { message: 'Not Found' } }, credits]);
    await expect(c.credits(KEY)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(calls).toHaveLength(1);
  });

  it('retries: 0 means one attempt', async () => {
    const { c, calls } = client([{ status: 500 }, credits], { retries: 0 });
    await expect(c.credits(KEY)).rejects.toMatchObject({ code: 'SERVER_ERROR' });
    expect(calls).toHaveLength(1);
  });
});

describe('writes are never repeated on 5xx, network errors or timeouts', () => {
  it.each([
    ['POST', (c: ReturnType<typeof client>['c']) => c.createKey(KEY, 'ci')],
    ['PATCH', (c: ReturnType<typeof client>['c']) => c.updateKey(KEY, 'key_1', { enabled: false })],
    ['DELETE', (c: ReturnType<typeof client>['c']) => c.deleteKey(KEY, 'key_1')],
  ] as const)('%s', async (method, call) => {
    for (const [reply, code] of [
      [{ status: 500 }, 'SERVER_ERROR'],
      [reset(), 'NETWORK'],
      ['hang', 'TIMEOUT'],
    ] as const) {
      const { c, calls, sleeps } = client([reply, { status: 200, body: remoteKey }], {
        timeoutMs: 5,
      });
      const err = await call(c).catch((e: unknown) => e);
      expect(err).toMatchObject({ code });
      expect((err as Error).message).toMatch(/may or may not have been made/);
      expect(calls).toEqual([expect.objectContaining({ method })]);
      expect(sleeps).toEqual([]);
      expect(c.stats.retries).toBe(0);
    }
  });
});
