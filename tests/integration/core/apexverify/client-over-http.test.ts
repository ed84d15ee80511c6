// The client against real HTTP: tiny node:http servers on 127.0.0.1, one per test, each
// playing one behaviour of the ApexVerify API.
import { randomInt } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createApexClient,
  type ApexClientOptions,
} from '../../../../electron/core/apexverify/index.ts';

const unexpected = (): never => {
  throw new Error('expected a failure');
};

const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const generate = (): string =>
  `avk_${Array.from({ length: 40 }, () => B62[randomInt(62)]).join('')}`;

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}
type Handler = (req: IncomingMessage, res: ServerResponse, n: number, seen: Seen) => void;

const servers: Server[] = [];

async function serve(handler: Handler): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const s = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(s);
      handler(req, res, seen.length, s);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections();
          s.close(() => resolve());
        }),
    ),
  );
});

const rateHeaders = (remaining: number) => ({
  'X-RateLimit-Limit': '180',
  'X-RateLimit-Remaining': String(remaining),
  'X-RateLimit-Used': String(180 - remaining),
});

function send(res: ServerResponse, status: number, body?: unknown, headers = {}): void {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    ...rateHeaders(170),
    ...(text ? { 'Content-Type': 'application/json' } : {}),
    ...headers,
  });
  res.end(text);
}

function client(baseUrl: string, extra: Partial<ApexClientOptions> = {}) {
  const sleeps: number[] = [];
  const c = createApexClient({
    baseUrl,
    timeoutMs: 2000,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...extra,
  });
  return { c, sleeps };
}

const remoteKey = (over: Record<string, unknown> = {}) => ({
  id: 'key_1',
  label: 'production-api',
  created_at: '2026-01-01T00:00:00.000Z',
  last_used_at: null,
  enabled: true,
  ...over,
});

