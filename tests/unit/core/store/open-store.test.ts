import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import lockfile from 'proper-lockfile';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../../shared/errors.ts';
import { STORE_VERSION, emptyStoreData } from '../../../../shared/schemas.ts';
import type { Account, StoreData } from '../../../../shared/schemas.ts';
import {
  CORRUPT_FILE_PREFIX,
  LAST_GOOD_FILE,
  LOCK_FILE,
  STORE_FILE,
  interpretStoreData,
  openStore,
} from '../../../../electron/core/store.ts';
import type { ConfFactoryOptions, OpenStoreOptions } from '../../../../electron/core/store.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';
import { sampleAccount } from '../../../helpers/records.ts';

const fixedClock = { now: () => new Date('2025-03-04T05:06:07.089Z') };

const account = (id: string): Account => sampleAccount(id);

function setup(opts: Partial<OpenStoreOptions> = {}) {
  const dir = makeTempDir('store');
  const file = join(dir, STORE_FILE);
  const lastGood = join(dir, LAST_GOOD_FILE);
  const open = () => openStore({ dir, clock: fixedClock, ...opts });
  return { dir, file, lastGood, open };
}

/** A store with one account written, so a last-good copy exists. */
async function seeded() {
  const s = setup();
  const store = await s.open();
  await store.update((d) => void d.accounts.push(account('a1')));
  return { ...s, store };
}

const corruptFiles = (dir: string) =>
  readdirSync(dir).filter((n) => n.startsWith(CORRUPT_FILE_PREFIX));

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}

describe('store: reading and writing', () => {
  it('reads a new store as empty data, in a 0700 dir it creates', async () => {
    const { dir, open } = setup();
    const nested = join(dir, 'a', 'b');
    const store = await openStore({ dir: nested });
    expect(await store.read()).toEqual(emptyStoreData());
    expect(store.path).toBe(join(nested, STORE_FILE));
    expect(store.notices).toEqual([]);
    expect(statSync(nested).mode & 0o777).toBe(0o700);
    expect(await (await open()).read()).toEqual(emptyStoreData());
  });

  it('reads a file holding {} as a new store', async () => {
    const { file, open } = setup();
    writeFileSync(file, '{}');
    expect(await (await open()).read()).toEqual(emptyStoreData());
  });

  it('persists an update and returns what mutate returned', async () => {
    const { file, open } = setup();
    const store = await open();
    const result = await store.update((d) => {
      d.accounts.push(account('a1'));
      return d.accounts.length;
    });
    expect(result).toBe(1);
    expect((await store.read()).accounts).toEqual([account('a1')]);
    expect((await (await open()).read()).accounts).toEqual([account('a1')]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: STORE_VERSION });
  });

  it('keeps the file and the last-good copy at mode 0600, even over a looser file', async () => {
    const { file, lastGood, open } = setup();
    writeFileSync(file, JSON.stringify(emptyStoreData()), { mode: 0o644 });
    const store = await open();
    await store.update((d) => void d.accounts.push(account('a1')));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(lastGood).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(lastGood, 'utf8'))).toEqual(await store.read());
  });

  it('passes conf options that never wipe a corrupt file', async () => {
    const seen: ConfFactoryOptions[] = [];
    const { dir, open } = setup({
      createConf: (o) => {
        seen.push(o);
        return new Conf<Record<string, unknown>>(o);
      },
    });
    await open();
    expect(seen).toEqual([
      {
        cwd: dir,
        configName: 'apexkeys',
        fileExtension: 'json',
        configFileMode: 0o600,
        clearInvalidConfig: false,
      },
    ]);
  });

  it('writes nothing when mutate throws', async () => {
    const { file, lastGood, store } = await seeded();
    const before = [readFileSync(file, 'utf8'), readFileSync(lastGood, 'utf8')];
    const boom = new Error('boom');
    const err = await rejection(
      store.update((d) => {
        d.accounts.push(account('a2'));
        throw boom;
      }),
    );
    expect(err).toBe(boom);
    expect([readFileSync(file, 'utf8'), readFileSync(lastGood, 'utf8')]).toEqual(before);
  });

  it('writes nothing when mutate leaves invalid data', async () => {
    const { file, store } = await seeded();
    const before = readFileSync(file, 'utf8');
    const err = await rejection(
      store.update((d) => {
        (d as { accounts: unknown }).accounts = 'not a list';
      }),
    );
    expect(isAppError(err, 'INTERNAL')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

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

describe('store: versions, errors and the lock', () => {
  const newer = JSON.stringify({ ...emptyStoreData(), version: STORE_VERSION + 1 });

  it('refuses a file from a newer version at open, without touching it', async () => {
    const { dir, file, open } = setup();
    writeFileSync(file, newer);
    const err = await rejection(open());
    expect(isAppError(err, 'STORE_IO')).toBe(true);
    expect((err as Error).message).toMatch(/newer version of the app.*Update the app/);
    expect(readFileSync(file, 'utf8')).toBe(newer);
    expect(corruptFiles(dir)).toEqual([]);
  });

  it('refuses to update over a file from a newer version', async () => {
    const { file, lastGood, store } = await seeded();
    writeFileSync(file, newer);
    const before = readFileSync(lastGood, 'utf8');
    const err = await rejection(store.update((d) => void d.accounts.push(account('a2'))));
    expect(isAppError(err, 'STORE_IO')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(newer);
    expect(readFileSync(lastGood, 'utf8')).toBe(before);
  });

  it('applies migrations in order before validating', () => {
    const old = { version: 0, accounts: [], keys: [], settings: emptyStoreData().settings };
    const parsed = interpretStoreData(old, 'f', { 0: (d) => ({ ...d, rotations: [] }) });
    expect(parsed).toEqual({ kind: 'ok', data: emptyStoreData() });
    expect(interpretStoreData(old, 'f', {})).toMatchObject({ kind: 'corrupt' });
  });

  it('reports a file-system failure as STORE_IO naming the path', async () => {
    const { file, open } = setup();
    mkdirSync(file);
    const err = await rejection(open());
    expect(isAppError(err, 'STORE_IO')).toBe(true);
    expect((err as Error).message).toContain(file);
    expect((err as Error).message).toContain('EISDIR');
  });

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
