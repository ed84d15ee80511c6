// Verify all's pace in words, its estimate of the time left, and the 429 waits it passes on.
import { describe, expect, it } from 'vitest';
import { createRateGovernor } from '../../../electron/core/apexverify/index.ts';
import {
  announcingWaits,
  estimateSecondsLeft,
  pacingReason,
  shareWords,
} from '../../../electron/core/verify-pace.ts';

describe('the pace in words', () => {
  it('names the share the setting holds, never a fixed one', () => {
    expect(shareWords(0.5)).toBe('half');
    expect(shareWords(0.25)).toBe('a quarter');
    expect(shareWords(1 / 3)).toBe('a third');
    expect(shareWords(0.3)).toBe('30 %');
    expect(pacingReason(0.5, 1, null)).toBe(
      "paced to half of the account's rate limit, so other traffic on it keeps the rest",
    );
    expect(pacingReason(0.5, 1, 90)).toBe(
      "paced to half of the account's rate limit (90 requests a minute), so other traffic on it keeps the rest",
    );
    expect(pacingReason(0.25, 2, null)).toBe(
      "paced to a quarter of each account's rate limit, so other traffic on them keeps the rest",
    );
    expect(pacingReason(1, 1, null)).toBe(
      "using all of the account's rate limit, as the rate share setting allows",
    );
  });
});

describe('the estimate of the time left', () => {
  it('is bound by the slowest account, and by what the run has achieved', () => {
    // 30 keys at 1.5 a second: 20 s; the other account's 4 at 2 a second go alongside.
    const paced = [
      { left: 30, perSecond: 1.5 },
      { left: 4, perSecond: 2 },
    ];
    expect(estimateSecondsLeft(paced, { answered: 0, elapsedSec: 0 })).toBe(20);
    // Slow answers: 10 answered in 20 s leaves 34 keys for about 68 s, whatever the pace allows.
    expect(estimateSecondsLeft(paced, { answered: 10, elapsedSec: 20 })).toBe(68);
    // A limit not yet learned: one request a second.
    expect(
      estimateSecondsLeft([{ left: 5, perSecond: null }], { answered: 0, elapsedSec: 0 }),
    ).toBe(5);
    expect(estimateSecondsLeft([{ left: 0, perSecond: 1 }], { answered: 3, elapsedSec: 9 })).toBe(
      0,
    );
  });
});

describe('the governor that tells of waits', () => {
  it('passes every call on, and tells of each Retry-After it is given', () => {
    let t = 0;
    const governor = createRateGovernor({ share: 0.5, now: () => t });
    const waits: number[] = [];
    const told = announcingWaits(governor, (sec) => waits.push(sec));
    told.observe({ limit: 120, remaining: 120, used: 0 });
    expect(told.ratePerSec).toBe(1);
    expect(told.burst).toBe(60);
    told.limited(null, null);
    told.limited(null, 12);
    expect(waits).toEqual([12]);
    t = 1;
    expect(told.ratePerSec).toBe(governor.ratePerSec);
  });
});
