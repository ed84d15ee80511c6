// A fake `electron` module for unit tests: no Electron binary runs here, and importing the real
// package's index.js would even try to download one. Each test file gets its own instance
// (vitest isolates modules per file) through
//   vi.mock('electron', async () => (await import('../helpers/fake-electron.ts')).electronFake);
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

/** Records listeners by event name, like an EventEmitter, and lets a test fire them. */
export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, fn: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  once(event: string, fn: Listener): this {
    return this.on(event, fn);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const fn of this.listeners.get(event) ?? []) fn(...args);
  }
}

/** Records every window made, its options, and what it loaded. */
class FakeBrowserWindow extends FakeEmitter {
  static readonly created: FakeBrowserWindow[] = [];
  private static nextId = 1;
  /** None focused unless a test says which. */
  static readonly getFocusedWindow = vi.fn((): FakeBrowserWindow | null => null);
  readonly webContents: FakeEmitter & { id: number };
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly isMinimized = vi.fn(() => false);
  readonly isDestroyed = vi.fn(() => false);
  readonly maximize = vi.fn();
  readonly isMaximized = vi.fn(() => false);
  readonly getNormalBounds = vi.fn(() => {
    const { x, y, width, height } = this.options as Record<string, number>;
    return { x, y, width, height };
  });
  constructor(readonly options: Record<string, unknown>) {
    super();
    this.webContents = Object.assign(new FakeEmitter(), { id: FakeBrowserWindow.nextId++ });
    FakeBrowserWindow.created.push(this);
  }
}

/** Records every notification shown; a test clicks one with emit('click'). */
class FakeNotification extends FakeEmitter {
  static readonly shown: FakeNotification[] = [];
  static readonly isSupported = vi.fn(() => true);
  readonly show = vi.fn(() => void FakeNotification.shown.push(this));
  constructor(readonly options: { title: string; body?: string }) {
    super();
  }
}

const DEFAULT_DISPLAY = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } };

function createFakeElectron() {
  const handled = new Map<string, Listener>();
  const handleCalls: string[] = [];
  const exposed: Array<{ key: string; api: unknown }> = [];
  const clipboardText = { value: '' };
  const displays: Array<{ id: number; workArea: Record<'x' | 'y' | 'width' | 'height', number> }> =
    [DEFAULT_DISPLAY];
  const selection = {
    // Linux PRIMARY: the app must never touch it, so every use fails the test loudly.
    readText: vi.fn(async () => {
      throw new Error('PRIMARY selection read');
    }),
    writeText: vi.fn(async () => {
      throw new Error('PRIMARY selection written');
    }),
    clear: vi.fn(() => {
      throw new Error('PRIMARY selection cleared');
    }),
  };
  return {
    ipcMain: {
      handle: vi.fn((channel: string, fn: Listener) => {
        handleCalls.push(channel);
        handled.set(channel, fn);
      }),
      removeHandler: vi.fn((channel: string) => void handled.delete(channel)),
      // electron-store listens for its renderer helper's data request (never used here).
      on: vi.fn(),
    },
    ipcRenderer: {
      invoke: vi.fn(async (_channel: string, _input?: unknown): Promise<unknown> => ({
        ok: true,
        value: null,
      })),
    },
    contextBridge: {
      exposeInMainWorld: vi.fn((key: string, api: unknown) => void exposed.push({ key, api })),
    },
    clipboard: {
      // Asynchronous, as Electron 45's clipboard is.
      writeText: vi.fn(async (t: string) => void (clipboardText.value = t)),
      readText: vi.fn(async () => clipboardText.value),
      clear: vi.fn(() => void (clipboardText.value = '')),
      selection,
    },
    powerMonitor: new FakeEmitter(),
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
    },
    app: Object.assign(new FakeEmitter(), {
      setAboutPanelOptions: vi.fn(),
      showAboutPanel: vi.fn(),
      getVersion: () => '0.0.0-test',
      getPath: vi.fn((_name: string) => ''),
      isPackaged: true,
      enableSandbox: vi.fn(),
      setName: vi.fn(),
      setPath: vi.fn(),
      requestSingleInstanceLock: vi.fn(() => true),
      whenReady: vi.fn(async () => undefined),
      isReady: vi.fn(() => true),
      quit: vi.fn(),
      exit: vi.fn(),
      setBadgeCount: vi.fn((_count?: number) => true),
    }),
    Notification: FakeNotification,
    session: { defaultSession: Object.assign(fakeSession(), { protocol: { handle: vi.fn() } }) },
    BrowserWindow: FakeBrowserWindow,
    shell: { openExternal: vi.fn(async () => undefined) },
    dialog: {
      showErrorBox: vi.fn(),
      // Cancelled unless a test answers otherwise (mockResolvedValueOnce).
      showOpenDialog: vi.fn(async (..._args: unknown[]) => ({
        canceled: true,
        filePaths: [] as string[],
      })),
      showSaveDialog: vi.fn(async (..._args: unknown[]) => ({
        canceled: true,
        filePath: '' as string,
      })),
    },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    nativeTheme: { shouldUseDarkColors: false },
    // One 1920x1080 display unless a test sets `state.displays` (work areas in DIP).
    screen: {
      getAllDisplays: vi.fn(() => displays),
      getPrimaryDisplay: vi.fn(() => displays[0] ?? DEFAULT_DISPLAY),
      getDisplayMatching: vi.fn(() => displays[0] ?? DEFAULT_DISPLAY),
    },
    // Test state, not part of Electron's API.
    state: { handled, handleCalls, exposed, clipboardText, displays },
  };
}

