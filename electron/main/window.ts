// The only place a BrowserWindow is made. Its settings are Electron's security checklist; the
// AST test in tests/unit/main/security/browser-window.test.ts fails if any of them is weakened.
import { BrowserWindow, nativeTheme } from 'electron';
import { PRODUCT_NAME } from '../core/paths.ts';
import { APP_ENTRY_URL } from './app-origin.ts';
import type { WindowRegistry } from './window-registry.ts';

export interface MainWindowOptions {
  preload: string;
  registry: WindowRegistry;
  /** Developer tools only in an unpackaged build. */
  devTools: boolean;
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1200,
    height: 800,
    // Below this the list and the details panel no longer fit side by side.
    minWidth: 1100,
    minHeight: 600,
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
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
