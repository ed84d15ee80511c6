// The clipboard guard (SECURITY.md, Clipboard): the clipboard is cleared after the delay and on
// quit, only while it still holds what the app wrote, and the guard keeps a keyed hash of the
// value, never the value. Runs against a synchronous clipboard (CLI, preview host) and an
// asynchronous one (Electron 45's clipboard module).
import { randomBytes } from 'node:crypto';
import { getHeapSnapshot } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createClipboardGuard,
  memoryClipboard,
  type ClipboardLike,
} from '../../../electron/core/clipboard-guard.ts';

/** Electron 45's shape: promises for read and write. */
function asyncClipboard(): ClipboardLike & { peek(): string } {
  const inner = memoryClipboard();
  return {
    writeText: async (t) => inner.writeText(t),
    readText: async () => inner.readText(),
    clear: () => inner.clear(),
    peek: () => inner.peek(),
  };
}

const KINDS = [
  ['synchronous', memoryClipboard],
  ['asynchronous', asyncClipboard],
] as const;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe.each(KINDS)('with a %s clipboard', (_kind, make) => {
  it('clears after the delay, not before', async () => {
    const clipboard = make();
    const guard = createClipboardGuard({ clipboard });
    const now = Date.now();
    const { clearAt } = await guard.copy('avk_test_one', 30);
    expect(clearAt.getTime()).toBe(now + 30_000);
    expect(clipboard.peek()).toBe('avk_test_one');
    await vi.advanceTimersByTimeAsync(29_999);
    expect(clipboard.peek()).toBe('avk_test_one');
    await vi.advanceTimersByTimeAsync(1);
    expect(clipboard.peek()).toBe('');
  });

  it('leaves the clipboard alone when the user copied something else meanwhile', async () => {
    const clipboard = make();
    const guard = createClipboardGuard({ clipboard });
    await guard.copy('avk_test_one', 30);
    await clipboard.writeText('the user’s own text');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(clipboard.peek()).toBe('the user’s own text');
  });

  it('clears on quit only while unchanged, and only once', async () => {
    const clipboard = make();
    const guard = createClipboardGuard({ clipboard });
    expect(await guard.clearIfUnchanged()).toBe(false);
    await guard.copy('avk_test_one', 30);
    expect(await guard.clearIfUnchanged()).toBe(true);
    expect(clipboard.peek()).toBe('');

    await guard.copy('avk_test_two', 30);
    await clipboard.writeText('mine');
    expect(await guard.clearIfUnchanged()).toBe(false);
    expect(clipboard.peek()).toBe('mine');
    // The timer went with the quit: nothing is cleared later either.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(clipboard.peek()).toBe('mine');
  });

  it('a second copy restarts the delay and owns the clear', async () => {
    const clipboard = make();
    const guard = createClipboardGuard({ clipboard });
    await guard.copy('avk_test_one', 30);
    await vi.advanceTimersByTimeAsync(20_000);
    await guard.copy('avk_test_two', 30);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(clipboard.peek()).toBe('avk_test_two');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(clipboard.peek()).toBe('');
  });

  it('dispose cancels the clear without clearing', async () => {
    const clipboard = make();
    const guard = createClipboardGuard({ clipboard });
    await guard.copy('avk_test_one', 1);
    guard.dispose();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(clipboard.peek()).toBe('avk_test_one');
  });
});

describe('with an asynchronous clipboard', () => {
  it('does not clear a copy made while it was reading the clipboard', async () => {
    const inner = memoryClipboard();
    let release: () => void = () => undefined;
    const clipboard: ClipboardLike = {
      writeText: (t) => inner.writeText(t),
      // The first read hangs until released, as a slow OS clipboard might.
      readText: vi.fn(async () => {
        const text = inner.readText();
        await new Promise<void>((r) => (release = r));
        return text;
      }),
      clear: () => inner.clear(),
    };
    const guard = createClipboardGuard({ clipboard });
    await guard.copy('avk_test_one', 30);
    const quitting = guard.clearIfUnchanged();
    await guard.copy('avk_test_two', 30);
    release();
    expect(await quitting).toBe(false);
    expect(inner.peek()).toBe('avk_test_two');
  });

  it('a clipboard that cannot be read is left alone, with no unhandled rejection', async () => {
    const inner = memoryClipboard();
    const clipboard: ClipboardLike = {
      writeText: (t) => inner.writeText(t),
      readText: async () => {
        throw new Error('clipboard locked by another app');
      },
      clear: () => inner.clear(),
    };
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      await createClipboardGuard({ clipboard }).copy('avk_test_one', 1);
      await vi.advanceTimersByTimeAsync(1_000);
      await vi.runAllTimersAsync();
      expect(inner.peek()).toBe('avk_test_one');
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});

describe('what the guard keeps', () => {
  it('holds the value in no property', async () => {
    const guard = createClipboardGuard({ clipboard: memoryClipboard() });
    await guard.copy('avk_test_visible', 30);
    const seen = JSON.stringify(Object.entries(guard), (_k, v: unknown) =>
      typeof v === 'function' ? `fn:${v.toString()}` : v,
    );
    expect(seen).not.toContain('avk_test_visible');
    for (const value of Object.values(guard)) expect(typeof value).toBe('function');
    guard.dispose();
  });

  /** Streams a V8 heap snapshot and reports whether `needle` is among the live strings. */
  async function heapHolds(needle: Buffer): Promise<boolean> {
    let tail = Buffer.alloc(0);
    for await (const chunk of getHeapSnapshot()) {
      const window = Buffer.concat([tail, chunk as Buffer]);
      if (window.includes(needle)) return true;
      tail = window.subarray(Math.max(0, window.length - needle.length));
    }
    return false;
  }

  /** Hex of `bytes` as a Buffer, built without ever making a JS string of it. */
  const hexBytes = (bytes: Buffer) =>
    Buffer.from([...bytes].flatMap((b) => [b >> 4, b & 15].map((n) => n + (n < 10 ? 48 : 87))));

  /** Copies the value in a frame of its own, so no stale register of the test keeps it alive. */
  async function copyHex(guard: ReturnType<typeof createClipboardGuard>, bytes: Buffer) {
    await guard.copy(bytes.toString('hex'), 3600);
  }

  it('keeps no reference to the value anywhere on the heap (heap snapshot)', async () => {
    vi.useRealTimers();
    // Secrets live in Buffers here: their bytes are off the JS heap, so only strings made from
    // them show up in the snapshot. The clipboard fake stores bytes for the same reason.
    const bytes = randomBytes(24);
    let stored = Buffer.alloc(0);
    const clipboard: ClipboardLike = {
      writeText: (t) => void (stored = Buffer.from(t)),
      readText: () => stored.toString(),
      clear: () => void (stored = Buffer.alloc(0)),
    };
    // Control: a string the test still holds is found, so the scan can see a leak.
    const control = randomBytes(24).toString('hex');
    expect(await heapHolds(Buffer.from(control))).toBe(true);

    const guard = createClipboardGuard({ clipboard });
    await copyHex(guard, bytes);
    expect(await heapHolds(hexBytes(bytes))).toBe(false);
    // And the guard still knows its own value, by hash alone.
    expect(await guard.clearIfUnchanged()).toBe(true);
    expect(stored.length).toBe(0);
    expect(control).toHaveLength(48);
  }, 60_000);
});
