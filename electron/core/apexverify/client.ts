// The ApexVerify HTTP client: one attempt = governor slot + fetch with a timeout + body read.
// GETs retry on network errors, timeouts and 5xx; every method retries a 429, which the server
// did not process. Errors are AppErrors that never carry the key or a created secret.
import type { z } from 'zod';
import { AppError, isNetworkError } from '../../../shared/errors.ts';
import { secretProblem } from '../../../shared/input-rules.ts';
import {
  badResponseError,
  networkError,
  rateLimitedError,
  statusError,
  timeoutError,
  type CallContext,
} from './errors.ts';
import { readRateInfo } from './rate-info.ts';
import { redact, secretsIn } from './redact.ts';
import { backoffDelay, parseRetryAfter } from './retry.ts';
import {
  createdKeySchema,
  creditsSchema,
  describeIssues,
  keyListSchema,
  remoteKeySchema,
} from './schemas.ts';
import type { ApexClient, ApexClientOptions, ClientStats, KeyCheck, RateInfo } from './types.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface Answer {
  status: number;
  text: string;
  headers: Headers;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const cancelledError = (): AppError =>
  new AppError('CANCELLED', 'The request was cancelled; nothing more was sent.');

/** `sleep`, ended early (rejecting with CANCELLED) when `signal` aborts. */
function sleepUnless(
  sleep: (ms: number) => Promise<void>,
  ms: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (!signal) return sleep(ms);
  if (signal.aborted) return Promise.reject(cancelledError());
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(cancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    sleep(ms).then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

const isOk = (status: number): boolean => status >= 200 && status <= 299;

/** A key that cannot go in a header would make fetch throw a message quoting it: refuse first. */
function checkHeaderSafe(apiKey: string): void {
  if (!/^[\x21-\x7e]+$/.test(apiKey))
    throw new AppError(
      'BAD_INPUT',
      'The API key is empty or contains whitespace or non-ASCII characters, so it cannot be sent. Paste the key again.',
    );
}

function checkId(id: string): void {
  if (id.length === 0) throw new AppError('BAD_INPUT', 'A key id is required.');
}

export function createApexClient(opts: ApexClientOptions): ApexClient {
  const baseUrl = opts.baseUrl;
  // Looked up per call, so a stub installed on globalThis later is still honoured.
  const doFetch: typeof fetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const retries = opts.retries ?? 3;
  const backoffBaseMs = opts.backoffBaseMs ?? 250;
  const backoffMaxMs = opts.backoffMaxMs ?? 4000;
  const maxRetryAfterSec = opts.maxRetryAfterSec ?? 30;
  const max429Retries = opts.max429Retries ?? 3;
  const random = opts.random ?? Math.random;
  const signal = opts.signal;
  const baseSleep = opts.sleep ?? defaultSleep;
  const sleep = (ms: number): Promise<void> => sleepUnless(baseSleep, ms, signal);
  const governor = opts.governor;

  const stats: ClientStats = { requests: 0, retries: 0, rateLimited: 0 };
  let rate: RateInfo | null = null;

  async function attempt(ctx: CallContext, apiKey: string, body?: unknown): Promise<Answer> {
    if (signal?.aborted) throw cancelledError();
    if (governor) await governor.acquire(signal);
    stats.requests++;
    const headers: Record<string, string> = { 'X-Api-Key': apiKey, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const controller = new AbortController();
    let timedOut = false;
    // Covers the body read too: a server that sends headers then stalls is still a timeout.
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const cancel = (): void => controller.abort();
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      const res = await doFetch(baseUrl + ctx.path, {
        method: ctx.method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
        // fetch would resend X-Api-Key to wherever a redirect points; treat 3xx as unexpected.
        redirect: 'manual',
      });
      const info = readRateInfo(res.headers);
      if (info) rate = info;
      // A 429's "remaining: 0" is the wait it asks for, not a debt: the governor is told apart.
      if (res.status === 429) {
        const after = parseRetryAfter(res.headers.get('retry-after'), Date.now());
        // Beyond the cap the call fails with the wait instead; the rest of the work waits no longer.
        governor?.limited(info, after === null ? null : Math.min(after, maxRetryAfterSec));
      } else if (info) governor?.observe(info);
      const text = await res.text();
      return { status: res.status, text, headers: res.headers };
    } catch (e) {
      if (timedOut) throw timeoutError(ctx, timeoutMs);
      if (signal?.aborted) throw cancelledError();
      throw networkError(ctx, e);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancel);
    }
  }

  /** Sends with the retry policy; returns the final answer, whatever its status (except 429). */
  async function exchange(ctx: CallContext, apiKey: string, body?: unknown): Promise<Answer> {
    const idempotent = ctx.method === 'GET';
    let failures = 0;
    let limited = 0;
    const backOff = async (n: number): Promise<void> => {
      stats.retries++;
      await sleep(backoffDelay(n, backoffBaseMs, backoffMaxMs, random));
    };
    for (;;) {
      let answer: Answer;
      try {
        answer = await attempt(ctx, apiKey, body);
      } catch (e) {
        const transient = isNetworkError(e);
        if (idempotent && transient && failures < retries) {
          await backOff(failures++);
          continue;
        }
        throw e;
      }
      if (answer.status === 429) {
        stats.rateLimited++;
        const after = parseRetryAfter(answer.headers.get('retry-after'), Date.now());
        if (after !== null && after > maxRetryAfterSec) throw rateLimitedError(Math.ceil(after));
        if (limited >= max429Retries) {
          // Without Retry-After, estimate the time one token takes to come back.
          const estimate = rate ? Math.max(1, Math.ceil(60 / rate.limit)) : undefined;
          throw rateLimitedError(after !== null ? Math.ceil(after) : estimate);
        }
        if (after !== null) {
          stats.retries++;
          limited++;
          await sleep(after * 1000);
        } else {
          await backOff(limited++);
        }
        continue;
      }
      if (answer.status >= 500 && answer.status <= 599 && idempotent && failures < retries) {
        await backOff(failures++);
        continue;
      }
      return answer;
    }
  }

  function parse<S extends z.ZodType>(
    ctx: CallContext,
    answer: Answer,
    schema: S,
    hint = '',
  ): z.infer<S> {
    if (!isOk(answer.status)) throw statusError(ctx, answer.status, answer.text);
    let json: unknown;
    try {
      json = JSON.parse(answer.text);
    } catch {
      throw badResponseError(ctx, answer.status, 'the body is not JSON', answer.text, hint);
    }
    const result = schema.safeParse(json);
    if (!result.success) {
      // The body may hold a secret the server issued: make sure the snippet cannot show it.
      ctx.secrets.push(...secretsIn(json));
      throw badResponseError(ctx, answer.status, describeIssues(result.error), answer.text, hint);
    }
    return result.data;
  }

  const context = (method: Method, path: string, apiKey: string): CallContext => {
    checkHeaderSafe(apiKey);
    return { method, path, baseUrl, secrets: [apiKey] };
  };
  const keyPath = (id: string): string => {
    checkId(id);
    return `/v1/api-keys/${encodeURIComponent(id)}`;
  };

  async function checkKey(apiKey: string): Promise<KeyCheck> {
    const ctx = context('GET', '/v1/account/credits', apiKey);
    const answer = await exchange(ctx, apiKey);
    if (answer.status === 401) return { status: 'unauthorized' };
    return { status: 'ok', credits: parse(ctx, answer, creditsSchema) };
  }

  return {
    baseUrl,
    get stats() {
      return { ...stats };
    },
    get rate() {
      return rate ? { ...rate } : null;
    },

    async credits(apiKey) {
      const ctx = context('GET', '/v1/account/credits', apiKey);
      return parse(ctx, await exchange(ctx, apiKey), creditsSchema);
    },

    checkKey,

    async probe(apiKey) {
      const ctx = context('GET', '/v1/api-keys', apiKey);
      const answer = await exchange(ctx, apiKey);
      if (answer.status === 404 || answer.status === 405) return 'dashboard';
      // A 200 must be the documented list: a catch-all web page is not an API.
      parse(ctx, answer, keyListSchema);
      return 'api';
    },

    async listKeys(apiKey) {
      const ctx = context('GET', '/v1/api-keys', apiKey);
      return parse(ctx, await exchange(ctx, apiKey), keyListSchema).api_keys;
    },

    async createKey(apiKey, label) {
      const ctx = context('POST', '/v1/api-keys', apiKey);
      const orphan =
        ' A key may have been created anyway: list the keys and revoke any you do not recognise.';
      const answer = await exchange(ctx, apiKey, { label });
      const { key: secret, ...key } = parse(ctx, answer, createdKeySchema, orphan);
      const problem = secretProblem(secret);
      if (problem)
        throw new AppError(
          'BAD_RESPONSE',
          redact(
            `ApexVerify created key ${key.id} ("${key.label}") but returned a secret the app cannot use: ${problem} Revoke that key in the dashboard.`,
            [apiKey, secret],
          ),
          { status: answer.status },
        );
      return { key, secret };
    },

    async updateKey(apiKey, id, patch) {
      const ctx = context('PATCH', keyPath(id), apiKey);
      const body: { label?: string; enabled?: boolean } = {};
      if (patch.label !== undefined) body.label = patch.label;
      if (patch.enabled !== undefined) body.enabled = patch.enabled;
      return parse(ctx, await exchange(ctx, apiKey, body), remoteKeySchema);
    },

    async deleteKey(apiKey, id) {
      const ctx = context('DELETE', keyPath(id), apiKey);
      const answer = await exchange(ctx, apiKey);
      if (!isOk(answer.status)) throw statusError(ctx, answer.status, answer.text);
    },
  };
}
