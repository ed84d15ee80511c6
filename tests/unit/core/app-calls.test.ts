// The rule that tells the app's own check from traffic: a server last_used_at that falls on one of
// the app's calls with the key (from a little before it was sent to a little after it answered,
// for the server's clock being behind or ahead of ours) is the app's; anything else is use.
import { describe, expect, it } from 'vitest';
import {
  APP_CALLS_KEPT,
  APP_CALL_SKEW_MS,
  callTimer,
  isAppsOwnUse,
  noteAppCalls,
} from '../../../electron/core/app-calls.ts';
import { lastUsedText } from '../../../electron/cli/format.ts';
import type { AppCall, KeyRecord } from '../../../shared/schemas.ts';

const T = Date.parse('2025-05-01T12:00:00.000Z');
const iso = (ms: number) => new Date(T + ms).toISOString();
/** A call sent at T and answered 300 ms later. */
const call: AppCall = { sentAt: iso(0), answeredAt: iso(300) };

describe('isAppsOwnUse', () => {
  it('is 5 s either side of the call, as a stated constant', () => {
    expect(APP_CALL_SKEW_MS).toBe(5_000);
  });

  it("counts a stamp during the call as the app's", () => {
    expect(isAppsOwnUse(iso(0), [call])).toBe(true);
    expect(isAppsOwnUse(iso(150), [call])).toBe(true);
    expect(isAppsOwnUse(iso(300), [call])).toBe(true);
  });

  it('allows a server clock slightly behind ours, up to exactly the boundary', () => {
    expect(isAppsOwnUse(iso(-1_200), [call])).toBe(true);
    expect(isAppsOwnUse(iso(-APP_CALL_SKEW_MS), [call])).toBe(true);
    expect(isAppsOwnUse(iso(-APP_CALL_SKEW_MS - 1), [call])).toBe(false);
  });

  it('allows a server clock slightly ahead, up to exactly the boundary after the answer', () => {
    expect(isAppsOwnUse(iso(300 + APP_CALL_SKEW_MS), [call])).toBe(true);
    expect(isAppsOwnUse(iso(300 + APP_CALL_SKEW_MS + 1), [call])).toBe(false);
  });

  it('takes a stamp on none of the calls for traffic, and no stamp for no use', () => {
    const earlier: AppCall = { sentAt: iso(-600_000), answeredAt: iso(-599_800) };
    // Five minutes after the last check: traffic.
    expect(isAppsOwnUse(iso(300_000), [earlier, call])).toBe(false);
    // On the earlier of two checks (the later one never reached the server): the app's.
    expect(isAppsOwnUse(iso(-599_900), [earlier, call])).toBe(true);
    expect(isAppsOwnUse(null, [call])).toBe(false);
    expect(isAppsOwnUse(iso(0), undefined)).toBe(false);
    expect(isAppsOwnUse(iso(0), [])).toBe(false);
    expect(isAppsOwnUse('not a date', [call])).toBe(false);
  });
});

describe('noteAppCalls', () => {
  it('keeps the newest few calls in order', () => {
    const key = { appCalls: undefined } as unknown as KeyRecord; // only appCalls is read
    const calls = Array.from({ length: APP_CALLS_KEPT + 3 }, (_, i) => ({
      sentAt: iso(i * 1000),
      answeredAt: iso(i * 1000 + 10),
    }));
    noteAppCalls(key, calls.slice(5));
    noteAppCalls(key, calls.slice(0, 5));
    noteAppCalls(key, []);
    expect(key.appCalls).toEqual(calls.slice(-APP_CALLS_KEPT));
  });
});

describe('callTimer', () => {
  it('notes a call whether it answers or throws (a timeout may have reached the server)', async () => {
    let now = T;
    const timer = callTimer({ now: () => new Date(now) });
    await timer.run(async () => {
      now += 40;
      return 'ok';
    });
    await expect(
      timer.run(async () => {
        now += 70;
        throw new Error('timed out');
      }),
    ).rejects.toThrow('timed out');
    expect(timer.calls).toEqual([
      { sentAt: iso(0), answeredAt: iso(40) },
      { sentAt: iso(40), answeredAt: iso(110) },
    ]);
  });
});

describe("the CLI's Last used", () => {
  it("says when it is only this app's check, as the window does", () => {
    expect(lastUsedText({ lastUsedAt: iso(0), lastUsedByApp: true })).toBe(
      "only this app's check, 2025-05-01 12:00",
    );
    expect(lastUsedText({ lastUsedAt: iso(0), lastUsedByApp: false })).toBe('2025-05-01 12:00');
    expect(lastUsedText({ lastUsedAt: null, lastUsedByApp: true })).toBe('-');
  });
});
