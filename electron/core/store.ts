// The local store: one JSON file (StoreData) written through `conf` (or electron-store, which
// the Electron shell passes in), with a cross-process lock, a last-good copy and repair of a
// corrupt file. The file holds metadata only; secrets live in the keychain.
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  constants as fsConstants,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import Conf from 'conf';
import lockfile from 'proper-lockfile';
import { AppError } from '../../shared/errors.ts';
import { STORE_VERSION, emptyStoreData, storeDataSchema } from '../../shared/schemas.ts';
import type { StoreData } from '../../shared/schemas.ts';
import { sleep, systemClock } from './clock.ts';
import type { Clock } from './clock.ts';
import type { Store } from './store-types.ts';

export const STORE_NAME = 'apexkeys';
export const STORE_FILE = `${STORE_NAME}.json`;
export const LAST_GOOD_FILE = `${STORE_NAME}.last-good.json`;
/** proper-lockfile creates this as a directory while a process holds the lock. */
export const LOCK_FILE = `${STORE_NAME}.lock`;
export const CORRUPT_FILE_PREFIX = `${STORE_NAME}.corrupt-`;
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;
/** A lock whose holder stopped refreshing it (a crash) is taken over after this long. */
export const LOCK_STALE_MS = 10_000;

/** The subset of conf / electron-store the store uses. */
export interface ConfLike {
  readonly path: string;
  store: Record<string, unknown>;
}

export interface ConfFactoryOptions {
  cwd: string;
  configName: string;
  fileExtension: 'json';
  configFileMode: number;
  clearInvalidConfig: false;
}

export interface OpenStoreOptions {
  /** The data dir; created with mode 0700 if missing. */
  dir: string;
  /** Names the moved-aside corrupt files. */
  clock?: Clock;
  /** Default: `new Conf(opts)`. The Electron shell passes electron-store. */
  createConf?: (opts: ConfFactoryOptions) => ConfLike;
  /** How long update() waits for another process's lock before STORE_BUSY. */
  lockTimeoutMs?: number;
}

/** Upgrades from version N to N + 1, applied on read before validation. */
export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type ParsedStore = { kind: 'ok'; data: StoreData } | { kind: 'corrupt'; reason: string };

/**
 * Interprets what a store file held: `{}` is a new store, an older version is migrated, a
 * newer one throws STORE_IO (the file must not be touched), anything invalid is 'corrupt'.
 */
export function interpretStoreData(
  raw: unknown,
  file: string,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
): ParsedStore {
  const corrupt = (reason: string): ParsedStore => ({ kind: 'corrupt', reason });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return corrupt('it does not hold a JSON object');
  }
  let data = raw as Record<string, unknown>;
  // conf keeps its own bookkeeping under __internal__; it is not our data.
  if (Object.keys(data).every((k) => k.startsWith('__internal__'))) {
    return { kind: 'ok', data: emptyStoreData() };
  }
  let version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return corrupt('it has no valid version number');
  }
  if (version > STORE_VERSION) {
    throw new AppError(
      'STORE_IO',
      `The store ${file} was written by a newer version of the app (store version ${version}; ` +
        `this one knows ${STORE_VERSION}). Update the app. The file was not changed.`,
    );
  }
  for (; version < STORE_VERSION; version++) {
    const step = migrations[version];
    if (!step) return corrupt(`there is no upgrade from store version ${version}`);
    try {
      data = { ...step(structuredClone(data)), version: version + 1 };
    } catch {
      return corrupt(`upgrading it from store version ${version} failed`);
    }
  }
  const result = storeDataSchema.safeParse(data);
  if (result.success) return { kind: 'ok', data: result.data };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the top level';
  return corrupt(`it does not match the expected layout at ${where}`);
}

function errnoCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const ERRNO_TEXT: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EISDIR: 'a folder is in the way of the file',
  ENOTDIR: 'a file is in the way of the folder',
  EROFS: 'the file system is read-only',
};

/** File-system failures become STORE_IO naming the path; AppErrors pass through. */
function ioError(e: unknown, action: string, path: string): AppError {
  if (e instanceof AppError) return e;
  const code = errnoCode(e);
  const why = code
    ? `${ERRNO_TEXT[code] ?? 'a file system error'} (${code})`
    : 'an unexpected error';
  return new AppError(
    'STORE_IO',
    `Could not ${action} ${path}: ${why}. Check that the folder is yours and writable and that ` +
      'the disk has space, then try again.',
  );
}

/** Temp file + fsync + rename, so a reader sees the old or the new content, never half. */
function writeFileAtomic(file: string, text: string): void {
  const temp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const fd = openSync(temp, 'wx', FILE_MODE);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temp, FILE_MODE);
    renameSync(temp, file);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // the temp file may never have been created
    }
    throw ioError(e, 'write', file);
  }
}

