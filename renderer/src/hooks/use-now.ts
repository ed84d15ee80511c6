// The current time for rendering, from a shared ticker, so render stays pure and one timer per
// period serves every component.
import { useSyncExternalStore } from 'react';

interface Ticker {
  subscribe(onChange: () => void): () => void;
  get(): number;
}

function createTicker(periodMs: number): Ticker {
  let now = Date.now();
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | undefined;
  const tick = () => {
    now = Date.now();
    for (const l of listeners) l();
  };
  return {
    subscribe(onChange) {
      listeners.add(onChange);
      // A new subscriber must not count down from a stale time (React re-reads after subscribing).
      now = Date.now();
      if (listeners.size === 1) timer = setInterval(tick, periodMs);
      return () => {
        listeners.delete(onChange);
        if (listeners.size === 0) clearInterval(timer);
      };
    },
    get: () => now,
  };
}

const tickers = new Map<number, Ticker>();

/** Epoch ms, refreshed every `periodMs` (1000 for countdowns, 30000 for "3 days ago"). */
export function useNow(periodMs: number): number {
  let ticker = tickers.get(periodMs);
  if (!ticker) {
    ticker = createTicker(periodMs);
    tickers.set(periodMs, ticker);
  }
  return useSyncExternalStore(ticker.subscribe, ticker.get);
}

/** Whole seconds left until `deadline` (epoch ms), rounded down, never below zero. */
export function useSecondsLeft(deadline: number): number {
  const now = useNow(1000);
  return Math.max(0, Math.floor((deadline - now) / 1000));
}
