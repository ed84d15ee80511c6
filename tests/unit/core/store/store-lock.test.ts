// The cross-process lock: released after errors, STORE_BUSY while another holds it, and this
// process's own updates queued.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../../shared/errors.ts';
import type { StoreData } from '../../../../shared/schemas.ts';
import { LOCK_FILE, openStore } from '../../../../electron/core/store/index.ts';
import { account, rejection, seeded } from '../../../helpers/store-rig.ts';

describe('store: the lock', () => {
  it('releases the lock after an error', async () => {
    const { dir, store } = await seeded();
    await rejection(
      store.update(() => {
        throw new Error('boom');
      }),
    );
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const other = await openStore({ dir, lockTimeoutMs: 100 });
    await other.update((d) => void d.accounts.push(account('a2')));
    expect((await store.read()).accounts).toHaveLength(2);
  });

  it('gives up with STORE_BUSY while another process holds the lock', async () => {
    const { dir, file, store } = await seeded();
    const release = await lockfile.lock(dir, {
      lockfilePath: join(dir, LOCK_FILE),
      realpath: false,
    });
    try {
      const busy = await openStore({ dir, lockTimeoutMs: 150 });
      const before = readFileSync(file, 'utf8');
      const err = await rejection(busy.update((d) => void d.accounts.push(account('a2'))));
      expect(isAppError(err, 'STORE_BUSY')).toBe(true);
      expect((err as Error).message).toContain(file);
      expect(readFileSync(file, 'utf8')).toBe(before);
    } finally {
      await release();
    }
    await store.update((d) => void d.accounts.push(account('a3')));
  });

  it('queues concurrent updates from one process without losing any', async () => {
    const { store } = await seeded();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.update((d: StoreData) => void d.accounts.push(account(`q${i}`))),
      ),
    );
    expect((await store.read()).accounts).toHaveLength(11);
  });
});
