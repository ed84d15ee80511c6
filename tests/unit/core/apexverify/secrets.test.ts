// Every error path of the client, driven with a generated key and a server that echoes it and
// any secret it issues back at us: no message, property, stack or log line may carry them.
import { randomInt } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toErrorInfo } from '../../../../shared/errors.ts';
import { createApexClient, type ApexClient } from '../../../../electron/core/apexverify/index.ts';

const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const generate = (): string =>
  `avk_${Array.from({ length: 40 }, () => B62[randomInt(62)]).join('')}`;

type Reply = { status: number; body?: string; headers?: Record<string, string> } | Error | 'hang';
interface Scenario {
  name: string;
  code: string;
  replies: (key: string, secret: string) => Reply[];
  call: (c: ApexClient, key: string, secret: string) => Promise<unknown>;
}

const json = (v: unknown): string => JSON.stringify(v);
const keyShape = (secret: string) => ({
  id: 'key_1',
  label: 'ci',
  created_at: '2026-01-01T00:00:00Z',
  last_used_at: null,
  enabled: true,
  key: secret,
});
const echo = (key: string) => json({ message: `bad key ${key}`, detail: `you sent ${key}` });
const credits = (c: ApexClient, key: string) => c.credits(key);

const scenarios: Scenario[] = [
  ...(
    [
      [400, 'INVALID'],
      [401, 'UNAUTHORIZED'],
      [402, 'PAYMENT_REQUIRED'],
      [403, 'FORBIDDEN'],
      [404, 'NOT_FOUND'],
      [405, 'BAD_RESPONSE'],
      [418, 'BAD_RESPONSE'],
      [422, 'INVALID'],
      [500, 'SERVER_ERROR'],
      [503, 'SERVER_ERROR'],
    ] as const
  ).map(([status, code]): Scenario => ({
    name: `${status} echoing the key`,
    code,
    replies: (key) => [{ status, body: echo(key), headers: { 'X-Echo': key } }],
    call: credits,
  })),
  {
    name: '422 on create echoing key and label',
    code: 'INVALID',
    replies: (key) => [{ status: 422, body: json({ message: 'Invalid', detail: { got: key } }) }],
    call: (c, key) => c.createKey(key, 'ci'),
  },
  {
    name: '429 above the cap',
    code: 'RATE_LIMITED',
    replies: (key) => [{ status: 429, body: echo(key), headers: { 'Retry-After': '44' } }],
    call: credits,
  },
  {
    name: '429 until the retries run out',
    code: 'RATE_LIMITED',
    replies: (key) => [{ status: 429, body: echo(key) }],
    call: credits,
  },
  {
    name: 'a redirect whose Location holds the key',
    code: 'BAD_RESPONSE',
    replies: (key) => [
      { status: 302, body: `go to /x?k=${key}`, headers: { Location: `/x?k=${key}` } },
    ],
    call: credits,
  },
  {
    name: '200 that is not JSON',
    code: 'BAD_RESPONSE',
    replies: (key) => [{ status: 200, body: `<html>hello ${key}</html>` }],
    call: credits,
  },
  {
    name: '200 with the wrong shape',
    code: 'BAD_RESPONSE',
    replies: (key) => [{ status: 200, body: json({ email_credit: key, phone_credit: 1 }) }],
    call: credits,
  },
  {
    name: 'a list with the wrong shape carrying a secret',
    code: 'BAD_RESPONSE',
    replies: (key, secret) => [
      {
        status: 200,
        body: json({ api_keys: [{ ...keyShape(secret), enabled: 'yes', note: key }] }),
      },
    ],
    call: (c, key) => c.listKeys(key),
  },
  {
    name: 'a created key with the wrong shape',
    code: 'BAD_RESPONSE',
    replies: (_key, secret) => [{ status: 201, body: json({ ...keyShape(secret), enabled: 1 }) }],
    call: (c, key) => c.createKey(key, 'ci'),
  },
  {
    name: 'a created key whose secret sits in an unexpected field',
    code: 'BAD_RESPONSE',
    replies: (_key, secret) => [
      { status: 201, body: json({ ...keyShape(secret), key: undefined, new_secret: secret }) },
    ],
    call: (c, key) => c.createKey(key, 'ci'),
  },
  {
    name: 'a created key with truncated JSON',
    code: 'BAD_RESPONSE',
    replies: (_key, secret) => [{ status: 201, body: json(keyShape(secret)).slice(0, -20) }],
    call: (c, key) => c.createKey(key, 'ci'),
  },
  {
    name: 'a created key whose secret is unusable',
    code: 'BAD_RESPONSE',
    replies: (_key, secret) => [
      { status: 201, body: json({ ...keyShape(`${secret} ${secret}`), label: secret }) },
    ],
    call: (c, key) => c.createKey(key, 'ci'),
  },
  {
    name: 'an update answered with the wrong shape',
    code: 'BAD_RESPONSE',
    replies: (key) => [{ status: 200, body: json({ id: key }) }],
    call: (c, key) => c.updateKey(key, 'key_1', { enabled: true }),
  },
  {
    name: 'a delete of an id that is the key itself',
    code: 'NOT_FOUND',
    replies: (key) => [{ status: 404, body: json({ message: `no key ${key}` }) }],
    call: (c, key) => c.deleteKey(key, key),
  },
  {
    name: 'a probe that fails',
    code: 'SERVER_ERROR',
    replies: (key) => [{ status: 500, body: echo(key) }],
    call: (c, key) => c.probe(key),
  },
  {
    name: 'a network error whose text quotes the key',
    code: 'NETWORK',
    replies: (key) => [
      new TypeError(`Headers.append: "${key}" is an invalid header value`, {
        cause: Object.assign(new Error(key), { code: 'ECONNRESET' }),
      }),
    ],
    call: credits,
  },
  {
    name: 'a timeout',
    code: 'TIMEOUT',
    replies: () => ['hang'],
    call: (c, key) => c.createKey(key, 'ci'),
  },
  {
    name: 'a key that cannot be sent',
    code: 'BAD_INPUT',
    replies: () => [{ status: 200, body: '{}' }],
    call: (c, key) => c.credits(`${key} \n`),
  },
];

