// The window's own state (bounds, maximized, display) and preferences (the list's filter and
// sort) in electron-store, in the user-data folder as window-state.json (mode 0600). Main only:
// electron-store registers an ipcMain listener when constructed, and initRenderer() is never
// called (SECURITY.md). Keys and secrets live in the keychain and the core's store, never here.
// A corrupt file is moved aside (never deleted) and the window starts from defaults; a write
// that fails is reported and never stops the app: losing a window position is not worth a crash.
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import ElectronStore from 'electron-store';
import {
  DEFAULT_PREFS,
  parseWindowPrefs,
  parseWindowState,
  windowPrefsChangeSchema,
  windowStateSchema,
  type WindowPrefs,
  type WindowState,
} from './window-state.ts';

export const WINDOW_STORE_NAME = 'window-state';

interface Shape {
  window?: unknown;
  prefs?: unknown;
}

export interface WindowStore {
  readState(): WindowState | null;
  saveState(state: WindowState): void;
  getWindowPrefs(): WindowPrefs;
  /** Merges `change` into the saved preferences; a value outside the schema throws, unsaved. */
  setWindowPrefs(change: Partial<WindowPrefs>): WindowPrefs;
}

type Report = (message: string) => void;

function open(dir: string): ElectronStore<Shape> {
  // 0600: the file sits in the user's profile, but other users have no business reading it.
  return new ElectronStore<Shape>({
    cwd: dir,
    name: WINDOW_STORE_NAME,
    configFileMode: 0o600,
    clearInvalidConfig: false,
  });
}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A store that keeps nothing, when the folder cannot hold one: the window still opens. */
function inMemory(): ElectronStore<Shape> {
  const data: Shape = {};
  return {
    get: (key: keyof Shape) => data[key],
    set: (key: keyof Shape, value: unknown) => void (data[key] = value),
  } as unknown as ElectronStore<Shape>; // only get and set are used below
}

/** Opens (or creates) window-state.json in `dir`; what went wrong on the way goes to `report`. */
export function openWindowStore(dir: string, report: Report, now = () => new Date()): WindowStore {
  const file = join(dir, `${WINDOW_STORE_NAME}.json`);
  let store: ElectronStore<Shape>;
  try {
    store = open(dir);
  } catch (first) {
    // conf throws on a file it cannot parse; clearInvalidConfig would wipe it silently instead.
    const aside = `${file}.corrupt-${now().toISOString().replaceAll(':', '-')}`;
    try {
      renameSync(file, aside);
      store = open(dir);
      report(
        `The window's saved position could not be read (${reason(first)}); it was moved to ${aside} and the window starts at its default size.`,
      );
    } catch (second) {
      store = inMemory();
      report(
        `The window's position and preferences cannot be kept in ${file} (${reason(second)}); they last until the app quits.`,
      );
    }
  }
  return {
    readState: () => parseWindowState(store.get('window')),
    // Called from window events: a failed write is reported, never thrown into Electron.
    saveState(state) {
      try {
        store.set('window', windowStateSchema.parse(state));
      } catch (e) {
        report(`The window's position could not be saved in ${file}: ${reason(e)}`);
      }
    },
    getWindowPrefs: () => parseWindowPrefs(store.get('prefs') ?? DEFAULT_PREFS),
    // Asked for by a caller that answers someone, so a failed write throws: it never answers
    // "saved" for preferences that were not.
    setWindowPrefs(change) {
      // The change is parsed strictly (nothing but preferences, never the free-text filter).
      const next = {
        ...parseWindowPrefs(store.get('prefs')),
        ...windowPrefsChangeSchema.parse(change),
      };
      try {
        store.set('prefs', next);
      } catch (e) {
        throw new Error(`The window's preferences could not be saved in ${file}: ${reason(e)}`, {
          cause: e,
        });
      }
      return next;
    },
  };
}
