// HTTP outcomes -> AppError. Every message says what happened and what to do; every piece of
// server text passes through redact() first, because a server may echo what it was sent.
import { AppError } from '../../../shared/errors.ts';
import { redact, snippet } from './redact.ts';

export interface CallContext {
  method: string;
  path: string;
  baseUrl: string;
  /** Everything that must never appear in an error: the api key, and any secret seen in a body. */
  secrets: string[];
}

const where = (ctx: CallContext): string => `${ctx.method} ${ctx.path}`;

/** For calls that change something, a failure after sending may still have taken effect. */
const mayHaveHappened = (ctx: CallContext): string =>
  ctx.method === 'GET'
    ? ''
    : ' The change may or may not have been made: check before repeating it.';

function safe(ctx: CallContext, message: string): string {
  return redact(message, ctx.secrets);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The server's own words (`message`, or `detail` for 422), redacted and shortened. */
function serverWords(text: string, ctx: CallContext, field: 'message' | 'detail'): string | null {
  const body = parseJson(text);
  if (body === null || typeof body !== 'object') return null;
  const value = (body as Record<string, unknown>)[field];
  if (value === undefined || value === null) return null;
  const raw = typeof value === 'string' ? value : JSON.stringify(value);
  return raw.trim() === '' ? null : snippet(raw, ctx.secrets);
}

export function rateLimitedError(retryAfterSec: number | undefined): AppError {
  const when =
    retryAfterSec === undefined
      ? 'wait a minute, then try again'
      : `try again in ${retryAfterSec} s`;
  return new AppError(
    'RATE_LIMITED',
    `ApexVerify's rate limit for this account is used up (429): ${when}. Other traffic on the account may be using it.`,
    retryAfterSec === undefined ? { status: 429 } : { status: 429, retryAfterSec },
  );
}

export function timeoutError(ctx: CallContext, timeoutMs: number): AppError {
  const secs = Math.round(timeoutMs / 100) / 10;
  return new AppError(
    'TIMEOUT',
    safe(
      ctx,
      `ApexVerify did not answer ${where(ctx)} within ${secs} s. Check the network and try again; the service may be slow.${mayHaveHappened(ctx)}`,
    ),
  );
}

/** The low-level reason (ECONNREFUSED, UND_ERR_SOCKET...), never the error's free text, which may quote headers. */
function networkCode(e: unknown): string | null {
  for (let cur: unknown = e, i = 0; cur && typeof cur === 'object' && i < 4; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code)) return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return null;
}

// Failures before a connection exists: the request was certainly not sent.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export function networkError(ctx: CallContext, e: unknown): AppError {
  const code = networkCode(e);
  const note = code && NOT_SENT.has(code) ? '' : mayHaveHappened(ctx);
  return new AppError(
    'NETWORK',
    safe(
      ctx,
      `Could not reach ApexVerify at ${ctx.baseUrl}${code ? ` (${code})` : ''}. Check the network connection and the base URL, then try again.${note}`,
    ),
  );
}

export function badResponseError(
  ctx: CallContext,
  status: number,
  reason: string,
  text: string,
  hint = '',
): AppError {
  const body = snippet(text, ctx.secrets);
  return new AppError(
    'BAD_RESPONSE',
    safe(
      ctx,
      `ApexVerify answered ${where(ctx)} with ${status} but ${reason}, so the call is treated as failed. Check that the base URL points at the ApexVerify API.${hint} Response: ${body === '' ? '(empty)' : body}`,
    ),
    { status },
  );
}

/** A non-2xx answer as an AppError. 429 here means the retries are spent (see client.ts). */
export function statusError(
  ctx: CallContext,
  status: number,
  text: string,
  retryAfterSec?: number,
): AppError {
  const said = serverWords(text, ctx, 'message');
  const saidPart = said ? ` ("${said}")` : '';
  const make = (code: ConstructorParameters<typeof AppError>[0], message: string): AppError =>
    new AppError(code, safe(ctx, message), { status });
  if (status === 400)
    return make(
      'INVALID',
      `ApexVerify rejected ${where(ctx)} as a bad request (400)${saidPart}. Check the input and try again.`,
    );
  if (status === 401)
    return make(
      'UNAUTHORIZED',
      'ApexVerify rejected the key (401): it is invalid, disabled or revoked. Check that the key is current and enabled, or use another key of the account.',
    );
  if (status === 402)
    return make(
      'PAYMENT_REQUIRED',
      "ApexVerify refused the request (402): the account's credits are exhausted. Top up credits in the ApexVerify dashboard, then try again.",
    );
  if (status === 403)
    return make(
      'FORBIDDEN',
      `ApexVerify refused ${where(ctx)} (403)${saidPart}: this key may not do that. Check the key's permissions in the ApexVerify dashboard.`,
    );
  if (status === 404)
    return make(
      'NOT_FOUND',
      `ApexVerify found nothing at ${where(ctx)} (404)${saidPart}. It may already be gone: refresh, and check the base URL.`,
    );
  if (status === 422) {
    const detail = serverWords(text, ctx, 'detail');
    const why = detail ? `: ${detail}` : saidPart;
    return make('INVALID', `ApexVerify rejected the input (422)${why}. Correct it and try again.`);
  }
  if (status === 429) return rateLimitedError(retryAfterSec);
  if (status >= 500 && status <= 599)
    return make(
      'SERVER_ERROR',
      `ApexVerify had a server error (${status}) on ${where(ctx)}. Try again in a few minutes; if it keeps failing, check ApexVerify's status page.${mayHaveHappened(ctx)}`,
    );
  const redirect =
    status >= 300 && status < 400
      ? ' Redirects are not followed, so the key is never sent to another address.'
      : '';
  return badResponseError(ctx, status, 'that status was not expected', text, redirect);
}