const fake = createFakeElectron();
// `import electron from 'electron'` (electron-store does) reads the default export.
export const electronFake = Object.assign(fake, { default: fake });
export type ElectronFake = typeof electronFake;

/** A webContents as security.ts sees it: events plus a window-open handler slot. */
export function fakeWebContents() {
  const contents = Object.assign(new FakeEmitter(), {
    id: 1,
    openHandler: null as null | ((details: { url: string }) => { action: string }),
    setWindowOpenHandler(fn: (details: { url: string }) => { action: string }) {
      contents.openHandler = fn;
    },
  });
  return contents;
}

/** Fires an event the way Electron does, with a preventable event object first. */
export function fire(target: FakeEmitter, name: string, ...args: unknown[]) {
  const event = { preventDefault: vi.fn(), defaultPrevented: false };
  event.preventDefault.mockImplementation(() => void (event.defaultPrevented = true));
  target.emit(name, event, ...args);
  return event;
}

/** A session as security.ts sees it: the permission handlers and the request filter. */
export function fakeSession() {
  const handlers: Record<string, unknown> = {};
  return {
    handlers,
    setPermissionRequestHandler: vi.fn((fn: unknown) => void (handlers.request = fn)),
    setPermissionCheckHandler: vi.fn((fn: unknown) => void (handlers.check = fn)),
    setDevicePermissionHandler: vi.fn((fn: unknown) => void (handlers.device = fn)),
    webRequest: {
      onBeforeRequest: vi.fn((fn: unknown) => void (handlers.beforeRequest = fn)),
    },
  };
}

/** Back to a just-loaded state: call records, listeners, windows and test state. */
export function resetElectronFake(e: ElectronFake = electronFake): void {
  vi.resetAllMocks(); // each vi.fn returns to the implementation it was made with
  for (const emitter of [e.app, e.powerMonitor]) emitter.listeners.clear();
  e.BrowserWindow.created.length = 0;
  e.Notification.shown.length = 0;
  e.state.handled.clear();
  e.state.handleCalls.length = 0;
  e.state.exposed.length = 0;
  e.state.clipboardText.value = '';
  e.state.displays.splice(0, Infinity, DEFAULT_DISPLAY);
}