const serialize = (data: StoreData): string => JSON.stringify(data, undefined, '\t');

class ConfStore implements Store {
  readonly path: string;
  private readonly lastGoodPath: string;
  private readonly lockPath: string;
  private readonly clock: Clock;
  private readonly lockTimeoutMs: number;
  private readonly createConf: (opts: ConfFactoryOptions) => ConfLike;
  private conf: ConfLike | undefined;
  private readonly noticeList: string[] = [];
  /** Serializes this process's own locked sections, so they queue instead of polling the lock. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dir: string,
    opts: OpenStoreOptions,
  ) {
    this.path = join(dir, STORE_FILE);
    this.lastGoodPath = join(dir, LAST_GOOD_FILE);
    this.lockPath = join(dir, LOCK_FILE);
    this.clock = opts.clock ?? systemClock;
    this.lockTimeoutMs = opts.lockTimeoutMs ?? 10_000;
    this.createConf = opts.createConf ?? ((o) => new Conf<Record<string, unknown>>(o));
  }

  get notices(): readonly string[] {
    return [...this.noticeList];
  }

  async open(): Promise<void> {
    try {
      this.conf = this.newConf();
    } catch (e) {
      if (e instanceof AppError) throw e;
      // conf parses the file in its constructor and throws on bad JSON: repair, then retry.
      await this.withLock(() => this.recover());
      this.conf = this.newConf();
    }
    await this.read();
  }

  async read(): Promise<StoreData> {
    const state = this.readState();
    if (state.kind === 'ok') return state.data;
    return this.withLock(() => this.recover());
  }

  async update<T>(mutate: (data: StoreData) => T | Promise<T>): Promise<T> {
    return this.withLock(async (assertHeld) => {
      const state = this.readState();
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

  private newConf(): ConfLike {
    let conf: ConfLike;
    try {
      conf = this.createConf({
        cwd: this.dir,
        configName: STORE_NAME,
        fileExtension: 'json',
        configFileMode: FILE_MODE,
        clearInvalidConfig: false,
      });
    } catch (e) {
      if (errnoCode(e)) throw ioError(e, 'open', this.path);
      throw e;
    }
    // Reads go to this.path directly, so the writer must agree on it.
    if (resolve(conf.path) !== this.path) {
      throw new AppError('INTERNAL', `The store writer uses ${conf.path}, not ${this.path}.`);
    }
    return conf;
  }

  /**
   * Reads parse the file directly: conf's getter runs `Object.assign({}, JSON.parse(text))`, which
   * turns a damaged `null` or `[]` into `{}`, i.e. a silently empty new store.
   */
  private readRaw(): unknown {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return {};
      throw e;
    }
    return JSON.parse(text) as unknown;
  }

  private readState(): ParsedStore {
    let raw: unknown;
    // A vanished store file beside a last-good copy is a loss to repair, not a first run: an
    // empty store would overwrite the last-good copy on the next save.
    if (!existsSync(this.path) && existsSync(this.lastGoodPath)) {
      return { kind: 'corrupt', reason: 'it is missing' };
    }
    try {
      raw = this.readRaw();
    } catch (e) {
      if (errnoCode(e)) throw ioError(e, 'read', this.path);
      return {
        kind: 'corrupt',
        reason: e instanceof SyntaxError ? 'it is not valid JSON' : 'it could not be parsed',
      };
    }
    return interpretStoreData(raw, this.path);
  }

  private readLastGood(): { data: StoreData; at: Date } | null {
    let text: string;
    try {
      text = readFileSync(this.lastGoodPath, 'utf8');
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return null;
      throw ioError(e, 'read', this.lastGoodPath);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return null;
    }
    // We always write a full copy, so an empty object is not a good copy.
    if (typeof raw !== 'object' || raw === null || Object.keys(raw).length === 0) return null;
    const parsed = interpretStoreData(raw, this.lastGoodPath);
    if (parsed.kind !== 'ok') return null;
    return { data: parsed.data, at: statSync(this.lastGoodPath).mtime };
  }

  /**
   * Caller holds the lock. Moves a corrupt file aside and restores the last-good copy; with no
   * good copy, throws STORE_CORRUPT and leaves the file untouched.
   */
  private recover(): StoreData {
    const state = this.readState();
    // Another process may have repaired it while we waited for the lock.
    if (state.kind === 'ok') return state.data;
    const good = this.readLastGood();
    if (!good) {
      throw new AppError(
        'STORE_CORRUPT',
        `The store file ${this.path} is corrupt (${state.reason}) and there is no valid last ` +
          `good copy (${this.lastGoodPath}) to restore. The file was left in place, untouched. ` +
          'Restore it from a backup, or move it elsewhere to start with an empty store.',
      );
    }
    if (!existsSync(this.path)) {
      writeFileAtomic(this.path, serialize(good.data));
      this.noticeList.push(
        `The store file ${this.path} was missing; the last good copy from ` +
          `${good.at.toISOString()} was restored.`,
      );
      return good.data;
    }
    const moved = this.moveAside();
    writeFileAtomic(this.path, serialize(good.data));
    this.noticeList.push(
      `The store file was corrupt (${state.reason}); it was moved to ${moved} and the last ` +
        `good copy from ${good.at.toISOString()} was restored.`,
    );
    return good.data;
  }

  /**
   * Keeps the corrupt bytes under a new name. A hard link (then the restore renames over the
   * old name) means the store path never goes missing for a lock-free reader.
   */
  private moveAside(): string {
    const stamp = this.clock.now().toISOString().replace(/[:.]/g, '-');
    let target = join(this.dir, `${CORRUPT_FILE_PREFIX}${stamp}.json`);
    for (let n = 1; existsSync(target); n++) {
      target = join(this.dir, `${CORRUPT_FILE_PREFIX}${stamp}-${n}.json`);
    }
    try {
      try {
        linkSync(this.path, target);
      } catch (e) {
        // Some file systems (FAT, some network shares) have no hard links.
        if (errnoCode(e) === 'EEXIST') throw e;
        copyFileSync(this.path, target, fsConstants.COPYFILE_EXCL);
        chmodSync(target, FILE_MODE);
      }
    } catch (e) {
      throw ioError(e, 'move the corrupt store aside to', target);
    }
    return target;
  }

  private write(data: StoreData): void {
    const conf = this.conf;
    if (!conf) throw new AppError('INTERNAL', 'The store was used before it was opened.');
    try {
      // conf writes atomically (temp file + rename) with configFileMode.
      conf.store = data;
      // A factory that ignores configFileMode must not leave the file readable by others.
      if ((statSync(this.path).mode & 0o777) !== FILE_MODE) chmodSync(this.path, FILE_MODE);
    } catch (e) {
      throw ioError(e, 'write', this.path);
    }
    // The change is committed once the main file is written: a failed last-good copy must not
    // make callers undo it (they would delete the secret of a record that now exists).
    try {
      writeFileAtomic(this.lastGoodPath, serialize(data));
    } catch (e) {
      this.noticeList.push(
        `The change was saved, but the last good copy could not be refreshed: ${(e as Error).message}`,
      );
    }
  }

  private withLock<T>(fn: (assertHeld: () => void) => T | Promise<T>): Promise<T> {
    const run = this.queue.then(() => this.lockAndRun(fn));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async lockAndRun<T>(fn: (assertHeld: () => void) => T | Promise<T>): Promise<T> {
    let lost = false;
    const release = await this.acquire(() => {
      lost = true;
    });
    try {
      return await fn(() => {
        if (lost) {
          throw new AppError(
            'STORE_BUSY',
            `The lock on ${this.path} was lost (the process was paused too long), so the change ` +
              'was not saved. Try again.',
          );
        }
      });
    } finally {
      // A lock already lost cannot be released; there is nothing more to undo.
      await release().catch(() => undefined);
    }
  }

  private async acquire(onCompromised: () => void): Promise<() => Promise<void>> {
    const deadline = Date.now() + this.lockTimeoutMs;
    let delay = 5;
    for (;;) {
      try {
        return await lockfile.lock(this.dir, {
          lockfilePath: this.lockPath,
          realpath: false,
          stale: LOCK_STALE_MS,
          retries: 0,
          onCompromised,
        });
      } catch (e) {
        if (errnoCode(e) !== 'ELOCKED') throw ioError(e, 'lock', this.lockPath);
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new AppError(
          'STORE_BUSY',
          `The store ${this.path} stayed locked by another process (the app or the apexkeys ` +
            `CLI) for ${Math.round(this.lockTimeoutMs / 1000)} s. Wait for it to finish and ` +
            `try again; a lock left by a crashed process expires after ${LOCK_STALE_MS / 1000} s.`,
        );
      }
      // Jittered backoff so several waiting processes do not retry in step.
      await sleep(Math.min(left, delay * (0.5 + Math.random())));
      delay = Math.min(delay * 2, 200);
    }
  }
}

export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  const dir = resolve(opts.dir);
  try {
    mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  } catch (e) {
    throw ioError(e, 'create the data folder', dir);
  }
  const store = new ConfStore(dir, opts);
  await store.open();
  return store;
}
