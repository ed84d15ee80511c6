// The cross-process lock (proper-lockfile, a directory beside the store), so the app and several
// CLI processes can update at once without losing a change.
import lockfile from 'proper-lockfile';
import { AppError } from '../../../shared/errors.ts';
import { sleep } from '../clock.ts';
import { errnoCode } from '../fs/errno.ts';
import { storeIoError } from './files.ts';
import type { StorePaths } from './files.ts';

/** A lock whose holder stopped refreshing it (a crash) is taken over after this long. */
export const LOCK_STALE_MS = 10_000;

/** Throws STORE_BUSY when the lock was lost, so a write never lands without it. */
export type AssertHeld = () => void;

export class StoreLock {
  /** Serializes this process's own locked sections, so they queue instead of polling the lock. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly paths: StorePaths,
    /** How long to wait for another process's lock before STORE_BUSY. */
    private readonly timeoutMs: number,
  ) {}

  /** Runs `fn` holding the lock, after this process's earlier sections; always releases it. */
  run<T>(fn: (assertHeld: AssertHeld) => T | Promise<T>): Promise<T> {
    const run = this.queue.then(() => this.lockAndRun(fn));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async lockAndRun<T>(fn: (assertHeld: AssertHeld) => T | Promise<T>): Promise<T> {
    let lost = false;
    const release = await this.acquire(() => {
      lost = true;
    });
    try {
      return await fn(() => {
        if (lost) {
          throw new AppError(
            'STORE_BUSY',
            `The lock on ${this.paths.file} was lost (the process was paused too long), so the ` +
              'change was not saved. Try again.',
          );
        }
      });
    } finally {
      // A lock already lost cannot be released; there is nothing more to undo.
      await release().catch(() => undefined);
    }
  }

  private async acquire(onCompromised: () => void): Promise<() => Promise<void>> {
    const deadline = Date.now() + this.timeoutMs;
    let delay = 5;
    for (;;) {
      try {
        return await lockfile.lock(this.paths.dir, {
          lockfilePath: this.paths.lock,
          realpath: false,
          stale: LOCK_STALE_MS,
          retries: 0,
          onCompromised,
        });
      } catch (e) {
        if (errnoCode(e) !== 'ELOCKED') throw storeIoError(e, 'lock', this.paths.lock);
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new AppError(
          'STORE_BUSY',
          `The store ${this.paths.file} stayed locked by another process (the app or the ` +
            `apexkeys CLI) for ${Math.round(this.timeoutMs / 1000)} s. Wait for it to finish ` +
            `and try again; a lock left by a crashed process expires after ` +
            `${LOCK_STALE_MS / 1000} s.`,
        );
      }
      // Jittered backoff so several waiting processes do not retry in step.
      await sleep(Math.min(left, delay * (0.5 + Math.random())));
      delay = Math.min(delay * 2, 200);
    }
  }
}
