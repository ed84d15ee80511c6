// Notices when the data folder changes (the CLI or another window wrote the store or the audit)
// and keeps a revision the window can wait on. Node only; the host creates one over its data dir.
//
// The store file is replaced by a rename on every write, so the folder is watched, not the file
// (a watch on the file would follow the old inode). fs.watch can miss events (network folders,
// some container file systems), so while anyone waits a cheap stat of the watched files runs as
// a fallback. A write this process makes through own() is not a change: the window already knows
// what it wrote (its own Verify all would otherwise reload it on every write). The feed keeps the
// state of each file as it last saw it; a bump happens only when a file differs from that.
import { lstatSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_FILE } from './audit.ts';
import { STORE_FILE } from './store/index.ts';

export interface ChangeAnswer {
  revision: number;
  changed: boolean;
}

export interface ChangeFeed {
  /** Bumped once per burst of writes to a watched file; starts at 0. */
  readonly revision: number;
  /**
   * Resolves as soon as the revision differs from `since` (changed), or after `timeoutMs` with
   * the current revision (not changed). A `since` ahead of the revision came from another feed
   * (a host that restarted): it answers changed at once, so the window reloads and catches up.
   */
  wait(since: number, timeoutMs: number): Promise<ChangeAnswer>;
  /**
   * Runs a write of this process to the watched file `name`, which then does not count as a
   * change. `write` calls `begin` once no other process can write the file any more (inside the
   * store's lock); without that call, the start of the write counts. If the file had changed
   * unseen before (another process), nothing is absorbed: that change still shows.
   */
  own<T>(name: string, write: (begin: () => void) => Promise<T>): Promise<T>;
  /** Stops watching; pending waits answer unchanged. Idempotent. */
  close(): void;
}

export interface ChangeFeedOptions {
  dir: string;
  /** Names inside `dir` whose changes count. Default: the store file and the audit file. */
  files?: readonly string[];
  /** How long a burst of events is gathered into one bump. Default 100 ms. */
  settleMs?: number;
  /** How often the fallback stat runs while someone waits. Default 1000 ms. */
  statEveryMs?: number;
  /** Default node:fs watch; tests pass one that records its watchers. */
  watch?: typeof watch;
}

interface Waiter {
  timer: NodeJS.Timeout;
  resolve(answer: ChangeAnswer): void;
}

/** What identifies one version of a file: a rename changes the inode, an append the size. */
function stateOf(path: string): string {
  try {
    const s = lstatSync(path, { throwIfNoEntry: false });
    return s ? `${s.ino}:${s.size}:${s.mtimeMs}` : '-';
  } catch {
    // Unreadable right now (a permission change mid-write): counts as a distinct state.
    return '?';
  }
}

export function createChangeFeed(opts: ChangeFeedOptions): ChangeFeed {
  const names = new Set(opts.files ?? [STORE_FILE, AUDIT_FILE]);
  const paths = [...names].map((n) => join(opts.dir, n));
  const settleMs = opts.settleMs ?? 100;
  const statEveryMs = opts.statEveryMs ?? 1000;
  const watchDir = opts.watch ?? watch;
  const waiters = new Set<Waiter>();
  let revision = 0;
  // Each watched file as the feed last saw it (its own writes included).
  const known = new Map(paths.map((p) => [p, stateOf(p)]));
  // Files this process is writing through own() right now: judged once the write has ended.
  const writing = new Map<string, number>();
  const settled = () => paths.filter((p) => !writing.get(p));
  const differs = () => settled().some((p) => stateOf(p) !== known.get(p));
  let settle: NodeJS.Timeout | null = null;
  let statTimer: NodeJS.Timeout | null = null;
  let watcher: FSWatcher | null = null;
  let closed = false;

  const answerAll = (changed: boolean) => {
    for (const w of waiters) {
      clearTimeout(w.timer);
      w.resolve({ revision, changed });
    }
    waiters.clear();
    stopStat();
  };

  // An event that brought nothing new (this process's own write, absorbed) bumps nothing.
  const bump = () => {
    settle = null;
    if (!differs()) return;
    for (const p of settled()) known.set(p, stateOf(p));
    revision += 1;
    answerAll(true);
  };

  // The bump comes after the burst's events, so a read after it sees the burst's last write.
  const changedSoon = () => {
    if (closed || settle) return;
    settle = setTimeout(bump, settleMs);
  };

  const checkStat = () => {
    if (differs()) bump();
  };

  function stopStat(): void {
    if (statTimer) clearTimeout(statTimer);
    statTimer = null;
  }

  const scheduleStat = () => {
    if (closed || statTimer || waiters.size === 0) return;
    statTimer = setTimeout(() => {
      statTimer = null;
      if (!watcher) startWatch();
      checkStat();
      scheduleStat();
    }, statEveryMs);
  };

  function startWatch(): void {
    if (closed) return;
    try {
      // Its timers and watch are ordinary handles (a test can see they are gone): close() ends them.
      watcher = watchDir(opts.dir, (_event, name) => {
        // No name (some platforms): it may have been one of ours.
        if (name === null || names.has(name.toString())) changedSoon();
      });
      watcher.on('error', () => {
        // The folder went away or the watch broke: the stat fallback carries on and re-watches.
        watcher?.close();
        watcher = null;
      });
    } catch {
      watcher = null;
    }
  }

  startWatch();

  return {
    get revision() {
      return revision;
    },
    wait(since, timeoutMs) {
      if (!closed) checkStat();
      if (since !== revision) return Promise.resolve({ revision, changed: true });
      if (closed || timeoutMs <= 0) return Promise.resolve({ revision, changed: false });
      return new Promise<ChangeAnswer>((resolve) => {
        const waiter: Waiter = {
          resolve,
          timer: setTimeout(() => {
            waiters.delete(waiter);
            if (waiters.size === 0) stopStat();
            resolve({ revision, changed: revision !== since });
          }, timeoutMs),
        };
        waiters.add(waiter);
        scheduleStat();
      });
    },
    async own(name, write) {
      const path = names.has(name) ? join(opts.dir, name) : null;
      if (path === null) return write(() => undefined);
      let before = stateOf(path);
      writing.set(path, (writing.get(path) ?? 0) + 1);
      try {
        return await write(() => {
          before = stateOf(path);
        });
      } finally {
        writing.set(path, (writing.get(path) ?? 1) - 1);
        // Only what this write did: another process's change from before it still counts, and
        // so does the state of a write that failed half-way. (One landing between the write's
        // end and this stat is taken for ours: a gap of microseconds, inside the store's lock
        // for the store file.)
        if (!writing.get(path) && known.get(path) === before) known.set(path, stateOf(path));
        else changedSoon();
      }
    },
    close() {
      if (closed) return;
      closed = true;
      if (settle) clearTimeout(settle);
      settle = null;
      watcher?.close();
      watcher = null;
      answerAll(false);
    },
  };
}