/** The whole key and every 12-character piece of its random part. */
function leaks(text: string, secret: string): string[] {
  const pieces = [secret];
  for (let i = 4; i + 12 <= secret.length; i++) pieces.push(secret.slice(i, i + 12));
  return pieces.filter((p) => text.includes(p));
}

describe('no error carries the api key or a created secret', () => {
  const logged: unknown[] = [];
  beforeEach(() => {
    for (const m of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const)
      vi.spyOn(console, m).mockImplementation((...args: unknown[]) => logged.push(args));
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    const key = generate();
    const secret = generate();
    const replies = s.replies(key, secret);
    let n = 0;
    const c = createApexClient({
      baseUrl: 'http://api.test',
      timeoutMs: 5,
      retries: 1,
      max429Retries: 1,
      sleep: async () => {},
      fetch: (_input, init) => {
        const r = replies[Math.min(n++, replies.length - 1)] as Reply;
        if (r === 'hang')
          return new Promise((_res, reject) =>
            init?.signal?.addEventListener('abort', () => reject(new Error(`aborted ${key}`))),
          );
        if (r instanceof Error) return Promise.reject(r);
        return Promise.resolve(
          new Response(r.body ?? null, { status: r.status, headers: r.headers }),
        );
      },
    });
    const err = await s.call(c, key, secret).then(
      () => expect.fail('expected an error'),
      (e: unknown) => e as Error,
    );
    expect(err).toMatchObject({ code: s.code });
    const views = [
      String(err),
      err.message,
      JSON.stringify(err),
      err.stack ?? '',
      JSON.stringify(toErrorInfo(err)),
      JSON.stringify(
        Object.getOwnPropertyNames(err).map((p) => (err as unknown as Record<string, unknown>)[p]),
      ),
    ].join('\n');
    expect(leaks(views, key)).toEqual([]);
    expect(leaks(views, secret)).toEqual([]);
    expect(logged).toEqual([]);
  });

  it('covers every error code the client can produce', () => {
    expect(new Set(scenarios.map((s) => s.code))).toEqual(
      new Set([
        'INVALID',
        'UNAUTHORIZED',
        'PAYMENT_REQUIRED',
        'FORBIDDEN',
        'NOT_FOUND',
        'RATE_LIMITED',
        'SERVER_ERROR',
        'BAD_RESPONSE',
        'NETWORK',
        'TIMEOUT',
        'BAD_INPUT',
      ]),
    );
  });
});
