// The preview host's window preferences in a file: defaults when there is none, a change merged
// and kept (mode 0600), a broken field falling back on its own, a bad change refused unsaved.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFS } from '../../../shared/window-prefs.ts';
import {
  openWindowPrefsFile,
  WINDOW_PREFS_FILE,
} from '../../../electron/core/window-prefs-file.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

describe('window preferences file', () => {
  it('reads the defaults when nothing was kept', () => {
    expect(openWindowPrefsFile(makeTempDir('prefs-none')).get()).toEqual(DEFAULT_PREFS);
  });

  it('merges a change and keeps it for the next open, readable by the owner only', () => {
    const dir = makeTempDir('prefs-keep');
    const prefs = openWindowPrefsFile(dir);
    prefs.set({ statusFilter: 'due' });
    const next = prefs.set({ sort: { column: 'lastUsedAt', direction: 'descending' } });
    expect(next).toEqual({
      ...DEFAULT_PREFS,
      statusFilter: 'due',
      sort: { column: 'lastUsedAt', direction: 'descending' },
    });
    expect(openWindowPrefsFile(dir).get()).toEqual(next);
    expect(statSync(join(dir, WINDOW_PREFS_FILE)).mode & 0o777).toBe(0o600);
  });

  it('keeps the fields that parse and defaults the ones that do not', () => {
    const dir = makeTempDir('prefs-broken');
    writeFileSync(
      join(dir, WINDOW_PREFS_FILE),
      JSON.stringify({ environmentFilter: 'staging', statusFilter: 'gone', sort: 7, query: 'x' }),
    );
    expect(openWindowPrefsFile(dir).get()).toEqual({
      ...DEFAULT_PREFS,
      environmentFilter: 'staging',
    });
    writeFileSync(join(dir, WINDOW_PREFS_FILE), '{ not json');
    expect(openWindowPrefsFile(dir).get()).toEqual(DEFAULT_PREFS);
  });

  it('refuses a change outside the schema and saves nothing', () => {
    const dir = makeTempDir('prefs-bad');
    const prefs = openWindowPrefsFile(dir);
    prefs.set({ statusFilter: 'all' });
    const before = readFileSync(join(dir, WINDOW_PREFS_FILE), 'utf8');
    expect(() => prefs.set({ query: 'avk_pasted' } as never)).toThrow(/not saved/);
    expect(() => prefs.set({ statusFilter: 'nope' } as never)).toThrow(/not saved/);
    expect(readFileSync(join(dir, WINDOW_PREFS_FILE), 'utf8')).toBe(before);
  });

  it('says where it could not write, as a store error', () => {
    // A file where the folder should be: fails for root too, unlike a read-only mode.
    const notDir = join(makeTempDir('prefs-nodir'), 'plain-file');
    writeFileSync(notDir, '');
    let error: unknown;
    try {
      openWindowPrefsFile(notDir).set({ statusFilter: 'all' });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: 'STORE_IO',
      message: expect.stringMatching(/could not be saved in .*window-prefs\.json/),
    });
  });
});
