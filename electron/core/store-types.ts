import type { StoreData } from '../../shared/schemas.ts';

export interface Store {
  /** The file the store lives in. */
  readonly path: string;
  /** Messages for the user from opening the store (e.g. a corrupt file moved aside and restored). */
  readonly notices: readonly string[];
  /** A fresh read from disk, validated. */
  read(): Promise<StoreData>;
  /**
   * Takes the cross-process lock, re-reads the file, lets `mutate` change the data in place,
   * validates, writes atomically (mode 0600), refreshes the last-good copy, releases the lock.
   * If `mutate` throws, nothing is written and the error propagates.
   */
  update<T>(mutate: (data: StoreData) => T | Promise<T>): Promise<T>;
}
