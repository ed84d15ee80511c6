import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../../electron/sandbox/rate-limit.ts';

describe('sandbox token bucket', () => {
  it('starts full, drains one token per take and refills continuously', () => {
    let t = 0;
    const b = new TokenBucket(180, () => t);
    expect(b.snapshot()).toEqual({ limit: 180, remaining: 180, used: 0 });
    for (let i = 0; i < 180; i++) expect(b.take()).toBe(true);
    expect(b.take()).toBe(false);
    expect(b.snapshot()).toEqual({ limit: 180, remaining: 0, used: 180 });
    // 180 per minute = 3 per second.
    expect(b.retryAfterSec()).toBe(1);
    t += 1_000;
    expect(b.snapshot().remaining).toBe(3);
    t += 10 * 60_000;
    expect(b.snapshot().remaining).toBe(180);
  });

  it('rounds Retry-After up to whole seconds, at least 1', () => {
    let t = 0;
    const b = new TokenBucket(2, () => t);
    b.take();
    b.take();
    expect(b.retryAfterSec()).toBe(30);
    t += 29_001;
    expect(b.retryAfterSec()).toBe(1);
    t += 999;
    expect(b.take()).toBe(true);
  });

  it('ignores a clock that goes backwards and rejects a bad rpm', () => {
    let t = 10_000;
    const b = new TokenBucket(60, () => t);
    b.take();
    t = 0;
    expect(b.snapshot().remaining).toBe(59);
    t = 1_000;
    expect(b.snapshot().remaining).toBe(59);
    for (const bad of [0, -1, 1.5, Infinity, NaN])
      expect(() => new TokenBucket(bad, () => 0)).toThrow(RangeError);
  });
});
