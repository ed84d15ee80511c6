// The local store: one JSON file (StoreData) in the data folder, written atomically under a
// cross-process lock, with a last-good copy and repair of a corrupt file. The file holds
// metadata only; secrets live in the keychain. The parts: format (what the file holds), files
// (names, modes, the write), lock, recovery (reading and repair).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { storeDataSchema } from '../../../shared/schemas.ts';
import type { StoreData } from '../../../shared/schemas.ts';
import { systemClock } from '../clock.ts';
import type { Clock } from '../clock.ts';
import { DIR_MODE, storeIoError, storePaths, writeStoreFile } from './files.ts';
import type { StorePaths } from './files.ts';
import { StoreLock } from './lock.ts';
import { secureDataFiles } from './permissions.ts';
import { readState, recover } from './recovery.ts';
import type { OpenStoreOptions, Store } from './types.ts';

export {
  CORRUPT_FILE_PREFIX,
  DIR_MODE,
  FILE_MODE,
  LAST_GOOD_FILE,
  LOCK_FILE,
  STORE_FILE,
  STORE_NAME,
} from './files.ts';
export { LOCK_STALE_MS } from './lock.ts';
export { MIGRATIONS, interpretStoreData } from './format.ts';
export type { Migration, ParsedStore } from './format.ts';
export type { OpenStoreOptions, Store } from './types.ts';

class FileStore implements Store {
  readonly path: string;
  private readonly clock: Clock;
  private readonly lock: StoreLock;
  private readonly noticeList: string[] = [];

  constructor(
    private readonly paths: StorePaths,
    opts: OpenStoreOptions,
  ) {
    this.path = paths.file;
    this.clock = opts.clock ?? systemClock;
    this.lock = new StoreLock(paths, opts.lockTimeoutMs ?? 10_000);
  }

  get notices(): readonly string[] {
    return [...this.noticeList];
  }

  notify(message: string): void {
    this.noticeList.push(message);
  }

  async read(): Promise<StoreData> {
    const state = readState(this.paths);
    if (state.kind === 'ok') return state.data;
    return this.lock.run(() => this.recover());
  }

  async update<T>(mutate: (data: StoreData) => T | Promise<T>): Promise<T> {
    return this.lock.run(async (assertHeld) => {
      const state = readState(this.paths);
      const data = state.kind === 'ok' ? state.data : this.recover();
      const result = await mutate(data);
      const checked = storeDataSchema.safeParse(data);
      if (!checked.success) {
        throw new AppError(
          'INTERNAL',
          'The change was not saved: it would have left the store invalid. Nothing was written.',
        );
      }
      assertHeld();
      this.write(checked.data);
      return result;
    });
  }

  /** Caller holds the lock. */
  private recover(): StoreData {
    const { data, notice } = recover(this.paths, this.clock);
    if (notice) this.noticeList.push(notice);
    return data;
  }

  private write(data: StoreData): void {
    writeStoreFile(this.paths.file, data);
    // The change is committed once the main file is written: a failed last-good copy must not
    // make callers undo it (they would delete the secret of a record that now exists).
    try {
      writeStoreFile(this.paths.lastGood, data);
    } catch (e) {
      this.noticeList.push(
        `The change was saved, but the last good copy could not be refreshed: ${(e as Error).message}`,
      );
    }
  }
}

/** Opens (and, when it is corrupt, repairs) the store in `opts.dir`, creating the folder. */
export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  const dir = resolve(opts.dir);
  try {
    mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  } catch (e) {
    throw storeIoError(e, 'create the data folder', dir);
  }
  const paths = storePaths(dir);
  const store = new FileStore(paths, opts);
  for (const notice of secureDataFiles(paths)) store.notify(notice);
  // A first read repairs a corrupt file now, so its notice is there before any command runs.
  await store.read();
  return store;
}
