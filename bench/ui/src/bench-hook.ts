// window.__bench: what the bench:ui script reads. Times are performance.now() milliseconds.
import { filterAndSort } from '../../../renderer/src/lib/key-list.ts';
import type { AppStateApi } from '../../../renderer/src/state/create-state.ts';

export type BenchMode = 'virtual' | 'baseline';

export interface BenchHook {
  mode: BenchMode;
  /** How many keys the store was given. */
  keyCount: number;
  /** Resolves once the first rows are in the DOM and a frame has been painted after them. */
  ready: Promise<{ firstRowsMs: number }>;
  /** Data rows currently in the DOM. */
  rowCount(): number;
  /** Rows the current filter lets through (what aria-rowcount describes, minus the header). */
  visibleCount(): number;
  /** How many keys a filter text would show: to wait for after typing with the real keyboard. */
  matchCount(text: string): number;
  /**
   * Sets the filter box as a keystroke does (native setter, then an input event) and resolves
   * with the milliseconds until the list was updated and the next frame painted.
   */
  filter(text: string): Promise<number>;
  /** performance.memory.usedJSHeapSize where Chromium exposes it (CDP's metrics are better). */
  heapUsed(): number | null;
}

declare global {
  interface Window {
    __bench?: BenchHook;
  }
}

const ROW = '[role="row"][data-key-id]';

/** A frame painted after the current work: rAF runs before paint, the timeout after it. */
const afterPaint = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function firstRows(): Promise<{ firstRowsMs: number }> {
  return new Promise((resolve) => {
    const done = () => void afterPaint().then(() => resolve({ firstRowsMs: performance.now() }));
    if (document.querySelector(ROW)) return done();
    const observer = new MutationObserver(() => {
      if (!document.querySelector(ROW)) return;
      observer.disconnect();
      done();
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

export function installBenchHook(mode: BenchMode, store: AppStateApi, keyCount: number): void {
  window.__bench = {
    mode,
    keyCount,
    ready: firstRows(),
    rowCount: () => document.querySelectorAll(ROW).length,
    visibleCount() {
      const grid = document.querySelector('[role="grid"]');
      return Number(grid?.getAttribute('aria-rowcount') ?? 1) - 1;
    },
    matchCount(text) {
      const s = store.getState();
      const q = { text, environment: s.environmentFilter, status: s.statusFilter, sort: s.sort };
      return filterAndSort(s.keys, q, Date.now()).length;
    },
    async filter(text) {
      const input = document.getElementById('key-filter');
      if (!(input instanceof HTMLInputElement)) throw new Error('The filter box is not there.');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      const start = performance.now();
      setValue?.call(input, text);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await afterPaint();
      return performance.now() - start;
    },
    heapUsed() {
      // Chromium-only, non-standard: not in the DOM typings.
      const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
      return memory ? memory.usedJSHeapSize : null;
    },
  };
}