describe('ApexVerify client over real HTTP', () => {
  it('speaks the documented protocol: headers, JSON bodies, encoded ids, rate headers', async () => {
    const key = generate();
    const secret = generate();
    const { url, seen } = await serve((req, res) => {
      if (req.url === '/v1/account/credits')
        return send(res, 200, { email_credit: 1000.0, phone_credit: 500.0 });
      if (req.method === 'GET') return send(res, 200, { api_keys: [remoteKey()] });
      if (req.method === 'POST') return send(res, 201, { ...remoteKey(), key: secret });
      if (req.method === 'PATCH') return send(res, 200, remoteKey({ enabled: false }));
      res.writeHead(204, rateHeaders(160)).end();
    });
    const { c } = client(url);
    expect(await c.credits(key)).toEqual({ email_credit: 1000, phone_credit: 500 });
    expect(await c.listKeys(key)).toEqual([remoteKey()]);
    expect(await c.createKey(key, 'staging-etl')).toEqual({ key: remoteKey(), secret });
    expect(await c.updateKey(key, 'key/1', { enabled: false })).toMatchObject({ enabled: false });
    await c.deleteKey(key, 'key/1');
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET /v1/account/credits',
      'GET /v1/api-keys',
      'POST /v1/api-keys',
      'PATCH /v1/api-keys/key%2F1',
      'DELETE /v1/api-keys/key%2F1',
    ]);
    for (const s of seen) {
      expect(s.headers['x-api-key']).toBe(key);
      expect(s.headers.accept).toBe('application/json');
    }
    expect(seen[2]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen[2]?.body ?? '')).toEqual({ label: 'staging-etl' });
    expect(JSON.parse(seen[3]?.body ?? '')).toEqual({ enabled: false });
    expect(c.rate).toEqual({ limit: 180, remaining: 160, used: 20 });
    expect(c.stats).toEqual({ requests: 5, retries: 0, rateLimited: 0 });
  });

  it('401: credits throws UNAUTHORIZED, checkKey answers unauthorized', async () => {
    const { url } = await serve((_req, res) => send(res, 401, { message: 'Unauthorized' }));
    const { c } = client(url);
    await expect(c.credits(generate())).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      status: 401,
      message: expect.stringContaining('invalid, disabled or revoked'),
    });
    expect(await c.checkKey(generate())).toEqual({ status: 'unauthorized' });
  });

  it('402: PAYMENT_REQUIRED', async () => {
    const { url } = await serve((_req, res) => send(res, 402, { message: 'Payment Required' }));
    await expect(client(url).c.checkKey(generate())).rejects.toMatchObject({
      code: 'PAYMENT_REQUIRED',
      status: 402,
    });
  });

  it('422 with detail: INVALID carrying the detail', async () => {
    const { url } = await serve((_req, res) =>
      send(res, 422, { message: 'Unprocessable Entity', detail: 'label: at most 64 characters' }),
    );
    const err = await client(url)
      .c.createKey(generate(), 'a'.repeat(65))
      .then(unexpected, (e: Error) => e);
    expect(err).toMatchObject({ code: 'INVALID', status: 422 });
    expect(err.message).toContain('label: at most 64 characters');
  });

  it('429 with a short Retry-After: waits that long and retries', async () => {
    const { url, seen } = await serve((_req, res, n) =>
      n === 1
        ? send(res, 429, { message: 'Too Many Requests' }, { 'Retry-After': '3' })
        : send(res, 200, { email_credit: 1, phone_credit: 2 }),
    );
    const { c, sleeps } = client(url);
    expect(await c.credits(generate())).toEqual({ email_credit: 1, phone_credit: 2 });
    expect(seen).toHaveLength(2);
    expect(sleeps).toEqual([3000]);
    expect(c.stats).toEqual({ requests: 2, retries: 1, rateLimited: 1 });
  });

  it('429 with a long Retry-After: RATE_LIMITED at once, with the wait', async () => {
    const { url, seen } = await serve((_req, res) =>
      send(res, 429, { message: 'Too Many Requests' }, { 'Retry-After': '44', ...rateHeaders(0) }),
    );
    const { c, sleeps } = client(url);
    await expect(c.credits(generate())).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSec: 44,
      message: expect.stringContaining('try again in 44 s'),
    });
    expect(seen).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(c.rate).toEqual({ limit: 180, remaining: 0, used: 180 });
  });

  it('429 without Retry-After: backs off, and gives up after max429Retries', async () => {
    const { url, seen } = await serve((_req, res) =>
      send(res, 429, { message: 'Too Many Requests' }),
    );
    const { c, sleeps } = client(url, { max429Retries: 2 });
    await expect(c.createKey(generate(), 'ci')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(seen.map((s) => s.method)).toEqual(['POST', 'POST', 'POST']);
    expect(sleeps).toEqual([125, 250]);
  });

  it('500 then success: a GET is retried', async () => {
    const { url, seen } = await serve((_req, res, n) =>
      n === 1
        ? send(res, 500, { message: 'Internal Server Error' })
        : send(res, 200, { api_keys: [] }),
    );
    const { c, sleeps } = client(url);
    expect(await c.listKeys(generate())).toEqual([]);
    expect(seen).toHaveLength(2);
    expect(sleeps).toEqual([125]);
  });

  it('500: a POST is not retried', async () => {
    const { url, seen } = await serve((_req, res) =>
      send(res, 500, { message: 'Internal Server Error' }),
    );
    const { c, sleeps } = client(url);
    await expect(c.createKey(generate(), 'ci')).rejects.toMatchObject({
      code: 'SERVER_ERROR',
      status: 500,
    });
    expect(seen).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('a server that never answers: TIMEOUT after each attempt', async () => {
    const { url } = await serve(() => {
      // Never answers.
    });
    // Attempts counted as the client sends them: on a busy machine the server may not have read
    // a request before its 100 ms ran out, so counting on the server side raced the machine.
    let sent = 0;
    const { c } = client(url, {
      timeoutMs: 100,
      retries: 1,
      fetch: (input, init) => {
        sent++;
        return globalThis.fetch(input, init);
      },
    });
    await expect(c.credits(generate())).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(sent).toBe(2);
  });

  it('a server that sends headers then stalls the body: TIMEOUT', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"email_credit":');
    });
    const { c } = client(url, { timeoutMs: 100, retries: 0 });
    await expect(c.credits(generate())).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('malformed JSON: BAD_RESPONSE with a snippet', async () => {
    const { url } = await serve((_req, res) => send(res, 200, '{"email_credit": 10, "phone_'));
    const err = await client(url)
      .c.credits(generate())
      .then(unexpected, (e: Error) => e);
    expect(err).toMatchObject({ code: 'BAD_RESPONSE', status: 200 });
    expect(err.message).toContain('{"email_credit": 10, "phone_');
  });

  it('a dropped connection: NETWORK; a GET is retried, a DELETE is not', async () => {
    const { url, seen } = await serve((req) => req.socket.destroy());
    const { c, sleeps } = client(url, { retries: 2 });
    await expect(c.listKeys(generate())).rejects.toMatchObject({ code: 'NETWORK' });
    expect(seen).toHaveLength(3);
    expect(sleeps).toEqual([125, 250]);
    await expect(c.deleteKey(generate(), 'key_1')).rejects.toMatchObject({ code: 'NETWORK' });
    expect(seen).toHaveLength(4);
  });

  it('nothing listening: NETWORK naming ECONNREFUSED', async () => {
    const { url } = await serve(() => {});
    const closed = servers.pop() as Server;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(client(url, { retries: 0 }).c.credits(generate())).rejects.toMatchObject({
      code: 'NETWORK',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('probe: 200 list => api; 404 and 405 => dashboard; 401 => UNAUTHORIZED', async () => {
    const api = await serve((_req, res) => send(res, 200, { api_keys: [remoteKey()] }));
    const notFound = await serve((_req, res) => send(res, 404, { message: 'Not Found' }));
    const notAllowed = await serve((_req, res) =>
      send(res, 405, { message: 'Method Not Allowed' }),
    );
    const denied = await serve((_req, res) => send(res, 401, { message: 'Unauthorized' }));
    const key = generate();
    expect(await client(api.url).c.probe(key)).toBe('api');
    expect(await client(notFound.url).c.probe(key)).toBe('dashboard');
    expect(await client(notAllowed.url).c.probe(key)).toBe('dashboard');
    await expect(client(denied.url).c.probe(key)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(api.seen[0]).toMatchObject({ method: 'GET', url: '/v1/api-keys' });
  });

  it('a redirect is not followed, so the key never reaches another server', async () => {
    const elsewhere = await serve((_req, res) =>
      send(res, 200, { email_credit: 1, phone_credit: 1 }),
    );
    const { url } = await serve((_req, res) => {
      res.writeHead(302, { Location: `${elsewhere.url}/v1/account/credits` }).end();
    });
    await expect(client(url).c.credits(generate())).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
      status: 302,
    });
    expect(elsewhere.seen).toHaveLength(0);
  });
});
