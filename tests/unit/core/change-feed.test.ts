// The change feed: a write to the store or the audit by another process bumps the revision and
// wakes a waiter; other files in the folder do not; the stat fallback catches what the watch
// misses; close answers pending waits and leaves no timer or watcher behind.
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdirSync, renameSync, watch, writeFileSync, type WatchListener } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUDIT_FILE } from '../../../electron/core/audit.ts';
import {
  createChangeFeed,
  type ChangeFeed,
  type ChangeFeedOptions,
} from '../../../electron/core/change-feed.ts';
import { withOwnWrites } from '../../../electron/core/own-writes.ts';
import { STORE_FILE } from '../../../electron/core/store/index.ts';
import { makeCore } from '../../helpers/core.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

const LONG = 60_000;

/** Writes `name` in `dir` the way the store does (a temp file renamed over it), in a child process. */
function writeFromAnotherProcess(dir: string, name: string, text: string): Promise<void> {
  const script = `
    const fs = require('node:fs'); const path = require('node:path');
    const [dir, name, text] = process.argv.slice(1);
    const temp = path.join(dir, '.' + name + '.' + process.pid + '.tmp');
    fs.writeFileSync(temp, text, { mode: 0o600 });
    fs.renameSync(temp, path.join(dir, name));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, dir, name, text], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
  });
}

/** Replaces `name` as the store does, in this process. */
function replaceHere(dir: string, name: string, text: string): void {
  const temp = join(dir, `.${name}.tmp`);
  writeFileSync(temp, text, { mode: 0o600 });
  renameSync(temp, join(dir, name));
}

describe('createChangeFeed', () => {
  const feeds: ChangeFeed[] = [];
  const open = (dir: string, opts: Omit<ChangeFeedOptions, 'dir'> = {}) => {
    const feed = createChangeFeed({ dir, ...opts });
    feeds.push(feed);
    return feed;
  };
  afterEach(() => {
    for (const f of feeds.splice(0)) f.close();
  });

  it('answers at once, unchanged, with a zero timeout', async () => {
    const feed = open(makeTempDir('feed-zero'));
    await expect(feed.wait(0, 0)).resolves.toEqual({ revision: 0, changed: false });
  });

  it('wakes a waiter when another process replaces the store file', async () => {
    const dir = makeTempDir('feed-store');
    writeFileSync(join(dir, STORE_FILE), '{}');
    const feed = open(dir);
    const waiting = feed.wait(0, LONG);
    await writeFromAnotherProcess(dir, STORE_FILE, '{"keys":[]}');
    await expect(waiting).resolves.toEqual({ revision: 1, changed: true });
    // Caught up: the next wait for revision 1 waits again; a stale revision answers at once.
    await expect(feed.wait(1, 0)).resolves.toEqual({ revision: 1, changed: false });
    await expect(feed.wait(0, LONG)).resolves.toEqual({ revision: 1, changed: true });
  });

  it('wakes a waiter on an audit append, and one burst of writes is one bump', async () => {
    const dir = makeTempDir('feed-audit');
    const feed = open(dir);
    const waiting = feed.wait(0, LONG);
    for (let i = 0; i < 5; i += 1)
      writeFileSync(join(dir, AUDIT_FILE), `line ${i}\n`, { flag: 'a' });
    const answer = await waiting;
    expect(answer.changed).toBe(true);
    // The burst may straddle the settle window, but never makes a bump per write.
    expect(answer.revision).toBeLessThan(5);
  });

  it('a change while nobody waits is seen by the next wait (never missed)', async () => {
    const dir = makeTempDir('feed-between');
    const feed = open(dir);
    await writeFromAnotherProcess(dir, STORE_FILE, '{}');
    // Whether the watch or the stat at the start of the wait sees it first, it is seen.
    await expect(feed.wait(0, LONG)).resolves.toMatchObject({ changed: true });
  });

  it('ignores the other files of the folder (lock, last-good copy, window preferences)', async () => {
    const dir = makeTempDir('feed-others');
    const feed = open(dir);
    writeFileSync(join(dir, 'apexkeys.last-good.json'), '{}');
    writeFileSync(join(dir, 'window-prefs.json'), '{}');
    await expect(feed.wait(0, 300)).resolves.toEqual({ revision: 0, changed: false });
  });

  it('the stat fallback sees a change the watch missed', async () => {
    // A watch that never reports anything (as on some network or container file systems).
    const deaf = (() =>
      Object.assign(new EventEmitter(), { close() {} })) as unknown as typeof watch;
    const dir = makeTempDir('feed-stat');
    const feed = open(dir, { statEveryMs: 20, watch: deaf });
    const waiting = feed.wait(0, LONG);
    await writeFromAnotherProcess(dir, STORE_FILE, '{}');
    await expect(waiting).resolves.toEqual({ revision: 1, changed: true });
  });

  it('a folder that does not exist yet is watched once it does', async () => {
    const dir = join(makeTempDir('feed-later'), 'later');
    const feed = open(dir, { statEveryMs: 20 });
    const waiting = feed.wait(0, LONG);
    mkdirSync(dir);
    await writeFromAnotherProcess(dir, STORE_FILE, '{}');
    await expect(waiting).resolves.toMatchObject({ changed: true });
  });

  // Handles are counted on the feed's own timers (fake ones, per test) and its own watcher, not
  // the process's: other test files share the process and have handles of their own.
  it('close answers pending waits unchanged and leaves no timer or watch behind', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const watchers: Array<{ closed: boolean }> = [];
      const recording: typeof watch = ((dir: string, listener: WatchListener<string>) => {
        const w = watch(dir, listener);
        const seen = { closed: false };
        watchers.push(seen);
        const close = w.close.bind(w);
        w.close = () => {
          seen.closed = true;
          close();
        };
        return w;
      }) as typeof watch;
      const feed = createChangeFeed({ dir: makeTempDir('feed-close'), watch: recording });
      expect(watchers).toEqual([{ closed: false }]);
      const waiting = [feed.wait(0, LONG), feed.wait(0, LONG)];
      // One timer per waiter and the fallback stat's.
      expect(vi.getTimerCount()).toBe(3);
      feed.close();
      await expect(Promise.all(waiting)).resolves.toEqual([
        { revision: 0, changed: false },
        { revision: 0, changed: false },
      ]);
      expect(vi.getTimerCount()).toBe(0);
      expect(watchers).toEqual([{ closed: true }]);
      // After close it answers at once and starts nothing.
      await expect(feed.wait(0, LONG)).resolves.toEqual({ revision: 0, changed: false });
      expect(vi.getTimerCount()).toBe(0);
      feed.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a wait that times out stops the fallback stat with it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const feed = open(makeTempDir('feed-timeout'));
      const waiting = feed.wait(0, 5000);
      expect(vi.getTimerCount()).toBe(2);
      await vi.advanceTimersByTimeAsync(5000);
      await expect(waiting).resolves.toEqual({ revision: 0, changed: false });
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  // Each check below is a wait with a zero timeout: it compares the files with what the feed has
  // seen, then answers, so nothing depends on when the watch's events arrive.
  describe("this process's own writes", () => {
    it('are not changes; a write of another process after them is', async () => {
      const dir = makeTempDir('feed-own');
      const feed = open(dir);
      for (let i = 0; i < 3; i += 1) {
        await feed.own(STORE_FILE, async () => replaceHere(dir, STORE_FILE, `{"n":${i}}`));
        await feed.own(AUDIT_FILE, async () =>
          writeFileSync(join(dir, AUDIT_FILE), `line ${i}\n`, { flag: 'a' }),
        );
      }
      await expect(feed.wait(0, 0)).resolves.toEqual({ revision: 0, changed: false });
      await writeFromAnotherProcess(dir, STORE_FILE, '{"cli":true}');
      await expect(feed.wait(0, 0)).resolves.toEqual({ revision: 1, changed: true });
      await expect(feed.wait(1, 0)).resolves.toEqual({ revision: 1, changed: false });
    });

    it('are not reported half-way, while the write is still going on', async () => {
      const dir = makeTempDir('feed-own-midway');
      const feed = open(dir);
      const seen = await feed.own(STORE_FILE, async (begin) => {
        begin();
        replaceHere(dir, STORE_FILE, '{"half":true}');
        return feed.wait(0, 0);
      });
      expect(seen).toEqual({ revision: 0, changed: false });
      await expect(feed.wait(0, 0)).resolves.toEqual({ revision: 0, changed: false });
    });

    it('absorb nothing when another process changed the file unseen before them', async () => {
      const dir = makeTempDir('feed-own-after-cli');
      // A watch that reports nothing: only the comparison can notice the other process's write.
      const deaf = (() =>
        Object.assign(new EventEmitter(), { close() {} })) as unknown as typeof watch;
      const feed = open(dir, { watch: deaf, statEveryMs: LONG });
      await writeFromAnotherProcess(dir, STORE_FILE, '{"cli":true}');
      await feed.own(STORE_FILE, async () => replaceHere(dir, STORE_FILE, '{"app":true}'));
      await expect(feed.wait(0, 0)).resolves.toEqual({ revision: 1, changed: true });
    });

    it('through withOwnWrites: store updates and audit appends are own, reads pass through', async () => {
      const core = await makeCore('feed-own-deps');
      await core.store.update(() => undefined);
      const feed = open(core.dataDir);
      const deps = withOwnWrites(core, feed);
      await deps.store.update((d) => {
        d.settings.clipboardClearSec = 45;
      });
      await deps.audit.append({
        action: 'updated',
        keyId: null,
        accountId: null,
        label: null,
        fingerprint: null,
        outcome: 'ok',
      });
      expect((await deps.store.read()).settings.clipboardClearSec).toBe(45);
      expect((await deps.audit.read()).events).toHaveLength(1);
      expect(deps.store.path).toBe(core.store.path);
      await expect(feed.wait(0, 0)).resolves.toEqual({ revision: 0, changed: false });
      // The same store not marked (as another window of this process would write it) counts.
      await core.store.update((d) => {
        d.settings.clipboardClearSec = 60;
      });
      await expect(feed.wait(0, 0)).resolves.toEqual({ revision: 1, changed: true });
    });
  });
});
