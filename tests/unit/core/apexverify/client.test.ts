// The client's calls, headers and response validation, against a scripted fetch.
import { describe, expect, it } from 'vitest';
import {
  createApexClient,
  type ApexClientOptions,
  type RateGovernor,
  type RateInfo,
} from '../../../../electron/core/apexverify/index.ts';

const unexpected = (): never => {
  throw new Error('expected a failure');
};

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}
type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

function client(replies: Reply[], extra: Partial<ApexClientOptions> = {}) {
  const calls: Call[] = [];
  const c = createApexClient({
    baseUrl: 'http://api.test/base',
    fetch: (input, init) => {
      calls.push({
        url: String(input),
        method: init?.method ?? 'GET',
        headers: init?.headers as Record<string, string>,
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      });
      const r = replies[Math.min(calls.length - 1, replies.length - 1)] as Reply;
      const body =
        r.status === 204 ? null : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
      return Promise.resolve(new Response(body, { status: r.status, headers: r.headers }));
    },
    sleep: async () => {},
    ...extra,
  });
  return { c, calls };
}

const KEY = `test-${'c'.repeat(20)}`;
const remoteKey = {
  id: 'key_1',
  label: 'production-api',
  created_at: '2026-01-01T00:00:00.000Z',
  last_used_at: null,
  enabled: true,
};

describe('requests', () => {
  it('sends X-Api-Key and Accept on every call, and JSON with Content-Type', async () => {
    const { c, calls } = client([{ status: 200, body: remoteKey }]);
    await c.updateKey(KEY, 'key_1', { label: 'new', enabled: undefined });
    expect(calls[0]).toEqual({
      url: 'http://api.test/base/v1/api-keys/key_1',
      method: 'PATCH',
      headers: { 'X-Api-Key': KEY, Accept: 'application/json', 'Content-Type': 'application/json' },
      body: { label: 'new' },
    });
  });

  it('encodes ids in paths', async () => {
    const { c, calls } = client([{ status: 204 }]);
    await c.deleteKey(KEY, 'a/b?c#d e');
    expect(calls[0]?.url).toBe('http://api.test/base/v1/api-keys/a%2Fb%3Fc%23d%20e');
    expect(calls[0]?.method).toBe('DELETE');
    expect(calls[0]?.headers).toEqual({ 'X-Api-Key': KEY, Accept: 'application/json' });
  });

  it('refuses an empty id or a key that cannot go in a header, without sending', async () => {
    const { c, calls } = client([{ status: 204 }]);
    await expect(c.deleteKey(KEY, '')).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(c.credits('has space in it 123456')).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(c.credits('')).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(calls).toHaveLength(0);
  });
});

describe('responses', () => {
  it('credits, listKeys, createKey, updateKey, deleteKey on the documented shapes', async () => {
    const secret = `gen-${'x'.repeat(36)}`;
    const { c, calls } = client([
      { status: 200, body: { email_credit: 1000.0, phone_credit: 500.5 } },
      { status: 200, body: { api_keys: [remoteKey, { ...remoteKey, id: 'key_2', extra: 1 }] } },
      { status: 201, body: { ...remoteKey, key: secret } },
      { status: 200, body: { ...remoteKey, enabled: false } },
      { status: 204 },
    ]);
    expect(await c.credits(KEY)).toEqual({ email_credit: 1000, phone_credit: 500.5 });
    expect(await c.listKeys(KEY)).toEqual([remoteKey, { ...remoteKey, id: 'key_2' }]);
    expect(await c.createKey(KEY, 'production-api')).toEqual({ key: remoteKey, secret });
    expect(calls[2]?.body).toEqual({ label: 'production-api' });
    expect(await c.updateKey(KEY, 'key_1', { enabled: false })).toEqual({
      ...remoteKey,
      enabled: false,
    });
    await expect(c.deleteKey(KEY, 'key_1')).resolves.toBeUndefined();
  });

  it.each([
    ['strings for numbers', { email_credit: '1000', phone_credit: 5 }],
    ['a missing field', { email_credit: 1 }],
    ['an array', [1, 2]],
    ['null', null],
  ])('credits with %s is BAD_RESPONSE', async (_name, body) => {
    const { c } = client([{ status: 200, body }]);
    await expect(c.credits(KEY)).rejects.toMatchObject({ code: 'BAD_RESPONSE', status: 200 });
  });

  it('invalid JSON is BAD_RESPONSE with a snippet of the text', async () => {
    const { c } = client([{ status: 200, body: '<html>Welcome to nginx</html>' }]);
    const err = await c.credits(KEY).then(unexpected, (e: Error) => e);
    expect(err).toMatchObject({ code: 'BAD_RESPONSE', status: 200 });
    expect(err.message).toMatch(/not JSON.*Welcome to nginx/);
  });

  it('a bad key in a list is BAD_RESPONSE, naming the field', async () => {
    const { c } = client([
      { status: 200, body: { api_keys: [{ ...remoteKey, created_at: 'yesterday' }] } },
    ]);
    const err = await c.listKeys(KEY).then(unexpected, (e: Error) => e);
    expect(err).toMatchObject({ code: 'BAD_RESPONSE' });
    expect(err.message).toContain('api_keys.0.created_at');
  });

  it('a created key whose secret is unusable is BAD_RESPONSE that names the key to revoke', async () => {
    const { c } = client([{ status: 201, body: { ...remoteKey, key: 'short' } }]);
    const err = await c.createKey(KEY, 'ci').then(unexpected, (e: Error) => e);
    expect(err).toMatchObject({ code: 'BAD_RESPONSE', status: 201 });
    expect(err.message).toMatch(/key_1.*Revoke/);
  });

  it('a wrong 2xx body on create warns that a key may exist', async () => {
    const { c } = client([{ status: 201, body: { ok: true } }]);
    await expect(c.createKey(KEY, 'ci')).rejects.toThrow(/may have been created anyway/);
  });
});

