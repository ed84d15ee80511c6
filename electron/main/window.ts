// The only place a BrowserWindow is made. Its settings are Electron's security checklist; the
// AST test in tests/unit/main/security/browser-window.test.ts fails if any of them is weakened.
import { BrowserWindow, nativeTheme, screen } from 'electron';
import { PRODUCT_NAME } from '../core/paths.ts';
import { APP_ENTRY_URL } from './app-origin.ts';
import type { WindowRegistry } from './window-registry.ts';
import { placeWindow, type WindowSize } from './window-state.ts';
import type { WindowStore } from './window-store.ts';

// Below the minimum the list and the details panel no longer fit side by side.
export const WINDOW_SIZE: WindowSize = { width: 1200, height: 800, minWidth: 1100, minHeight: 600 };

export interface MainWindowOptions {
  preload: string;
  registry: WindowRegistry;
  /** Developer tools only in an unpackaged build. */
  devTools: boolean;
  /** Where the window's bounds and maximized state are kept between runs. */
  store: Pick<WindowStore, 'readState' | 'saveState'>;
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const place = placeWindow(
    opts.store.readState(),
    screen.getAllDisplays(),
    screen.getPrimaryDisplay(),
    WINDOW_SIZE,
  );
  const win = new BrowserWindow({
    x: place.bounds.x,
    y: place.bounds.y,
    width: place.bounds.width,
    height: place.bounds.height,
    minWidth: WINDOW_SIZE.minWidth,
    minHeight: WINDOW_SIZE.minHeight,
    // Until the page loads; then the page's title (with its "N due" count) replaces it, since
    // nothing prevents page-title-updated.
    title: PRODUCT_NAME,
    show: false,
    // Matches the theme's page colour, so the window does not flash white in dark mode.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#ffffff',
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      // Linux and Windows spellcheckers download dictionaries and read what is typed; a key
      // manager's fields hold labels and pasted secrets, so no spellcheck.
      spellcheck: false,
      safeDialogs: true,
      // A middle-click would otherwise ask for a new window (denied anyway, see security.ts).
      disableBlinkFeatures: 'Auxclick',
      devTools: opts.devTools,
    },
  });
  opts.registry.add(win.webContents);
  win.once('ready-to-show', () => {
    if (place.maximized) win.maximize();
    win.show();
  });
  rememberPlace(win, opts.store);
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

/**
 * Saves the window's place when it changes and when it closes. The normal bounds, not the
 * maximized ones, so un-maximizing next time gives back the size the user chose. 'moved' and
 * 'resized' fire once at the end of a drag (macOS, Windows); Linux saves on maximize and close.
 */
function rememberPlace(win: BrowserWindow, store: Pick<WindowStore, 'saveState'>): void {
  const save = () => {
    if (win.isDestroyed()) return;
    const bounds = win.getNormalBounds();
    store.saveState({
      bounds,
      maximized: win.isMaximized(),
      displayId: screen.getDisplayMatching(bounds).id,
    });
  };
  win.on('moved', save);
  win.on('resized', save);
  win.on('maximize', save);
  win.on('unmaximize', save);
  win.on('close', save);
}
