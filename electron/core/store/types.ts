// The store's public shape, which the core's deps and the hosts depend on (not on the file code).
import type { StoreData } from '../../../shared/schemas.ts';
import type { Clock } from '../clock.ts';

export interface Store {
  /** The file the store lives in. */
  readonly path: string;
  /**
   * Messages for the user: from opening the store (a corrupt file moved aside and restored,
   * permissions tightened) and from actions since (a change saved whose audit event could not be
   * written). The CLI prints them on stderr, the window shows them.
   */
  readonly notices: readonly string[];
  /** Adds a message to `notices`. */
  notify(message: string): void;
  /** A fresh read from disk, validated. */
  read(): Promise<StoreData>;
  /**
   * Takes the cross-process lock, re-reads the file, lets `mutate` change the data in place,
   * validates, writes atomically (mode 0600), refreshes the last-good copy, releases the lock.
   * If `mutate` throws, nothing is written and the error propagates.
   */
  update<T>(mutate: (data: StoreData) => T | Promise<T>): Promise<T>;
}

export interface OpenStoreOptions {
  /** The data dir; created with mode 0700 if missing. */
  dir: string;
  /** Names the moved-aside corrupt files. */
  clock?: Clock;
  /** How long update() waits for another process's lock before STORE_BUSY. */
  lockTimeoutMs?: number;
}
