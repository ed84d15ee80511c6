import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../../shared/errors.ts';
import { STORE_VERSION, emptyStoreData } from '../../../../shared/schemas.ts';
import { STORE_FILE, openStore } from '../../../../electron/core/store/index.ts';
import { account, corruptFiles, rejection, seeded, setup } from '../../../helpers/store-rig.ts';

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

  // Was "passes conf options that never wipe a corrupt file": conf is gone (the store writes
  // through the one atomic writer), so what stays to pin is that opening writes nothing and the
  // file keeps the tab-indented JSON conf wrote, so stores written before read the same.
  it('writes nothing on open, and the same tab-indented JSON conf wrote', async () => {
    const { file, lastGood, open } = setup();
    const store = await open();
    expect(() => statSync(file)).toThrow();
    await store.update((d) => void d.accounts.push(account('a1')));
    const data = await store.read();
    expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(data, undefined, '\t'));
    expect(readFileSync(lastGood, 'utf8')).toBe(readFileSync(file, 'utf8'));
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

describe('store: versions and errors', () => {
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

  it('reports a file-system failure as STORE_IO naming the path', async () => {
    const { file, open } = setup();
    mkdirSync(file);
    const err = await rejection(open());
    expect(isAppError(err, 'STORE_IO')).toBe(true);
    expect((err as Error).message).toContain(file);
    expect((err as Error).message).toContain('EISDIR');
  });
});
