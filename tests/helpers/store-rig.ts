// A store in a fresh temp folder, for the store's unit tests: its file paths, a fixed clock (so
// moved-aside names are predictable) and a few small checks they share.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Account } from '../../shared/schemas.ts';
import {
  CORRUPT_FILE_PREFIX,
  LAST_GOOD_FILE,
  STORE_FILE,
  openStore,
} from '../../electron/core/store/index.ts';
import type { OpenStoreOptions } from '../../electron/core/store/index.ts';
import { sampleAccount } from './records.ts';
import { makeTempDir } from './tmp.ts';

export const fixedClock = { now: () => new Date('2025-03-04T05:06:07.089Z') };

export const account = (id: string): Account => sampleAccount(id);

export function setup(opts: Partial<OpenStoreOptions> = {}) {
  const dir = makeTempDir('store');
  const file = join(dir, STORE_FILE);
  const lastGood = join(dir, LAST_GOOD_FILE);
  const open = () => openStore({ dir, clock: fixedClock, ...opts });
  return { dir, file, lastGood, open };
}

/** A store with one account written, so a last-good copy exists. */
export async function seeded() {
  const s = setup();
  const store = await s.open();
  await store.update((d) => void d.accounts.push(account('a1')));
  return { ...s, store };
}

export const corruptFiles = (dir: string) =>
  readdirSync(dir).filter((n) => n.startsWith(CORRUPT_FILE_PREFIX));

export async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}
