// The window's own preferences (the list's account, environment and status filter and its sort)
// for a host without electron-store (the preview): a small JSON file in the data folder, written
// atomically. The file is the user's to edit or to break, so it is parsed field by field: a field
// that does not parse falls back to its default, and the rest is kept. Never a secret, never the
// free-text filter (the change schema has no field for it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import {
  DEFAULT_PREFS,
  parseWindowPrefs,
  windowPrefsChangeSchema,
  type WindowPrefs,
} from '../../shared/window-prefs.ts';
import { writeFileAtomic } from './fs/atomic-write.ts';

export const WINDOW_PREFS_FILE = 'window-prefs.json';

export type WindowPrefsChange = Partial<WindowPrefs>;

/** What the handlers need; Electron's window store and this file store both give it. */
export interface WindowPrefsStore {
  get(): WindowPrefs;
  /** Merges `change` into the kept preferences; a change outside the schema throws, unsaved. */
  set(change: WindowPrefsChange): WindowPrefs;
}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Preferences in `dataDir`/window-prefs.json (mode 0600); a missing or broken file reads as defaults. */
export function openWindowPrefsFile(dataDir: string): WindowPrefsStore {
  const file = join(dataDir, WINDOW_PREFS_FILE);
  const read = (): WindowPrefs => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      // Not written yet (or unreadable): the first-run view, as in a fresh window.
      return structuredClone(DEFAULT_PREFS);
    }
    try {
      return parseWindowPrefs(JSON.parse(text));
    } catch {
      return structuredClone(DEFAULT_PREFS);
    }
  };
  return {
    get: read,
    set(change) {
      const parsed = windowPrefsChangeSchema.safeParse(change);
      if (!parsed.success)
        throw new AppError(
          'BAD_INPUT',
          "The window's preferences were not saved: only the account, environment and status filter and the sort can be kept.",
        );
      const next: WindowPrefs = { ...read(), ...parsed.data };
      try {
        writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
      } catch (e) {
        throw new AppError(
          'STORE_IO',
          `The window's preferences could not be saved in ${file} (${reason(e)}). Check that the folder is writable.`,
        );
      }
      return next;
    },
  };
}
