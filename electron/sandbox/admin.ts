// /__sandbox/*: what the dashboard and the test harness do to the account, behind a token.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { labelProblem } from '../../shared/input-rules.ts';
import { headerValue, type SandboxContext } from './context.ts';
import { faultSpecSchema } from './faults.ts';
import { toApiKey } from './keys.ts';
import { parseJson, sendEmpty, sendError, sendJson } from './respond.ts';

const keyLabelSchema = z.strictObject({
  label: z.string().superRefine((label, check) => {
    const problem = labelProblem(label);
    if (problem) check.addIssue({ code: 'custom', message: problem });
  }),
});
const keyPatchSchema = z.strictObject({ enabled: z.boolean() });

const KEY_PATH = /^\/__sandbox\/keys\/([^/]+)$/;

/** Compares digests so neither the length nor the content of the token leaks through timing. */
function tokenMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** zod's first complaint, phrased for a 422 `detail`. */
function detailOf(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid input.';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

function parse<S extends z.ZodType>(
  res: ServerResponse,
  schema: S,
  body: string,
): { ok: true; value: z.output<S> } | { ok: false } {
  const json = parseJson(body);
  if (json === undefined) {
    sendError(res, 422, {}, { detail: 'The request body is not valid JSON.' });
    return { ok: false };
  }
  const r = schema.safeParse(json);
  if (!r.success) {
    sendError(res, 422, {}, { detail: detailOf(r.error) });
    return { ok: false };
  }
  return { ok: true, value: r.data };
}

export function handleAdmin(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  body: string,
): void {
  if (!tokenMatches(headerValue(req.headers['x-sandbox-admin']), ctx.adminToken))
    return sendError(res, 403);
  const method = req.method ?? 'GET';

  if (path === '/__sandbox/faults') {
    if (method === 'DELETE') {
      ctx.faults.clear();
      return sendEmpty(res, 204);
    }
    if (method !== 'POST') return sendError(res, 405, { Allow: 'POST, DELETE' });
    const spec = parse(res, faultSpecSchema, body);
    if (!spec.ok) return;
    ctx.faults.add(spec.value);
    return sendEmpty(res, 204);
  }

  if (path === '/__sandbox/keys') {
    if (method !== 'POST') return sendError(res, 405, { Allow: 'POST' });
    const input = parse(res, keyLabelSchema, body);
    if (!input.ok) return;
    const { record, secret } = ctx.keys.create(input.value.label);
    return sendJson(res, 201, { id: record.id, key: secret });
  }

  if (path === '/__sandbox/stats') {
    if (method !== 'GET') return sendError(res, 405, { Allow: 'GET' });
    return sendJson(res, 200, ctx.stats);
  }

  const m = KEY_PATH.exec(path);
  if (!m?.[1]) return sendError(res, 404);
  const id = m[1];
  if (method === 'DELETE') return ctx.keys.revoke(id) ? sendEmpty(res, 204) : sendError(res, 404);
  if (method !== 'PATCH') return sendError(res, 405, { Allow: 'PATCH, DELETE' });
  if (!ctx.keys.find(id)) return sendError(res, 404);
  const patch = parse(res, keyPatchSchema, body);
  if (!patch.ok) return;
  const updated = ctx.keys.update(id, patch.value);
  return updated ? sendJson(res, 200, toApiKey(updated)) : sendError(res, 404);
}
