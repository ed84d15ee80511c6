// The rate governor against a fake clock: nothing here waits for real time.
import { describe, expect, it } from 'vitest';
import { createRateGovernor, type RateInfo } from '../../../../electron/core/apexverify/index.ts';
import { UNTAUGHT_GAP_MS } from '../../../../electron/core/apexverify/rate-governor.ts';

/** Lets every pending promise callback run. */
const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

function fakeTime() {
  let t = 0;
  let timers: { at: number; resolve: () => void }[] = [];
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleeps,
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        sleeps.push(ms);
        timers.push({ at: t + ms, resolve });
      }),
    pending: () => timers.length,
    /** Moves the clock forward, firing due timers in order. */
    async advance(ms: number): Promise<void> {
      const end = t + ms;
      for (;;) {
        await settle();
        const due = timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((x) => x !== due);
        t = due.at;
        due.resolve();
      }
      t = end;
      await settle();
    },
  };
}

const info = (limit: number, remaining: number): RateInfo => ({
  limit,
  remaining,
  used: limit - remaining,
});

function setup(share = 0.5) {
  const time = fakeTime();
  const gov = createRateGovernor({ share, now: time.now, sleep: time.sleep });
  const granted: { id: number; at: number }[] = [];
  const take = (id: number, signal?: AbortSignal) =>
    gov.acquire(signal).then(() => {
      granted.push({ id, at: time.now() });
    });
  return { time, gov, granted, take };
}

describe('before the limit is known', () => {
  it('lets one acquire through at a time until the first observe', async () => {
    const { time, gov, granted, take } = setup();
    expect(gov.ratePerSec).toBeNull();
    expect(gov.burst).toBeNull();
    void take(1);
    void take(2);
    void take(3);
    await time.advance(10);
    expect(granted.map((g) => g.id)).toEqual([1]);
    gov.observe(info(180, 179));
    await time.advance(0);
    expect(granted.map((g) => g.id)).toEqual([1, 2, 3]);
    expect(granted.map((g) => g.at)).toEqual([0, 10, 10]);
  });

  it('does not stall forever when no headers ever come back', async () => {
    const { time, granted, take } = setup();
    void take(1);
    void take(2);
    await time.advance(UNTAUGHT_GAP_MS - 1);
    expect(granted).toHaveLength(1);
    await time.advance(1);
    expect(granted.map((g) => g.at)).toEqual([0, UNTAUGHT_GAP_MS]);
  });
});

describe('after observing the limit', () => {
  it("rate = share*L/60 and the bucket is the share of the server's, share*L", () => {
    const { gov } = setup(0.5);
    gov.observe(info(180, 180));
    expect(gov.ratePerSec).toBeCloseTo(1.5);
    expect(gov.burst).toBe(90);
    const small = createRateGovernor({ share: 0.1, now: () => 0, sleep: async () => {} });
    small.observe(info(10, 10));
    expect(small.burst).toBe(1);
  });

  it('spends at once what the bucket holds beyond the reserve, then paces at the rate', async () => {
    const { time, gov, granted, take } = setup(0.5);
    gov.observe(info(180, 180)); // 180 - (1 - 0.5) * 180 = 90 at once
    for (let i = 0; i < 95; i++) void take(i);
    await time.advance(0);
    expect(granted).toHaveLength(90);
    await time.advance(10_000);
    expect(granted).toHaveLength(95);
    const paced = granted.slice(90).map((g) => g.at);
    paced.forEach((at, k) => expect(Math.abs(at - ((k + 1) * 1000) / 1.5)).toBeLessThanOrEqual(3));
    // One sleep per grant: the pump waits, it does not spin.
    expect(time.sleeps.length).toBeLessThanOrEqual(5);
  });

  it('refills continuously but never beyond its share of the bucket', async () => {
    const { time, gov, granted, take } = setup(0.5);
    gov.observe(info(180, 180));
    for (let i = 0; i < 90; i++) void take(i);
    await time.advance(600_000);
    for (let i = 90; i < 181; i++) void take(i);
    await time.advance(0);
    expect(granted).toHaveLength(180);
    await time.advance(667);
    expect(granted).toHaveLength(181);
  });

  it('caps tokens by remaining - (1 - share) * L, leaving the rest to other traffic', async () => {
    const { time, gov, granted, take } = setup(0.5);
    gov.observe(info(180, 100)); // at most 100 - 90 = 10 now
    for (let i = 0; i < 11; i++) void take(i);
    await time.advance(0);
    expect(granted).toHaveLength(10);
    await time.advance(667);
    expect(granted).toHaveLength(11);
  });

  it('a later observe lowers the tokens, even below zero', async () => {
    const { time, gov, granted, take } = setup(0.5);
    gov.observe(info(180, 180));
    gov.observe(info(180, 30)); // 30 - 90 = -60 tokens: 61 tokens to wait for at 1.5/s
    void take(1);
    await time.advance(40_000);
    expect(granted).toHaveLength(0);
    await time.advance(1000);
    expect(granted).toHaveLength(1);
    expect(granted[0]?.at).toBe(Math.ceil((61 / 1.5) * 1000));
  });

  it('an observe while waiting re-plans the wait', async () => {
    const { time, gov, granted, take } = setup(0.5);
    gov.observe(info(180, 91)); // 1 token
    void take(1);
    void take(2);
    await time.advance(0);
    expect(granted).toHaveLength(1);
    gov.observe(info(180, 0)); // -90 now
    await time.advance(1000);
    expect(granted).toHaveLength(1);
    await time.advance(60_000);
    expect(granted).toHaveLength(2);
  });

  it('share 1 keeps nothing back', async () => {
    const { time, gov, granted, take } = setup(1);
    gov.observe(info(60, 5));
    expect(gov.burst).toBe(60);
    for (let i = 0; i < 6; i++) void take(i);
    await time.advance(0);
    expect(granted).toHaveLength(5);
  });
});

