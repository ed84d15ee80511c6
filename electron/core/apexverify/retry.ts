// Backoff and Retry-After arithmetic, kept pure so tests can pin every delay.

/**
 * Full jitter: uniform in [0, min(max, base * 2^attempt)), so clients that failed together do
 * not come back together. `attempt` counts from 0.
 */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/** Retry-After in seconds (delta-seconds, or an HTTP date), or null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v);
  // Only an IMF-fixdate ("Wed, 21 Oct 2015 07:28:00 GMT"): Date.parse accepts too much else.
  if (!/GMT$/.test(v)) return null;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, (at - nowMs) / 1000);
}
