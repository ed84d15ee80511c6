// The app's own calls with a key, and whether a server last_used_at is one of them. ApexVerify
// moves a key's last_used_at on every authenticated request, the app's Verify and proofs
// included; shown as traffic, the app's own check would read as use ("used 5 min ago") and
// make a rotation warn that the old key is still in use. Pure functions over the record.
import type { AppCall, KeyRecord } from '../../shared/schemas.ts';
import type { Clock } from './clock.ts';

/**
 * How far a server's stamp may sit outside the call and still be the call's. The server stamps
 * the request when it receives it, between sent and answered by our clock, but its clock is not
 * ours: a server a little behind stamps before we sent, one a little ahead after we got the
 * answer. Servers keep NTP time to well under a second; 5 s also covers a busy machine stamping
 * our own times late. Real use inside these seconds is taken for the check: a narrow blind spot,
 * chosen over warning about the user's own check.
 */
export const APP_CALL_SKEW_MS = 5_000;

/**
 * Calls kept per key. More than one: a later call that never reached the server (offline) must
 * not hide the earlier one the server stamped, and a proof makes up to four calls in a row.
 */
export const APP_CALLS_KEPT = 8;

/** True when `lastUsedAt` (the server's) falls on one of the app's own calls, skew allowed. */
export function isAppsOwnUse(
  lastUsedAt: string | null,
  calls: readonly AppCall[] | undefined,
): boolean {
  if (lastUsedAt === null || !calls?.length) return false;
  const used = Date.parse(lastUsedAt);
  if (Number.isNaN(used)) return false;
  return calls.some(
    (c) =>
      used >= Date.parse(c.sentAt) - APP_CALL_SKEW_MS &&
      used <= Date.parse(c.answeredAt) + APP_CALL_SKEW_MS,
  );
}

/** Adds calls to the record (inside the caller's store update), keeping the newest few. */
export function noteAppCalls(key: KeyRecord, calls: readonly AppCall[]): void {
  if (calls.length === 0) return;
  const all = [...(key.appCalls ?? []), ...calls].sort((a, b) => a.sentAt.localeCompare(b.sentAt));
  key.appCalls = all.slice(-APP_CALLS_KEPT);
}

/**
 * Times requests made with a key's secret, whether they answer or throw (a request that timed
 * out may still have been stamped by the server); `calls` then goes to noteAppCalls.
 */
export function callTimer(clock: Clock): {
  calls: AppCall[];
  run<T>(call: () => Promise<T>): Promise<T>;
} {
  const calls: AppCall[] = [];
  return {
    calls,
    async run(call) {
      const sentAt = clock.now().toISOString();
      try {
        return await call();
      } finally {
        calls.push({ sentAt, answeredAt: clock.now().toISOString() });
      }
    },
  };
}
