// The Electron main process: one instance per data folder, the hardened window, the renderer on
// app://, the contract's handlers over IPC, and the built-in sandbox account. An ESM entry must
// not await before `ready` (electron/electron#41369), so everything that has to precede it runs
// synchronously here and the rest waits in start().
import { app, dialog, session, shell, type BrowserWindow } from 'electron';
import { fileURLToPath } from 'node:url';
import { toErrorInfo } from '../../shared/errors.ts';
import { PRODUCT_NAME } from '../core/paths.ts';
import {
  createReminderHandlers,
  createReminderMailbox,
} from '../core/window-api/reminder-handlers.ts';
import { composeHost } from '../hosts/compose.ts';
import { parseHostConfig, type HostConfig } from '../hosts/config.ts';
import { createAppClipboard } from './clipboard.ts';
import { createFileDialogs } from './dialogs.ts';
import { registerIpc } from './ipc.ts';
import {
  coreReminderReader,
  createReminders,
  electronReminderOs,
  reminderDayFile,
} from './reminders.ts';
import { DOCS_URL, installMenu, pressShortcut } from './menu.ts';
import { registerAppScheme, serveApp } from './protocol.ts';
import { createOpenExternal, hardenContents, hardenSession } from './security.ts';
import { createMainWindow } from './window.ts';
import { openWindowStore, type WindowStore } from './window-store.ts';
import { createWindowRegistry } from './window-registry.ts';

// Bundled to out/main/index.js; the renderer and the preload are built beside it.
const RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url));
const PRELOAD = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

const devTools = !app.isPackaged;
const registry = createWindowRegistry();
const openExternal = createOpenExternal((url) => shell.openExternal(url));
const onQuit: Array<() => unknown> = [];
let quitting = false;
// Set once IPC is registered: a window made earlier (an early 'activate') would find no handlers.
let started = false;
let mainWindow: BrowserWindow | null = null;
let windowStore: WindowStore | null = null;

// Parsed once, synchronously; a bad APEXKEYS_* value stops the start through fail(), by name.
const config = readConfig();
if (config) boot(config);

function readConfig(): HostConfig | null {
  try {
    return parseHostConfig(process.env);
  } catch (e) {
    fail(e);
    return null;
  }
}

/** Everything that must precede `ready`, synchronously (see the comment at the top). */
function boot(config: HostConfig): void {
  registerAppScheme();
  app.enableSandbox();
  app.setName(PRODUCT_NAME);
  // The core's store and Chromium's profile share the folder the CLI also uses, and the single
  // instance lock is per userData folder, so a throwaway data dir gives a throwaway instance.
  app.setPath('userData', config.dataDir);
  app.on('session-created', (s) => hardenSession(s));
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, openExternal));

  if (!app.requestSingleInstanceLock()) {
    // Another instance owns this data folder; it is told through 'second-instance' and shows itself.
    app.quit();
  } else {
    app.on('second-instance', () => showMainWindow());
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit();
    });
    app.on('activate', () => showMainWindow());
    app.on('will-quit', (event) => {
      if (quitting) return;
      // The clipboard is asynchronous: hold the quit until it is cleared (or 2 s have passed).
      event.preventDefault();
      quitting = true;
      void settle(onQuit.splice(0).map(async (fn) => fn())).then(() => app.quit());
    });
    app
      .whenReady()
      .then(() => start(config), fail)
      .catch(fail);
  }
}

function showMainWindow(): void {
  if (!started || !windowStore) return;
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow({ preload: PRELOAD, registry, devTools, store: windowStore });
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(config: HostConfig): Promise<void> {
  hardenSession(session.defaultSession);
  serveApp(session.defaultSession, RENDERER_DIR);
  // The window's place and preferences, beside the core's store in the user-data folder.
  const store = openWindowStore(config.dataDir, (notice) => console.warn(notice));
  windowStore = store;
  const host = await composeHost({
    transport: 'electron',
    clipboard: createAppClipboard(),
    openExternal,
    config,
    windowPrefs: { get: () => store.getWindowPrefs(), set: (c) => store.setWindowPrefs(c) },
    dialogs: createFileDialogs(),
  });
  // The clipboard is cleared on quit (only while it still holds what the app wrote), and the
  // built-in sandbox stopped.
  onQuit.push(() => host.close());
  for (const notice of host.notices) console.log(notice);
  // Reminders: the badge and the daily notification; a clicked one waits in the mailbox until
  // the window, focused by the click, asks for it.
  const mailbox = createReminderMailbox();
  registerIpc({ ...host.handlers, ...createReminderHandlers(mailbox) }, registry.owns);
  const reminders = createReminders({
    read: coreReminderReader(host.deps),
    now: () => host.deps.clock.now().getTime(),
    os: electronReminderOs(process.platform),
    lastDay: reminderDayFile(config.dataDir),
    mailbox,
    showWindow: () => showMainWindow(),
  });
  onQuit.push(reminders.start());
  app.on('browser-window-focus', () => void reminders.check());
  installMenu(
    process.platform,
    {
      press: (key) => {
        if (mainWindow && !mainWindow.isDestroyed())
          pressShortcut(mainWindow.webContents, key, process.platform);
      },
      openDocs: () => void openExternal(DOCS_URL),
      about: () => app.showAboutPanel(),
    },
    devTools,
  );
  started = true;
  showMainWindow();
}

async function settle(tasks: Array<Promise<unknown>>): Promise<void> {
  const limit = new Promise((resolve) => setTimeout(resolve, 2000).unref());
  await Promise.race([Promise.allSettled(tasks), limit]);
}

function fail(e: unknown): void {
  const { message } = toErrorInfo(e);
  console.error('Startup failed:', e);
  dialog.showErrorBox(`${PRODUCT_NAME} could not start`, message);
  app.exit(1);
}
