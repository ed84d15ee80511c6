// A corrupt or vanished store file: moved aside, never deleted, and the last-good copy restored.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../../shared/errors.ts';
import {
  CORRUPT_FILE_PREFIX,
  LOCK_FILE,
  openStore,
} from '../../../../electron/core/store/index.ts';
import {
  account,
  corruptFiles,
  fixedClock,
  rejection,
  seeded,
  setup,
} from '../../../helpers/store-rig.ts';

describe('store: corrupt files', () => {
  it('moves a corrupt file aside verbatim at open and restores the last good copy', async () => {
    const { dir, file, store } = await seeded();
    const good = await store.read();
    const garbage = '{"version": 1, "accounts": [tr';
    writeFileSync(file, garbage);

    const reopened = await openStore({ dir, clock: fixedClock });
    expect(await reopened.read()).toEqual(good);
    const moved = corruptFiles(dir);
    expect(moved).toEqual([`${CORRUPT_FILE_PREFIX}2025-03-04T05-06-07-089Z.json`]);
    expect(readFileSync(join(dir, moved[0] ?? ''), 'utf8')).toBe(garbage);
    expect(reopened.notices).toHaveLength(1);
    expect(reopened.notices[0]).toContain('was corrupt');
    expect(reopened.notices[0]).toContain(join(dir, moved[0] ?? ''));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a corrupt file with no last good copy and leaves it untouched', async () => {
    const { dir, file, open } = setup();
    const garbage = 'not json at all';
    writeFileSync(file, garbage);
    const err = await rejection(open());
    expect(isAppError(err, 'STORE_CORRUPT')).toBe(true);
    expect((err as Error).message).toContain(file);
    expect((err as Error).message).toContain('left in place, untouched');
    expect(readFileSync(file, 'utf8')).toBe(garbage);
    expect(corruptFiles(dir)).toEqual([]);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it.each([
    ['a list of accounts that is not a list', '{"version":1,"accounts":"nope"}'],
    ['JSON null', 'null'],
    ['no version', '{"accounts":[]}'],
  ])('treats a file with %s as corrupt', async (_what, content) => {
    const { dir, file, store } = await seeded();
    const good = await store.read();
    writeFileSync(file, content);
    const reopened = await openStore({ dir, clock: fixedClock });
    expect(await reopened.read()).toEqual(good);
    expect(reopened.notices).toHaveLength(1);
    expect(readFileSync(join(dir, corruptFiles(dir)[0] ?? ''), 'utf8')).toBe(content);
  });

  it('detects garbage another process wrote between two updates', async () => {
    const { dir, file, store } = await seeded();
    writeFileSync(file, '\u0000\u0001garbage');
    await store.update((d) => void d.accounts.push(account('a2')));
    expect((await store.read()).accounts.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(store.notices).toHaveLength(1);
    expect(corruptFiles(dir)).toHaveLength(1);
  });

  it('restores the last good copy when the store file vanished, instead of starting empty', async () => {
    const { dir, file } = await seeded();
    rmSync(file);
    const reopened = await openStore({ dir, clock: fixedClock });
    expect((await reopened.read()).accounts.map((a) => a.id)).toEqual(['a1']);
    expect(reopened.notices.join(' ')).toMatch(/was missing; the last good copy/);
    await reopened.update((d) => void d.accounts.push(account('a2')));
    expect((await reopened.read()).accounts.map((a) => a.id)).toEqual(['a1', 'a2']);
  });

  it('restores the last good copy over a blank {} or conf-bookkeeping-only file, keeping it aside', async () => {
    for (const blank of ['{}', '{"__internal__":{"migrations":{}}}']) {
      const { dir, file, lastGood } = await seeded();
      writeFileSync(file, blank);
      const reopened = await openStore({ dir, clock: fixedClock });
      expect((await reopened.read()).accounts.map((a) => a.id)).toEqual(['a1']);
      expect(reopened.notices.join(' ')).toMatch(/corrupt \(it holds no data.*moved to/);
      expect(corruptFiles(dir).map((f) => readFileSync(join(dir, f), 'utf8'))).toEqual([blank]);
      // The next write keeps the data, in the file and in the last-good copy.
      await reopened.update((d) => void d.accounts.push(account('a2')));
      expect(JSON.parse(readFileSync(lastGood, 'utf8')).accounts).toHaveLength(2);
    }
  });

  it('keeps a committed change when only the last-good copy cannot be written, and says so', async () => {
    const { lastGood, store } = await seeded();
    rmSync(lastGood);
    mkdirSync(lastGood); // a directory in the way of the copy
    await store.update((d) => void d.accounts.push(account('a2')));
    expect((await store.read()).accounts.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(store.notices.join(' ')).toMatch(/saved, but the last good copy could not be refreshed/);
  });

  it('detects corruption on a plain read too', async () => {
    const { dir, file, store } = await seeded();
    writeFileSync(file, '[]');
    expect((await store.read()).accounts.map((a) => a.id)).toEqual(['a1']);
    expect(store.notices).toHaveLength(1);
    expect(corruptFiles(dir)).toHaveLength(1);
  });
});
