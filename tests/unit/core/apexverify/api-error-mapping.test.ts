// HTTP status -> AppError mapping, and the redaction every piece of server text goes through.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors.ts';
import {
  badResponseError,
  networkError,
  statusError,
  timeoutError,
  type CallContext,
} from '../../../../electron/core/apexverify/errors.ts';
import { redact, secretsIn, snippet } from '../../../../electron/core/apexverify/redact.ts';

const ctx = (method = 'GET', path = '/v1/account/credits'): CallContext => ({
  method,
  path,
  baseUrl: 'http://127.0.0.1:9',
  secrets: ['not-a-real-key-0123456789'],
});

describe('statusError', () => {
  it.each([
    [400, 'INVALID'],
    [401, 'UNAUTHORIZED'],
    [402, 'PAYMENT_REQUIRED'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [422, 'INVALID'],
    [429, 'RATE_LIMITED'],
    [500, 'SERVER_ERROR'],
    [502, 'SERVER_ERROR'],
    [503, 'SERVER_ERROR'],
    [599, 'SERVER_ERROR'],
    [301, 'BAD_RESPONSE'],
    [405, 'BAD_RESPONSE'],
    [409, 'BAD_RESPONSE'],
    [418, 'BAD_RESPONSE'],
  ] as const)('%i => %s, with the status on the error', (status, code) => {
    const e = statusError(ctx(), status, '{"message":"x"}');
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe(code);
    expect(e.status).toBe(status);
    expect(e.toInfo()).toMatchObject({ code, status });
  });

  it('tells the user what to do', () => {
    expect(statusError(ctx(), 401, '{"message":"Unauthorized"}').message).toBe(
      'ApexVerify rejected the key (401): it is invalid, disabled or revoked. Check that the key is current and enabled, or use another key of the account.',
    );
    expect(statusError(ctx(), 402, '').message).toMatch(/credits are exhausted.*Top up.*dashboard/);
    expect(statusError(ctx(), 429, '', 44).message).toMatch(/try again in 44 s/);
    expect(statusError(ctx(), 429, '', 44).retryAfterSec).toBe(44);
    expect(statusError(ctx(), 503, '').message).toMatch(/server error \(503\).*Try again/);
  });

  it('422 carries the server detail', () => {
    const e = statusError(
      ctx('POST', '/v1/api-keys'),
      422,
      JSON.stringify({ message: 'Unprocessable', detail: 'label must be 1-64 characters' }),
    );
    expect(e.code).toBe('INVALID');
    expect(e.message).toContain('label must be 1-64 characters');
  });

  it('422 without detail falls back to the message, and a structured detail is shown compactly', () => {
    expect(statusError(ctx(), 422, '{"message":"bad label"}').message).toContain('bad label');
    const e = statusError(ctx(), 422, '{"detail":[{"loc":["label"],"msg":"too long"}]}');
    expect(e.message).toContain('too long');
  });

  it('other statuses include a short snippet of the body', () => {
    const e = statusError(ctx(), 418, 'x'.repeat(1000));
    expect(e.message).toContain('418');
    expect(e.message).toMatch(/x{199}…/);
    expect(e.message).not.toMatch(/x{200}/);
  });

  it('a redirect is reported, not followed', () => {
    expect(statusError(ctx(), 302, '').message).toMatch(/Redirects are not followed/);
  });

  it('non-JSON error bodies still map by status', () => {
    expect(statusError(ctx(), 500, '<html>oops</html>').code).toBe('SERVER_ERROR');
    expect(statusError(ctx(), 404, '<html>not here</html>').code).toBe('NOT_FOUND');
  });
});

describe('network, timeout and bad-response errors', () => {
  it('NETWORK names the low-level code but not the free text', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9 secret-ish'), {
      code: 'ECONNREFUSED',
    });
    const e = networkError(ctx(), new TypeError('fetch failed', { cause }));
    expect(e.code).toBe('NETWORK');
    expect(e.message).toContain('ECONNREFUSED');
    expect(e.message).not.toContain('secret-ish');
  });

  it('a write that failed mid-flight may have happened; a refused connection sent nothing', () => {
    const fail = (code: string) =>
      new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code }) });
    const post = ctx('POST', '/v1/api-keys');
    expect(networkError(post, fail('UND_ERR_SOCKET')).message).toMatch(/may or may not/);
    expect(networkError(post, fail('ECONNREFUSED')).message).not.toMatch(/may or may not/);
    expect(networkError(post, new Error('no code')).message).toMatch(/may or may not/);
  });

  it('TIMEOUT says how long it waited; a write warns that it may have happened', () => {
    expect(timeoutError(ctx(), 1500).message).toMatch(/within 1.5 s/);
    expect(timeoutError(ctx(), 1500).message).not.toMatch(/may or may not/);
    expect(timeoutError(ctx('POST', '/v1/api-keys'), 1500).message).toMatch(/may or may not/);
  });

  it('BAD_RESPONSE carries status and an empty-body marker', () => {
    const e = badResponseError(ctx(), 200, 'the body is not JSON', '');
    expect(e.code).toBe('BAD_RESPONSE');
    expect(e.status).toBe(200);
    expect(e.message).toContain('(empty)');
  });
});

describe('redaction', () => {
  const secret = 'S3cr3t-value-for-redaction-test';

  it('replaces the secret, its JSON-escaped and URL-encoded forms', () => {
    const odd = 'ab"c/d\\e+f=g0123456789';
    const text = `${odd} ${JSON.stringify(odd)} ${encodeURIComponent(odd)}`;
    const out = redact(text, [odd]);
    expect(out).not.toContain(odd);
    expect(out).not.toContain(JSON.stringify(odd).slice(1, -1));
    expect(out).not.toContain(encodeURIComponent(odd));
  });

  it('replaces secret-named JSON fields even in truncated JSON', () => {
    expect(redact('{"id":"key_1","key":"whatever-it-is"}', [])).toBe(
      '{"id":"key_1","key":"[redacted]"}',
    );
    expect(redact('{"id":"key_1","key":"whatever-it', [])).toBe('{"id":"key_1","key":"[redacted]"');
  });

  it('snippets are at most 200 characters and redacted before cutting', () => {
    const text = `${'y'.repeat(195)}${secret}`;
    const s = snippet(text, [secret]);
    expect(s.length).toBeLessThanOrEqual(200);
    expect(s).not.toContain(secret.slice(0, 5));
  });

  it('finds secrets in nested bodies, skipping values too short to be one', () => {
    const body = {
      a: { key: 'first-secret-value' },
      b: [{ new_secret: 'second-secret-value' }],
      id: 'key_1_not_secret',
      token: 'short',
    };
    expect(secretsIn(body)).toEqual(['first-secret-value', 'second-secret-value']);
  });
});
