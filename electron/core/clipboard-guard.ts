// Copies with auto-clear: the clipboard is cleared after the delay, and on quit or lock, but only
// while it still holds what the app wrote. A keyed hash is kept for that check, never the value.
import { createHmac, randomBytes } from 'node:crypto';

export interface ClipboardLike {
  writeText(text: string): void;
  readText(): string;
  clear(): void;
}

export interface ClipboardGuard {
  /** Writes the value and schedules the clear; returns when it will happen. */
  copy(value: string, clearAfterSec: number): { clearAt: Date };
  /** Clears now if the clipboard still holds the app's value; true when it cleared. */
  clearIfUnchanged(): boolean;
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

  const clearIfUnchanged = (): boolean => {
    cancel();
    if (written === null) return false;
    const ours = digest(clipboard.readText()) === written;
    written = null;
    if (ours) clipboard.clear();
    return ours;
  };

  return {
    copy(value, clearAfterSec) {
      cancel();
      clipboard.writeText(value);
      written = digest(value);
      const ms = Math.max(1, Math.round(clearAfterSec * 1000));
      timer = setTimer(() => void clearIfUnchanged(), ms);
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