describe('debt and 429s', () => {
  it('never goes more than one bucket into debt', async () => {
    const { time, gov, granted, take } = setup(0.25);
    gov.observe(info(100, 100)); // bucket 25, reserve 75
    gov.observe(info(100, 0)); // 0 - 75 = -75, held at -25: 26 tokens at 25/60 per second
    void take(1);
    await time.advance(62_000);
    expect(granted).toHaveLength(0);
    await time.advance(1000);
    expect(granted).toHaveLength(1);
    expect(granted[0]?.at).toBe(Math.ceil((26 / (25 / 60)) * 1000));
  });

  it('a 429 costs its Retry-After and no more: its remaining 0 is not a debt', async () => {
    const { time, gov, granted, take } = setup(0.5);
    gov.observe(info(180, 180));
    for (let i = 0; i < 90; i++) void take(i);
    await time.advance(0);
    expect(granted).toHaveLength(90);
    gov.limited(info(180, 0), 1);
    void take(90);
    void take(91);
    await time.advance(999);
    expect(granted).toHaveLength(90);
    await time.advance(1);
    expect(granted).toHaveLength(91);
    expect(granted[90]?.at).toBe(1000);
    // The bucket refilled through the wait (1.5 tokens at 1.5/s): the next one comes at the plain
    // pace from there, half a token later, not a minute of debt and not a lost second.
    await time.advance(333);
    expect(granted).toHaveLength(91);
    await time.advance(1);
    expect(granted).toHaveLength(92);
    expect(granted[91]?.at).toBe(1334);
  });

  it('a 429 without Retry-After waits for one token at the server rate', async () => {
    const { time, gov, granted, take } = setup(0.5);
    gov.observe(info(60, 31)); // one token beyond the reserve of 30
    await take(0);
    gov.limited(info(60, 0), null);
    void take(1);
    await time.advance(999);
    expect(granted).toHaveLength(1);
    await time.advance(1);
    expect(granted).toHaveLength(2);
  });

  it('a 429 before the first answer leaves the burst to that answer', async () => {
    const { time, gov, granted, take } = setup(0.5);
    await take(0); // untaught: one at a time
    gov.limited(info(180, 0), 1);
    await time.advance(1000);
    gov.observe(info(180, 179)); // the first real answer: 179 - 90 = 89 at once
    for (let i = 1; i <= 89; i++) void take(i);
    await time.advance(0);
    expect(granted).toHaveLength(90);
  });

  it('a 429 in the middle keeps what the bucket still held', async () => {
    const { time, gov, granted, take } = setup(0.5);
    gov.observe(info(180, 180));
    for (let i = 0; i < 40; i++) void take(i);
    await time.advance(0);
    gov.limited(info(180, 0), 1);
    for (let i = 40; i < 90; i++) void take(i);
    await time.advance(999);
    expect(granted).toHaveLength(40);
    await time.advance(1);
    expect(granted).toHaveLength(90);
  });
});

describe('fairness and cancellation', () => {
  it('serves concurrent callers first in, first out', async () => {
    const { time, gov, granted, take } = setup(0.5);
    gov.observe(info(180, 91)); // 1 token
    const order = [5, 3, 9, 1, 7];
    for (const id of order) void take(id);
    await time.advance(10_000);
    expect(granted.map((g) => g.id)).toEqual(order);
  });

  it('a newcomer does not overtake a waiting caller', async () => {
    const { time, gov, granted, take } = setup(0.5);
    gov.observe(info(180, 90)); // 0 tokens
    void take(1);
    await time.advance(400);
    void take(2); // arrives while 1 waits
    await time.advance(2000);
    expect(granted.map((g) => g.id)).toEqual([1, 2]);
  });

  it('an abort rejects with CANCELLED and the others keep their places', async () => {
    const { time, gov, granted, take } = setup(0.5);
    gov.observe(info(180, 90)); // 0 tokens
    const ac = new AbortController();
    void take(1);
    const cancelled = take(2, ac.signal);
    void take(3);
    await time.advance(0);
    ac.abort();
    await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED' });
    await time.advance(1400);
    expect(granted.map((g) => g.id)).toEqual([1, 3]);
  });

  it('an already aborted signal rejects at once and takes nothing', async () => {
    const { gov } = setup(0.5);
    gov.observe(info(180, 91));
    const ac = new AbortController();
    ac.abort();
    await expect(gov.acquire(ac.signal)).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(gov.acquire()).resolves.toBeUndefined();
  });

  it('with the real clock, aborting every waiter leaves no timer behind', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const gov = createRateGovernor({ share: 0.5 });
    gov.observe(info(180, 0)); // a minute of debt
    const ac = new AbortController();
    const waiting = gov.acquire(ac.signal);
    await settle();
    expect(timers()).toBe(before + 1);
    ac.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'CANCELLED' });
    await settle();
    // A timer left armed would keep a CLI process alive for the whole wait.
    expect(timers()).toBe(before);
  });

  it('rejects a share outside (0, 1]', () => {
    expect(() => createRateGovernor({ share: 0 })).toThrow(/rate share/);
    expect(() => createRateGovernor({ share: 1.5 })).toThrow(/rate share/);
  });
});
