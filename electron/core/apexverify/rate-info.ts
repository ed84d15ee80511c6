import type { RateInfo } from './types.ts';

function num(v: string | null): number | null {
  if (v === null) return null;
  const t = v.trim();
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

/** X-RateLimit-* from a response, or null when the limit or the remaining count is missing. */
export function readRateInfo(headers: Headers): RateInfo | null {
  const limit = num(headers.get('x-ratelimit-limit'));
  const remaining = num(headers.get('x-ratelimit-remaining'));
  if (limit === null || remaining === null || limit <= 0) return null;
  const used = num(headers.get('x-ratelimit-used')) ?? Math.max(0, limit - remaining);
  return { limit, remaining, used };
}
