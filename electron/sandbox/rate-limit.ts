// One token bucket per account: capacity `rpm`, refilled continuously at rpm/60 per second.

export interface RateSnapshot {
  limit: number;
  remaining: number;
  used: number;
}

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly limit: number,
    private readonly now: () => number,
  ) {
    if (!Number.isInteger(limit) || limit <= 0)
      throw new RangeError('rpm must be a positive integer');
    this.tokens = limit;
    this.last = now();
  }

  private refill(): void {
    const t = this.now();
    // A clock that goes backwards must not drain the bucket.
    const elapsed = Math.max(0, t - this.last);
    this.last = Math.max(this.last, t);
    this.tokens = Math.min(this.limit, this.tokens + (elapsed * this.limit) / 60_000);
  }

  /** Takes one token; false when none is left. */
  take(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  snapshot(): RateSnapshot {
    this.refill();
    const remaining = Math.floor(this.tokens);
    return { limit: this.limit, remaining, used: this.limit - remaining };
  }

  /** Whole seconds until one token is back, at least 1. */
  retryAfterSec(): number {
    this.refill();
    const secs = ((1 - this.tokens) * 60) / this.limit;
    // The epsilon keeps float noise (1.0000000001) from adding a whole second.
    return Math.max(1, Math.ceil(secs - 1e-9));
  }
}

export function rateHeaders(s: RateSnapshot): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(s.limit),
    'X-RateLimit-Remaining': String(s.remaining),
    'X-RateLimit-Used': String(s.used),
  };
}