describe('checkKey and probe', () => {
  it('checkKey: 200 => ok with credits, 401 => unauthorized, others throw', async () => {
    const { c } = client([
      { status: 200, body: { email_credit: 3, phone_credit: 4 } },
      { status: 401, body: { message: 'Unauthorized' } },
      { status: 402, body: { message: 'Payment Required' } },
    ]);
    expect(await c.checkKey(KEY)).toEqual({
      status: 'ok',
      credits: { email_credit: 3, phone_credit: 4 },
    });
    expect(await c.checkKey(KEY)).toEqual({ status: 'unauthorized' });
    await expect(c.checkKey(KEY)).rejects.toMatchObject({ code: 'PAYMENT_REQUIRED', status: 402 });
  });

  it('credits: 401 is UNAUTHORIZED', async () => {
    const { c } = client([{ status: 401, body: { message: 'Unauthorized' } }]);
    await expect(c.credits(KEY)).rejects.toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
  });

  it.each([
    [200, { api_keys: [] }, 'api'],
    [404, { message: 'Not Found' }, 'dashboard'],
    [405, { message: 'Method Not Allowed' }, 'dashboard'],
  ] as const)('probe: %i => %s', async (status, body, mode) => {
    const { c, calls } = client([{ status, body }]);
    expect(await c.probe(KEY)).toBe(mode);
    expect(calls[0]?.url).toBe('http://api.test/base/v1/api-keys');
  });

  it('probe: 401 is UNAUTHORIZED, 403 FORBIDDEN, and a 200 web page is not an API', async () => {
    await expect(client([{ status: 401, body: {} }]).c.probe(KEY)).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(client([{ status: 403, body: {} }]).c.probe(KEY)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      client([{ status: 200, body: '<html></html>' }]).c.probe(KEY),
    ).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });
});

describe('rate headers', () => {
  it('records the last X-RateLimit-* values from every response, errors included, and feeds the governor', async () => {
    const seen: RateInfo[] = [];
    let acquired = 0;
    const governor: RateGovernor = {
      acquire: async () => {
        acquired++;
      },
      observe: (info) => seen.push(info),
      limited: (info) => void (info && seen.push(info)),
      ratePerSec: null,
      burst: null,
    };
    const h = (rem: number, used?: number) => ({
      'X-RateLimit-Limit': '180',
      'X-RateLimit-Remaining': String(rem),
      ...(used === undefined ? {} : { 'X-RateLimit-Used': String(used) }),
    });
    const { c } = client(
      [
        { status: 500, body: {}, headers: h(179, 1) },
        { status: 200, body: { email_credit: 1, phone_credit: 1 }, headers: h(178, 2) },
        { status: 401, body: {}, headers: h(177) },
        { status: 200, body: { email_credit: 1, phone_credit: 1 } },
      ],
      { governor },
    );
    expect(c.rate).toBeNull();
    await c.credits(KEY);
    expect(c.rate).toEqual({ limit: 180, remaining: 178, used: 2 });
    await c.checkKey(KEY);
    expect(c.rate).toEqual({ limit: 180, remaining: 177, used: 3 });
    await c.credits(KEY);
    // A response without headers leaves the last values in place.
    expect(c.rate).toEqual({ limit: 180, remaining: 177, used: 3 });
    expect(seen.map((i) => i.remaining)).toEqual([179, 178, 177]);
    expect(acquired).toBe(4);
    expect(c.stats).toEqual({ requests: 4, retries: 1, rateLimited: 0 });
  });

  it('stats and rate are snapshots', async () => {
    const { c } = client([{ status: 200, body: { email_credit: 1, phone_credit: 1 } }]);
    const before = c.stats;
    await c.credits(KEY);
    expect(before.requests).toBe(0);
    expect(c.stats.requests).toBe(1);
    expect(c.baseUrl).toBe('http://api.test/base');
  });
});
