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

function createFakeElectron() {
  const handled = new Map<string, Listener>();
  const handleCalls: string[] = [];
  const exposed: Array<{ key: string; api: unknown }> = [];
  const clipboardText = { value: '' };
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
    app: {
      setAboutPanelOptions: vi.fn(),
      showAboutPanel: vi.fn(),
      getVersion: () => '0.0.0-test',
    },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    nativeTheme: { shouldUseDarkColors: false },
    // Test state, not part of Electron's API.
    state: { handled, handleCalls, exposed, clipboardText },
  };
}

export const electronFake = createFakeElectron();
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
