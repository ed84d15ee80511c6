// Paces bulk work (verify all) to a share of the account's rate limit, learned from the
// X-RateLimit-* headers, so production traffic on the same account keeps the rest.
// A token bucket with a FIFO queue served by one pump: no busy-looping, no overtaking.
//
// The bucket is this work's share of the server's: it may hold share * limit tokens, starts with
// what the server's bucket holds beyond the reserve left to other traffic
// (remaining - (1 - share) * limit), and refills at share * limit / 60 per second. A 429 costs
// its Retry-After and no more: the server's "remaining: 0" on a 429 is not a debt to pay again.
import { AppError } from '../../../shared/errors.ts';
import type { RateGovernor, RateGovernorOptions, RateInfo } from './types.ts';

/**
 * Before the limit is known, one acquire proceeds at a time. If that request never brings
 * headers back (network error, a server without them), the next one may go after this long,
 * so the work slows down instead of stalling forever.
 */
export const UNTAUGHT_GAP_MS = 1000;

// Refill arithmetic is in floating point; a hair below a whole token counts as one.
const EPSILON = 1e-9;

interface Waiter {
  resolve: () => void;
  detach: () => void;
}

const cancelled = (): AppError =>
  new AppError('CANCELLED', 'The paced work was cancelled; nothing more was sent.');

/** The default sleep can be cut short, so an emptied queue leaves no timer holding the process. */
function cancellableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

export function createRateGovernor(opts: RateGovernorOptions): RateGovernor {
  const { share } = opts;
  if (!(share > 0 && share <= 1))
    throw new AppError(
      'BAD_INPUT',
      'The rate share is a number greater than 0 and at most 1 (e.g. 0.5).',
    );
  const now = opts.now ?? (() => performance.now());

  let limit: number | null = null;
  let tokens = 0;
  let refilledAt = 0;
  /** Before the first observe(): when the last lone acquire went through, or null. */
  let untaughtAt: number | null = null;
  /** A 429's Retry-After: nothing is sent before this. */
  let holdUntil = 0;
  const queue: Waiter[] = [];
  let pumping = false;
  let wake: (() => void) | null = null;

  const rateOf = (l: number): number => (share * l) / 60;
  /** This work's share of the server's bucket, and so also the deepest debt it may run up. */
  const capacityOf = (l: number): number => Math.max(1, share * l);
  const clampTokens = (l: number, n: number): number =>
    Math.max(-capacityOf(l), Math.min(capacityOf(l), n));

  function refill(l: number): void {
    const t = now();
    const elapsed = Math.max(0, t - refilledAt);
    tokens = Math.min(capacityOf(l), tokens + (elapsed / 1000) * rateOf(l));
    refilledAt = Math.max(refilledAt, t);
  }

  /** Takes a slot and returns 0, or returns how many ms to wait before asking again. */
  function tryTake(): number {
    const t = now();
    if (t < holdUntil) return Math.max(1, Math.ceil(holdUntil - t));
    if (limit === null) {
      if (untaughtAt === null || t - untaughtAt >= UNTAUGHT_GAP_MS) {
        untaughtAt = t;
        return 0;
      }
      return Math.max(1, Math.ceil(untaughtAt + UNTAUGHT_GAP_MS - t));
    }
    refill(limit);
    if (tokens >= 1 - EPSILON) {
      tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil(((1 - tokens) / rateOf(limit)) * 1000));
  }

  /** Waits `ms`, or less if observe() or an emptied queue calls wake. */
  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const stop = new AbortController();
      const done = (): void => {
        if (wake === done) wake = null;
        stop.abort();
        resolve();
      };
      wake = done;
      const slept = opts.sleep ? opts.sleep(ms) : cancellableSleep(ms, stop.signal);
      slept.then(done, done);
    });
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (queue.length > 0) {
        const wait = tryTake();
        if (wait > 0) {
          await pause(wait);
          continue;
        }
        const next = queue.shift() as Waiter;
        next.detach();
        next.resolve();
      }
    } finally {
      pumping = false;
    }
  }

  const reserveOf = (l: number): number => (1 - share) * l;

  return {
    get ratePerSec() {
      return limit === null ? null : rateOf(limit);
    },
    get burst() {
      return limit === null ? null : Math.floor(capacityOf(limit));
    },

    acquire(signal?: AbortSignal): Promise<void> {
      if (signal?.aborted) return Promise.reject(cancelled());
      if (queue.length === 0 && tryTake() === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const onAbort = (): void => {
          const i = queue.indexOf(waiter);
          if (i < 0) return;
          queue.splice(i, 1);
          reject(cancelled());
          if (queue.length === 0) wake?.();
        };
        const waiter: Waiter = {
          resolve,
          detach: () => signal?.removeEventListener('abort', onAbort),
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(waiter);
        void pump();
      });
    },

    observe(info: RateInfo): void {
      if (!(Number.isFinite(info.limit) && info.limit > 0)) return;
      const hasRemaining = Number.isFinite(info.remaining);
      if (limit === null) {
        // The first answer teaches the limit: spend at once what lies beyond the reserve.
        limit = info.limit;
        refilledAt = Math.max(refilledAt, now());
        tokens = hasRemaining ? info.remaining - reserveOf(limit) : capacityOf(limit);
      } else {
        refill(limit);
        limit = info.limit;
        // Only ever lower: answers to requests still in flight would count their tokens twice.
        if (hasRemaining) tokens = Math.min(tokens, info.remaining - reserveOf(limit));
      }
      tokens = clampTokens(limit, tokens);
      wake?.();
    },

    limited(info: RateInfo | null, retryAfterSec: number | null): void {
      const t = now();
      // Learn nothing from a 429's headers: its "remaining: 0" is the wait, and the next real
      // answer teaches the bucket (the first one still spends what lies beyond the reserve).
      const known =
        limit ?? (info && Number.isFinite(info.limit) && info.limit > 0 ? info.limit : null);
      // Without Retry-After: the time one token takes to come back at the server's own rate.
      const waitSec = retryAfterSec ?? (known ? 60 / known : UNTAUGHT_GAP_MS / 1000);
      holdUntil = Math.max(holdUntil, t + waitSec * 1000);
      if (limit !== null) {
        refill(limit);
        // What the bucket held stays, and it goes on refilling through the wait, as the server's
        // does: the wait is the 429's whole cost. The server promised a token when it ends, so
        // at least one is there by then (counting what the wait itself refills).
        tokens = Math.max(tokens, 1 - waitSec * rateOf(limit));
      }
      wake?.();
    },
  };
}
