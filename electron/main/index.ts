// The Electron main process: one instance per data folder, the hardened window, the renderer on
// app://, the contract's handlers over IPC, and the built-in sandbox account. An ESM entry must
// not await before `ready` (electron/electron#41369), so everything that has to precede it runs
// synchronously here and the rest waits in start().
import { app, dialog, session, shell, type BrowserWindow } from 'electron';
import { fileURLToPath } from 'node:url';
import { toErrorInfo } from '../../shared/errors.ts';
import { createHandlers } from '../core/window-api/handlers.ts';
import { defaultDataDir, PRODUCT_NAME } from '../core/paths.ts';
import { wireCore } from '../core/wire.ts';
import { startBuiltInSandbox } from '../sandbox/bootstrap.ts';
import { createAppClipboard } from './clipboard.ts';
import { registerIpc } from './ipc.ts';
import { DOCS_URL, installMenu, pressShortcut } from './menu.ts';
import { registerAppScheme, serveApp } from './protocol.ts';
import { createOpenExternal, hardenContents, hardenSession } from './security.ts';
import { createMainWindow } from './window.ts';
import { createWindowRegistry } from './window-registry.ts';

// Bundled to out/main/index.js; the renderer and the preload are built beside it.
const RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url));
const PRELOAD = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

const env = process.env;
const dataDir = env.APEXKEYS_DATA_DIR || defaultDataDir();
const devTools = !app.isPackaged;
const registry = createWindowRegistry();
const openExternal = createOpenExternal((url) => shell.openExternal(url));
const onQuit: Array<() => unknown> = [];
let quitting = false;
// Set once IPC is registered: a window made earlier (an early 'activate') would find no handlers.
let started = false;
let mainWindow: BrowserWindow | null = null;

registerAppScheme();
app.enableSandbox();
app.setName(PRODUCT_NAME);
// The core's store and Chromium's profile share the folder the CLI also uses, and the single
// instance lock is per userData folder, so a throwaway data dir gives a throwaway instance.
app.setPath('userData', dataDir);
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
  app.whenReady().then(start, fail).catch(fail);
}

function showMainWindow(): void {
  if (!started) return;
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow({ preload: PRELOAD, registry, devTools });
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  serveApp(session.defaultSession, RENDERER_DIR);
  const deps = await wireCore({ dataDir, actor: 'app' });
  await addBuiltInSandbox(deps);
  const clipboard = createAppClipboard();
  // Clear on quit, but only while the clipboard still holds what the app wrote.
  onQuit.push(() => clipboard.clearIfUnchanged());
  const handlers = createHandlers({
    deps,
    clipboard,
    openExternal,
    transport: 'electron',
    platform: process.platform,
  });
  registerIpc(handlers, registry.owns);
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

/** The built-in sandbox on 127.0.0.1; the app still starts (and says why) when it cannot. */
async function addBuiltInSandbox(deps: Awaited<ReturnType<typeof wireCore>>): Promise<void> {
  if (env.APEXKEYS_SANDBOX === 'off') return;
  const { sandbox, message } = await startBuiltInSandbox(deps, dataDir);
  if (sandbox) onQuit.push(() => sandbox.close());
  console.log(message);
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
