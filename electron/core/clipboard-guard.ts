// Copies with auto-clear: the clipboard is cleared after the delay, and on quit or lock, but only
// while it still holds what the app wrote. A keyed hash is kept for that check, never the value.
// Electron's clipboard is asynchronous since v45 (W3C-style readText/writeText), so the guard
// awaits whatever the clipboard returns; the CLI's and the preview's clipboards stay synchronous.
import { createHmac, randomBytes } from 'node:crypto';

export interface ClipboardLike {
  writeText(text: string): void | Promise<void>;
  readText(): string | Promise<string>;
  clear(): void | Promise<void>;
}

export interface ClipboardGuard {
  /** Writes the value and schedules the clear; resolves with when it will happen. */
  copy(value: string, clearAfterSec: number): Promise<{ clearAt: Date }>;
  /** Clears now if the clipboard still holds the app's value; true when it cleared. */
  clearIfUnchanged(): Promise<boolean>;
  /** Cancels the timer without clearing (tests, shutdown after a clear). */
  dispose(): void;
}

export interface ClipboardGuardOptions {
  clipboard: ClipboardLike;
  now?: () => Date;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export function createClipboardGuard(opts: ClipboardGuardOptions): ClipboardGuard {
  const { clipboard } = opts;
  const now = opts.now ?? (() => new Date());
  const setTimer =
    opts.setTimer ??
    ((fn: () => void, ms: number) => {
      const t = setTimeout(fn, ms);
      // A pending clear must not keep a CLI or test process alive; quit clears explicitly.
      t.unref?.();
      return t;
    });
  const clearTimer = opts.clearTimer ?? ((h: unknown) => clearTimeout(h as NodeJS.Timeout));
  // Per process: the hash only has to match this process's own writes.
  const hmacKey = randomBytes(32);
  const digest = (s: string) => createHmac('sha256', hmacKey).update(s).digest('hex');

  let written: string | null = null;
  let timer: unknown = null;

  const cancel = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
  };

  const clearIfUnchanged = async (): Promise<boolean> => {
    cancel();
    const expected = written;
    if (expected === null) return false;
    const current = digest(await clipboard.readText());
    // A copy made while the clipboard was being read owns the clipboard now, and its own timer.
    if (written !== expected) return false;
    written = null;
    if (current !== expected) return false;
    await clipboard.clear();
    return true;
  };

  return {
    async copy(value, clearAfterSec) {
      cancel();
      written = null;
      await clipboard.writeText(value);
      written = digest(value);
      const ms = Math.max(1, Math.round(clearAfterSec * 1000));
      // A clipboard that cannot be read at that moment is left alone: never a crash in a timer.
      timer = setTimer(() => void clearIfUnchanged().catch(() => false), ms);
      return { clearAt: new Date(now().getTime() + ms) };
    },
    clearIfUnchanged,
    dispose: cancel,
  };
}

/** A process-local clipboard for the preview host and tests. */
export function memoryClipboard(): ClipboardLike & { peek(): string } {
  let text = '';
  return {
    writeText: (t) => void (text = t),
    readText: () => text,
    clear: () => void (text = ''),
    peek: () => text,
  };
}
