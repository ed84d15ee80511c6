// The sandbox over real HTTP: what the client, the benchmarks and the demo rely on.
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../electron/core/fs/atomic-write.ts';
import {
  startSandboxServer,
  type Sandbox,
  type SandboxOptions,
} from '../../../electron/sandbox/server.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

const SECRET_RE = /^avk_[0-9A-Za-z]{40}$/;

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

interface CallOpts {
  method?: string;
  key?: string | null;
  admin?: string;
  body?: unknown;
  rawBody?: string;
}

const open: Sandbox[] = [];

async function start(opts: SandboxOptions = {}): Promise<Sandbox> {
  const sb = await startSandboxServer(opts);
  open.push(sb);
  return sb;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((sb) => sb.close()));
});

async function call(sb: Sandbox, path: string, o: CallOpts = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (o.key) headers['X-Api-Key'] = o.key;
  if (o.admin) headers['X-Sandbox-Admin'] = o.admin;
  const method = o.method ?? 'GET';
  let body: string | undefined = o.rawBody;
  // fetch refuses a body on GET; the loops below send one regardless of method.
  if (o.body !== undefined && method !== 'GET') {
    body = JSON.stringify(o.body);
    headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(`${sb.url}${path}`, { method, headers, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

function key(sb: Sandbox): string {
  if (!sb.bootstrapKey) throw new Error('no bootstrap key');
  return sb.bootstrapKey;
}

function rate(a: Answer): [string | null, string | null, string | null] {
  return [
    a.headers.get('x-ratelimit-limit'),
    a.headers.get('x-ratelimit-remaining'),
    a.headers.get('x-ratelimit-used'),
  ];
}

/** A clock the test moves by hand. */
function manualClock(start = Date.parse('2030-01-01T00:00:00.000Z')) {
  let t = start;
  return {
    now: () => t,
    advance: (ms: number) => void (t += ms),
    iso: () => new Date(t).toISOString(),
  };
}

describe('sandbox: credits and auth', () => {
  it('answers the credits call with floats, JSON and rate-limit headers', async () => {
    const sb = await start();
    expect(sb.url).toBe(`http://127.0.0.1:${sb.port}`);
    expect(sb.bootstrapKey).toMatch(SECRET_RE);
    const a = await call(sb, '/v1/account/credits', { key: key(sb) });
    expect(a.status).toBe(200);
    expect(a.headers.get('content-type')).toBe('application/json');
    expect(a.text).toBe('{"email_credit": 1000.0, "phone_credit": 500.0}');
    expect(a.json).toEqual({ email_credit: 1000, phone_credit: 500 });
    expect(rate(a)).toEqual(['180', '179', '1']);
  });

  it('serves the configured credits', async () => {
    const sb = await start({ credits: { email: 12.5, phone: 0 } });
    const a = await call(sb, '/v1/account/credits', { key: key(sb) });
    expect(a.json).toEqual({ email_credit: 12.5, phone_credit: 0 });
  });

  it('answers 401 for a missing or unknown key, with headers, without using a token', async () => {
    const sb = await start({ rpm: 10 });
    const unknown = `avk_${randomBytes(20).toString('hex')}`;
    for (const k of [null, unknown]) {
      const a = await call(sb, '/v1/account/credits', { key: k });
      expect(a.status).toBe(401);
      expect(a.headers.get('content-type')).toBe('application/json');
      expect(a.json).toEqual({ message: 'Unauthorized' });
      expect(rate(a)).toEqual(['10', '10', '0']);
    }
    expect(sb.stats.requests).toBe(2);
    expect(sb.stats.byPath['/v1/account/credits']).toBe(2);
  });

  it('answers 404 for unknown routes and 405 for a wrong method', async () => {
    const sb = await start();
    const nf = await call(sb, '/v1/nothing', { key: key(sb) });
    expect([nf.status, nf.json]).toEqual([404, { message: 'Not Found' }]);
    const na = await call(sb, '/v1/account/credits', { key: key(sb), method: 'POST' });
    expect([na.status, na.json]).toEqual([405, { message: 'Method Not Allowed' }]);
    expect(na.headers.get('allow')).toBe('GET');
    const na2 = await call(sb, '/v1/api-keys', { key: key(sb), method: 'PUT' });
    expect(na2.status).toBe(405);
    expect(rate(na2)[0]).toBe('180');
  });
});

describe('sandbox: key management API', () => {
  it('creates, lists, renames, disables, enables and revokes keys', async () => {
    const sb = await start();
    const admin = key(sb);
    const created = await call(sb, '/v1/api-keys', {
      key: admin,
      method: 'POST',
      body: { label: 'staging-etl' },
    });
    expect(created.status).toBe(201);
    const k = created.json as { id: string; key: string; label: string; last_used_at: null };
    expect(k).toMatchObject({ label: 'staging-etl', enabled: true, last_used_at: null });
    expect(k.id).toMatch(/^key_[0-9A-Za-z]+$/);
    expect(k.key).toMatch(SECRET_RE);
    expect(k.key).not.toBe(admin);

    const list = await call(sb, '/v1/api-keys', { key: admin });
    expect(list.status).toBe(200);
    const keys = (list.json as { api_keys: Record<string, unknown>[] }).api_keys;
    expect(keys.map((x) => x.label)).toEqual(['default', 'staging-etl']);
    for (const x of keys)
      expect(Object.keys(x).sort()).toEqual([
        'created_at',
        'enabled',
        'id',
        'label',
        'last_used_at',
      ]);
    expect(list.text).not.toContain(k.key);
    expect(list.text).not.toContain(admin);

    expect((await call(sb, '/v1/account/credits', { key: k.key })).status).toBe(200);

    const renamed = await call(sb, `/v1/api-keys/${k.id}`, {
      key: admin,
      method: 'PATCH',
      body: { label: 'prod.api_2' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ id: k.id, label: 'prod.api_2', enabled: true });

    const off = await call(sb, `/v1/api-keys/${k.id}`, {
      key: admin,
      method: 'PATCH',
      body: { enabled: false },
    });
    expect(off.json).toMatchObject({ enabled: false });
    const denied = await call(sb, '/v1/account/credits', { key: k.key });
    expect([denied.status, denied.json]).toEqual([401, { message: 'Unauthorized' }]);
    // A disabled key is still listed.
    const listed = await call(sb, '/v1/api-keys', { key: admin });
    expect((listed.json as { api_keys: { id: string }[] }).api_keys.map((x) => x.id)).toContain(
      k.id,
    );

    await call(sb, `/v1/api-keys/${k.id}`, {
      key: admin,
      method: 'PATCH',
      body: { enabled: true },
    });
    expect((await call(sb, '/v1/account/credits', { key: k.key })).status).toBe(200);

    const del = await call(sb, `/v1/api-keys/${k.id}`, { key: admin, method: 'DELETE' });
    expect([del.status, del.text]).toEqual([204, '']);
    expect((await call(sb, '/v1/account/credits', { key: k.key })).status).toBe(401);
    const again = await call(sb, `/v1/api-keys/${k.id}`, { key: admin, method: 'DELETE' });
    expect([again.status, again.json]).toEqual([404, { message: 'Not Found' }]);
    const patchGone = await call(sb, `/v1/api-keys/${k.id}`, {
      key: admin,
      method: 'PATCH',
      body: { enabled: true },
    });
    expect(patchGone.status).toBe(404);
    const after = await call(sb, '/v1/api-keys', { key: admin });
    expect((after.json as { api_keys: { id: string }[] }).api_keys.map((x) => x.id)).not.toContain(
      k.id,
    );
  });

  it('lets a key disable or revoke itself', async () => {
    const sb = await start();
    const a = sb.issueKey('self-disable');
    const off = await call(sb, `/v1/api-keys/${a.id}`, {
      key: a.key,
      method: 'PATCH',
      body: { enabled: false },
    });
    expect(off.status).toBe(200);
    expect((await call(sb, '/v1/api-keys', { key: a.key })).status).toBe(401);

    const b = sb.issueKey('self-revoke');
    expect((await call(sb, `/v1/api-keys/${b.id}`, { key: b.key, method: 'DELETE' })).status).toBe(
      204,
    );
    expect((await call(sb, '/v1/api-keys', { key: b.key })).status).toBe(401);
  });

  it('moves last_used_at on every processed request of the calling key', async () => {
    const clock = manualClock();
    const sb = await start({ now: clock.now });
    const k = sb.issueKey('ci-pipeline');
    const createdAt = clock.iso();
    const lastUsed = async (): Promise<string | null> => {
      const list = await call(sb, '/v1/api-keys', { key: key(sb) });
      const found = (
        list.json as { api_keys: { id: string; last_used_at: string | null; created_at: string }[] }
      ).api_keys.find((x) => x.id === k.id);
      expect(found?.created_at).toBe(createdAt);
      return found?.last_used_at ?? null;
    };
    expect(await lastUsed()).toBeNull();
    clock.advance(5_000);
    await call(sb, '/v1/account/credits', { key: k.key });
    const first = clock.iso();
    expect(await lastUsed()).toBe(first);
    clock.advance(60_000);
    expect(await lastUsed()).toBe(first);
    await call(sb, '/v1/nothing-here', { key: k.key });
    expect(await lastUsed()).toBe(clock.iso());
  });

  it('answers 422 with a detail for bad bodies and labels', async () => {
    const sb = await start();
    const admin = key(sb);
    const cases: [CallOpts, RegExp][] = [
      [{ rawBody: '{"label": ' }, /not valid JSON/],
      [{ body: ['x'] }, /JSON object/],
      [{ body: {} }, /label is required/],
      [{ body: { label: 7 } }, /string/],
      [{ body: { label: '' } }, /empty/],
      [{ body: { label: 'has space' } }, /whitespace/],
      [{ body: { label: 'x'.repeat(65) } }, /65 characters/],
      [{ body: { label: 'semi;colon' } }, /not allowed/],
    ];
    for (const [o, detail] of cases) {
      const a = await call(sb, '/v1/api-keys', { ...o, key: admin, method: 'POST' });
      expect(a.status).toBe(422);
      const j = a.json as { message: string; detail: string };
      expect(j.message).toBe('Unprocessable Entity');
      expect(j.detail).toMatch(detail);
    }
    const id = sb.issueKey('target').id;
    for (const body of [{}, { enabled: 'yes' }, { label: 'a b' }]) {
      const a = await call(sb, `/v1/api-keys/${id}`, { key: admin, method: 'PATCH', body });
      expect(a.status).toBe(422);
      expect(a.json).toMatchObject({ message: 'Unprocessable Entity', detail: expect.any(String) });
    }
    const unknown = await call(sb, '/v1/api-keys/key_nope', {
      key: admin,
      method: 'PATCH',
      body: { enabled: true },
    });
    expect(unknown.status).toBe(404);
    // Only the admin's default key and "target": the bad requests created nothing.
    const list = await call(sb, '/v1/api-keys', { key: admin });
    expect((list.json as { api_keys: unknown[] }).api_keys).toHaveLength(2);
  });

  it('answers 413 for bodies over 64 KiB', async () => {
    const sb = await start();
    const a = await call(sb, '/v1/api-keys', {
      key: key(sb),
      method: 'POST',
      body: { label: 'ok', pad: 'x'.repeat(70 * 1024) },
    });
    expect([a.status, a.json]).toEqual([413, { message: 'Payload Too Large' }]);
    expect((await call(sb, '/v1/account/credits', { key: key(sb) })).status).toBe(200);
  });

  it('answers 404 on the key endpoints in dashboard mode, while the helpers still work', async () => {
    const sb = await start({ keyApi: false });
    for (const [method, path] of [
      ['GET', '/v1/api-keys'],
      ['POST', '/v1/api-keys'],
      ['PATCH', '/v1/api-keys/key_x'],
      ['DELETE', '/v1/api-keys/key_x'],
    ] as const) {
      const a = await call(sb, path, { key: key(sb), method, body: { label: 'x' } });
      expect([a.status, a.json]).toEqual([404, { message: 'Not Found' }]);
    }
    const k = sb.issueKey('dev-john');
    expect((await call(sb, '/v1/account/credits', { key: k.key })).status).toBe(200);
    expect(sb.setEnabled(k.id, false)).toBe(true);
    expect((await call(sb, '/v1/account/credits', { key: k.key })).status).toBe(401);
    expect(sb.setEnabled(k.id, true)).toBe(true);
    expect(sb.revokeKey(k.id)).toBe(true);
    expect(sb.revokeKey(k.id)).toBe(false);
    expect(sb.setEnabled(k.id, true)).toBe(false);
    expect((await call(sb, '/v1/account/credits', { key: k.key })).status).toBe(401);
    expect(() => sb.issueKey('bad label')).toThrow(/whitespace/);
  });
});

describe('sandbox: rate limit', () => {
  it('is a token bucket: 429 with Retry-After past the limit, refilled continuously', async () => {
    const clock = manualClock();
    const sb = await start({ rpm: 3, now: clock.now });
    const credits = () => call(sb, '/v1/account/credits', { key: key(sb) });
    expect(rate(await credits())).toEqual(['3', '2', '1']);
    expect(rate(await credits())).toEqual(['3', '1', '2']);
    expect(rate(await credits())).toEqual(['3', '0', '3']);

    const limited = await credits();
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual({ message: 'Too Many Requests' });
    // 3 per minute: one token every 20 s.
    expect(limited.headers.get('retry-after')).toBe('20');
    expect(rate(limited)).toEqual(['3', '0', '3']);

    // Unauthenticated calls cost nothing and still carry the headers.
    const anon = await call(sb, '/v1/account/credits');
    expect([anon.status, ...rate(anon)]).toEqual([401, '3', '0', '3']);

    clock.advance(19_500);
    const almost = await credits();
    expect(almost.status).toBe(429);
    expect(almost.headers.get('retry-after')).toBe('1');
    clock.advance(500);
    const ok = await credits();
    expect([ok.status, ...rate(ok)]).toEqual([200, '3', '0', '3']);

    clock.advance(10 * 60_000);
    expect(rate(await credits())).toEqual(['3', '2', '1']);
    expect(sb.stats.rateLimited).toBe(2);
  });

  it('does not update last_used_at for a rate-limited request', async () => {
    const clock = manualClock();
    const sb = await start({ rpm: 1, now: clock.now });
    const k = sb.issueKey('busy');
    expect((await call(sb, '/v1/account/credits', { key: k.key })).status).toBe(200);
    const usedAt = clock.iso();
    clock.advance(1_000);
    expect((await call(sb, '/v1/account/credits', { key: k.key })).status).toBe(429);
    clock.advance(60_000);
    const list = await call(sb, '/v1/api-keys', { key: key(sb) });
    const found = (list.json as { api_keys: { id: string; last_used_at: string }[] }).api_keys.find(
      (x) => x.id === k.id,
    );
    expect(found?.last_used_at).toBe(usedAt);
  });
});

describe('sandbox: faults', () => {
  it('answers a status fault once, with headers, then handles normally', async () => {
    const sb = await start();
    sb.addFault({ method: 'get', path: '/v1/account', status: 503 });
    sb.addFault({ method: 'POST', status: 500 });
    const a = await call(sb, '/v1/account/credits', { key: key(sb) });
    expect([a.status, a.json]).toEqual([503, { message: 'Service Unavailable' }]);
    expect(rate(a)).toEqual(['180', '180', '0']);
    expect(a.headers.get('retry-after')).toBeNull();
    expect((await call(sb, '/v1/account/credits', { key: key(sb) })).status).toBe(200);
    const p = await call(sb, '/v1/api-keys', {
      key: key(sb),
      method: 'POST',
      body: { label: 'x' },
    });
    expect([p.status, p.json]).toEqual([500, { message: 'Internal Server Error' }]);
    expect(
      (await call(sb, '/v1/api-keys', { key: key(sb), method: 'POST', body: { label: 'x' } }))
        .status,
    ).toBe(201);
  });

  it('simulates 429 with and without Retry-After', async () => {
    const sb = await start();
    sb.addFault({ status: 429, retryAfter: null });
    sb.addFault({ status: 429, retryAfter: 44 });
    const a = await call(sb, '/v1/account/credits', { key: key(sb) });
    expect([a.status, a.json]).toEqual([429, { message: 'Too Many Requests' }]);
    expect(a.headers.get('retry-after')).toBeNull();
    expect(rate(a)).toEqual(['180', '0', '180']);
    const b = await call(sb, '/v1/account/credits', { key: key(sb) });
    expect(b.status).toBe(429);
    expect(b.headers.get('retry-after')).toBe('44');
    // Counted apart from the limiter's own 429s (bench:verify adds the two).
    expect(sb.stats.rateLimited).toBe(0);
    expect(sb.stats.faulted).toBe(2);
    expect((await call(sb, '/v1/account/credits', { key: key(sb) })).status).toBe(200);
    expect(sb.stats.faulted).toBe(2);
  });

  it('answers a raw body, or a malformed 200', async () => {
    const sb = await start();
    sb.addFault({ status: 422, body: '{"message":"Unprocessable Entity","detail":"nope"}' });
    sb.addFault({ malformed: true });
    const a = await call(sb, '/v1/account/credits', { key: key(sb) });
    expect([a.status, a.json]).toEqual([422, { message: 'Unprocessable Entity', detail: 'nope' }]);
    const res = await fetch(`${sb.url}/v1/account/credits`, { headers: { 'X-Api-Key': key(sb) } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-ratelimit-limit')).toBe('180');
    await expect(res.json()).rejects.toThrow();
  });

  it('drops the connection so fetch rejects', async () => {
    const sb = await start();
    sb.addFault({ path: '/v1/account/credits', drop: true });
    await expect(call(sb, '/v1/account/credits', { key: key(sb) })).rejects.toThrow();
    expect((await call(sb, '/v1/account/credits', { key: key(sb) })).status).toBe(200);
  });

  it('delays and then handles normally when only latency is given', async () => {
    const sb = await start();
    sb.addFault({ latencyMs: 150 });
    const t0 = performance.now();
    const a = await call(sb, '/v1/account/credits', { key: key(sb) });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    expect(a.status).toBe(200);
    sb.addFault({ latencyMs: 100, status: 500 });
    const t1 = performance.now();
    expect((await call(sb, '/v1/account/credits', { key: key(sb) })).status).toBe(500);
    expect(performance.now() - t1).toBeGreaterThanOrEqual(90);
  });

  it('applies in order, honours times, skips non-matching requests, and clears', async () => {
    const sb = await start();
    sb.addFault({ path: '/v1/api-keys', status: 502, times: 2 });
    sb.addFault({ status: 500, times: Infinity });
    const status = async (path: string) => (await call(sb, path, { key: key(sb) })).status;
    expect(await status('/v1/api-keys')).toBe(502);
    expect(await status('/v1/account/credits')).toBe(500);
    expect(await status('/v1/api-keys')).toBe(502);
    for (let i = 0; i < 5; i++) expect(await status('/v1/api-keys')).toBe(500);
    sb.clearFaults();
    expect(await status('/v1/api-keys')).toBe(200);
    expect(() => sb.addFault({ status: 500, times: 0 })).toThrow();
  });

  it('never faults the admin paths', async () => {
    const sb = await start();
    sb.addFault({ status: 500, times: Infinity });
    const a = await call(sb, '/__sandbox/stats', { admin: sb.adminToken });
    expect(a.status).toBe(200);
  });
});

describe('sandbox: admin endpoints', () => {
  it('reject requests without the right token', async () => {
    const sb = await start();
    const routes: [string, string][] = [
      ['POST', '/__sandbox/faults'],
      ['DELETE', '/__sandbox/faults'],
      ['POST', '/__sandbox/keys'],
      ['DELETE', '/__sandbox/keys/key_x'],
      ['PATCH', '/__sandbox/keys/key_x'],
      ['GET', '/__sandbox/stats'],
    ];
    for (const [method, path] of routes) {
      for (const admin of [undefined, 'wrong', `${sb.adminToken}x`]) {
        const a = await call(sb, path, { method, admin, key: key(sb), body: { label: 'x' } });
        expect([a.status, a.json]).toEqual([403, { message: 'Forbidden' }]);
      }
    }
  });

  it('manage faults, keys and stats with the token', async () => {
    const sb = await start();
    const admin = sb.adminToken;
    const add = await call(sb, '/__sandbox/faults', {
      admin,
      method: 'POST',
      body: { path: '/v1/account', status: 500, times: 'Infinity' },
    });
    expect(add.status).toBe(204);
    expect((await call(sb, '/v1/account/credits', { key: key(sb) })).status).toBe(500);
    expect((await call(sb, '/v1/account/credits', { key: key(sb) })).status).toBe(500);
    expect((await call(sb, '/__sandbox/faults', { admin, method: 'DELETE' })).status).toBe(204);
    expect((await call(sb, '/v1/account/credits', { key: key(sb) })).status).toBe(200);

    for (const bad of [{ status: 'x' }, { times: 0 }, { unknown: true }, { times: 'forever' }]) {
      const a = await call(sb, '/__sandbox/faults', { admin, method: 'POST', body: bad });
      expect(a.status).toBe(422);
      expect(a.json).toMatchObject({ message: 'Unprocessable Entity', detail: expect.any(String) });
    }

    const issued = await call(sb, '/__sandbox/keys', {
      admin,
      method: 'POST',
      body: { label: 'dash-1' },
    });
    expect(issued.status).toBe(201);
    const k = issued.json as { id: string; key: string };
    expect(Object.keys(k).sort()).toEqual(['id', 'key']);
    expect(k.key).toMatch(SECRET_RE);
    expect((await call(sb, '/v1/account/credits', { key: k.key })).status).toBe(200);
    const badLabel = await call(sb, '/__sandbox/keys', {
      admin,
      method: 'POST',
      body: { label: 'a b' },
    });
    expect(badLabel.status).toBe(422);

    const off = await call(sb, `/__sandbox/keys/${k.id}`, {
      admin,
      method: 'PATCH',
      body: { enabled: false },
    });
    expect([off.status, (off.json as { enabled: boolean }).enabled]).toEqual([200, false]);
    expect((await call(sb, '/v1/account/credits', { key: k.key })).status).toBe(401);
    const badPatch = await call(sb, `/__sandbox/keys/${k.id}`, {
      admin,
      method: 'PATCH',
      body: { enabled: 1 },
    });
    expect(badPatch.status).toBe(422);

    expect((await call(sb, `/__sandbox/keys/${k.id}`, { admin, method: 'DELETE' })).status).toBe(
      204,
    );
    expect((await call(sb, `/__sandbox/keys/${k.id}`, { admin, method: 'DELETE' })).status).toBe(
      404,
    );
    expect(
      (
        await call(sb, `/__sandbox/keys/${k.id}`, {
          admin,
          method: 'PATCH',
          body: { enabled: true },
        })
      ).status,
    ).toBe(404);

    const stats = await call(sb, '/__sandbox/stats', { admin });
    expect(stats.status).toBe(200);
    expect(stats.json).toEqual(sb.stats);
    // Admin calls are not counted: 2 faulted, 1 plain, 1 with the issued key, 1 refused.
    expect(sb.stats.requests).toBe(5);
    expect(sb.stats.byPath).toEqual({ '/v1/account/credits': 5 });
    expect((await call(sb, '/__sandbox/nothing', { admin })).status).toBe(404);
    expect((await call(sb, '/__sandbox/stats', { admin, method: 'POST' })).status).toBe(405);
  });
});

describe('sandbox: state file', () => {
  // The app's own atomic writer, as the CLI and the hosts pass it in.
  const state = (file: string) => ({ file, writeAtomic: writeFileAtomic });

  it('persists keys as hashes only, across a restart', async () => {
    const dir = makeTempDir('sandbox-state');
    const stateFile = join(dir, 'nested', 'state.json');
    const first = await start({ state: state(stateFile) });
    const boot = key(first);
    const issued = first.issueKey('survivor');
    const doomed = first.issueKey('doomed');
    expect(first.revokeKey(doomed.id)).toBe(true);
    expect((await call(first, '/v1/account/credits', { key: issued.key })).status).toBe(200);
    await first.close();

    const text = readFileSync(stateFile, 'utf8');
    for (const secret of [boot, issued.key, doomed.key]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/avk_/);
    expect(text).toContain(issued.id);
    if (process.platform !== 'win32') expect(statSync(stateFile).mode & 0o777).toBe(0o600);

    const second = await start({ state: state(stateFile) });
    expect(second.bootstrapKey).toBeNull();
    expect((await call(second, '/v1/account/credits', { key: boot })).status).toBe(200);
    expect((await call(second, '/v1/account/credits', { key: issued.key })).status).toBe(200);
    expect((await call(second, '/v1/account/credits', { key: doomed.key })).status).toBe(401);
    const list = await call(second, '/v1/api-keys', { key: boot });
    const keys = (
      list.json as { api_keys: { id: string; label: string; last_used_at: string | null }[] }
    ).api_keys;
    expect(keys.map((k) => k.label)).toEqual(['default', 'survivor']);
    expect(keys[1]?.last_used_at).not.toBeNull();
  });

  it('refuses a corrupt state file rather than starting over', async () => {
    const dir = makeTempDir('sandbox-state');
    const stateFile = join(dir, 'state.json');
    writeFileSync(stateFile, '{"version": 1, "keys": [{"id": 3}]}');
    await expect(startSandboxServer({ state: state(stateFile) })).rejects.toThrow(
      /unexpected shape/,
    );
    writeFileSync(stateFile, 'not json');
    await expect(startSandboxServer({ state: state(stateFile) })).rejects.toThrow(/not valid JSON/);
  });
});

describe('sandbox: lifecycle', () => {
  it('closes promptly with keep-alive sockets and pending latency faults', async () => {
    const sb = await startSandboxServer();
    expect((await call(sb, '/v1/account/credits', { key: key(sb) })).status).toBe(200);
    sb.addFault({ latencyMs: 30_000 });
    const pending = call(sb, '/v1/account/credits', { key: key(sb) }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    await sb.close();
    await sb.close();
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(await pending).toBeInstanceOf(Error);
  });

  it('listens on the requested port on 127.0.0.1 only', async () => {
    const probe = await startSandboxServer();
    const port = probe.port;
    await probe.close();
    const sb = await start({ port });
    expect(sb.port).toBe(port);
    expect(sb.url).toBe(`http://127.0.0.1:${port}`);
    await expect(startSandboxServer({ port })).rejects.toThrow();
  });
});
