// The ApexVerify routes: the documented credits call and the project's key-management calls.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { labelProblem } from '../../shared/input-rules.ts';
import { headerValue, type SandboxContext } from './context.ts';
import { toApiKey } from './keys.ts';
import { rateHeaders } from './rate-limit.ts';
import { parseJson, sendEmpty, sendError, sendJson, sendRaw, type Headers } from './respond.ts';

const KEY_PATH = /^\/v1\/api-keys\/([^/]+)$/;

/** The service writes credits as floats ("1000.0"); JSON.stringify would drop the ".0". */
const float = (n: number): string => (Number.isInteger(n) ? n.toFixed(1) : String(n));

type Parsed<T> = { ok: true; value: T } | { ok: false; detail: string };

function parseObject(body: string): Parsed<Record<string, unknown>> {
  const json = parseJson(body);
  if (json === undefined) return { ok: false, detail: 'The request body is not valid JSON.' };
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, detail: 'The request body must be a JSON object.' };
  return { ok: true, value: json as Record<string, unknown> };
}

function checkLabel(label: unknown): string | null {
  if (typeof label !== 'string') return 'label must be a string.';
  return labelProblem(label);
}

export function parseCreate(body: string): Parsed<{ label: string }> {
  const obj = parseObject(body);
  if (!obj.ok) return obj;
  if (obj.value.label === undefined) return { ok: false, detail: 'label is required.' };
  const problem = checkLabel(obj.value.label);
  return problem
    ? { ok: false, detail: problem }
    : { ok: true, value: { label: obj.value.label as string } };
}

function parsePatch(body: string): Parsed<{ label?: string; enabled?: boolean }> {
  const obj = parseObject(body);
  if (!obj.ok) return obj;
  const { label, enabled } = obj.value;
  if (label === undefined && enabled === undefined)
    return { ok: false, detail: 'Give label, enabled or both.' };
  if (label !== undefined) {
    const problem = checkLabel(label);
    if (problem) return { ok: false, detail: problem };
  }
  if (enabled !== undefined && typeof enabled !== 'boolean')
    return { ok: false, detail: 'enabled must be true or false.' };
  return {
    ok: true,
    value: { label: label as string | undefined, enabled: enabled as boolean | undefined },
  };
}

function decodeId(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

function methodNotAllowed(res: ServerResponse, h: Headers, allow: string): void {
  sendError(res, 405, { ...h, Allow: allow });
}

/**
 * Auth first, then the rate limit, then routing: unknown routes answer 401 without a key, and
 * an authenticated call to a missing route still costs a token, as any processed request does.
 */
export function handleApi(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  body: string,
): void {
  const method = req.method ?? 'GET';
  const caller = ctx.keys.authenticate(headerValue(req.headers['x-api-key']));
  if (!caller) return sendError(res, 401, rateHeaders(ctx.bucket.snapshot()));
  if (!ctx.bucket.take()) {
    ctx.stats.rateLimited++;
    const retry = ctx.bucket.retryAfterSec();
    return sendError(res, 429, {
      ...rateHeaders(ctx.bucket.snapshot()),
      'Retry-After': String(retry),
    });
  }
  ctx.keys.touch(caller);
  const h = rateHeaders(ctx.bucket.snapshot());

  if (path === '/v1/account/credits') {
    if (method !== 'GET') return methodNotAllowed(res, h, 'GET');
    const { email, phone } = ctx.credits;
    return sendRaw(
      res,
      200,
      `{"email_credit": ${float(email)}, "phone_credit": ${float(phone)}}`,
      h,
    );
  }
  if (!ctx.keyApi) return sendError(res, 404, h);

  if (path === '/v1/api-keys') {
    if (method === 'GET') return sendJson(res, 200, { api_keys: ctx.keys.list().map(toApiKey) }, h);
    if (method !== 'POST') return methodNotAllowed(res, h, 'GET, POST');
    const input = parseCreate(body);
    if (!input.ok) return sendError(res, 422, h, { detail: input.detail });
    const { record, secret } = ctx.keys.create(input.value.label);
    return sendJson(res, 201, { ...toApiKey(record), key: secret }, h);
  }

  const m = KEY_PATH.exec(path);
  if (!m?.[1]) return sendError(res, 404, h);
  if (method !== 'PATCH' && method !== 'DELETE') return methodNotAllowed(res, h, 'PATCH, DELETE');
  const id = decodeId(m[1]);
  if (id === null || !ctx.keys.find(id)) return sendError(res, 404, h);
  if (method === 'DELETE') {
    ctx.keys.revoke(id);
    return sendEmpty(res, 204, h);
  }
  const patch = parsePatch(body);
  if (!patch.ok) return sendError(res, 422, h, { detail: patch.detail });
  const updated = ctx.keys.update(id, patch.value);
  return updated ? sendJson(res, 200, toApiKey(updated), h) : sendError(res, 404, h);
}
