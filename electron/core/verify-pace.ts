// Verify all's pace told to the user: why it is paced (in words computed from the real rate
// share setting, never a fixed "half"), an estimate of the time left, and the 429 waits the rate
// governor is told of, so a front end can say "continuing in 12 s" instead of showing a spinner.
import type { RateGovernor } from './apexverify/index.ts';
import { UNTAUGHT_GAP_MS } from './apexverify/rate-governor.ts';

// Shares with a plain name; any other reads as a percentage ("30 %").
const NAMED_SHARES: readonly (readonly [number, string])[] = [
  [1 / 2, 'half'],
  [1 / 4, 'a quarter'],
  [3 / 4, 'three quarters'],
  [1 / 3, 'a third'],
  [2 / 3, 'two thirds'],
  [1 / 10, 'a tenth'],
];

/** "half", "a quarter", "30 %". */
export function shareWords(share: number): string {
  const named = NAMED_SHARES.find(([value]) => Math.abs(value - share) < 1e-6);
  return named ? named[1] : `${Math.round(share * 100)} %`;
}

/**
 * Why the run goes at the pace it does, for `accounts` accounts (at least one), with the requests
 * a minute that come to once the limits are known (null before).
 */
export function pacingReason(share: number, accounts: number, perMinute: number | null): string {
  const whose = accounts > 1 ? "each account's" : "the account's";
  const rate = perMinute === null ? '' : ` (${perMinute} requests a minute)`;
  if (share >= 1)
    return `using all of ${whose} rate limit${rate}, as the rate share setting allows`;
  const others = accounts > 1 ? 'them' : 'it';
  return `paced to ${shareWords(share)} of ${whose} rate limit${rate}, so other traffic on ${others} keeps the rest`;
}

export interface AccountPace {
  /** Keys of the account not yet answered. */
  left: number;
  /** Requests a second the governor allows the run, or null before the limit is known. */
  perSecond: number | null;
}

/**
 * Seconds left, rounded up: the slower of what the pace allows (accounts are sent in parallel,
 * so the slowest account bounds the run; an account whose limit is not known yet goes one
 * request at a time, UNTAUGHT_GAP_MS apart) and what the run has achieved so far (slow answers
 * bound it below the pace). An estimate to show as "about 40 s left", nothing to rely on.
 */
export function estimateSecondsLeft(
  accounts: readonly AccountPace[],
  sofar: { answered: number; elapsedSec: number },
): number {
  const left = accounts.reduce((n, a) => n + a.left, 0);
  if (left === 0) return 0;
  const paced = Math.max(...accounts.map((a) => a.left / (a.perSecond ?? 1000 / UNTAUGHT_GAP_MS)));
  const achieved =
    sofar.answered > 0 && sofar.elapsedSec > 0 ? (left * sofar.elapsedSec) / sofar.answered : 0;
  return Math.ceil(Math.max(paced, achieved));
}

/** The governor as it is, also telling `onWait` of each 429 that named its Retry-After. */
export function announcingWaits(
  governor: RateGovernor,
  onWait: (retryAfterSec: number) => void,
): RateGovernor {
  return {
    acquire: (signal) => governor.acquire(signal),
    observe: (info) => governor.observe(info),
    limited(info, retryAfterSec) {
      governor.limited(info, retryAfterSec);
      if (retryAfterSec !== null) onWait(retryAfterSec);
    },
    get ratePerSec() {
      return governor.ratePerSec;
    },
    get burst() {
      return governor.burst;
    },
  };
}
