// The main process's wiring, run against a fake electron module: what must happen before
// `ready` happens synchronously (privileged scheme, sandbox for all, data folder, single-instance
// lock, hardening hooks), then the session is hardened, app:// served, every channel registered,
// the menu set and one hardened window loaded; a bad setting stops the start by name; a second
// instance quits; quitting waits for the clipboard check.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, channelName } from '../../../shared/ipc/contract.ts';
import { resetElectronFake, type ElectronFake } from '../../helpers/fake-electron.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

vi.mock('electron', async () => (await import('../../helpers/fake-electron.ts')).electronFake);

interface FakeWindow {
  options: { webPreferences: Record<string, unknown> };
  loadURL: ReturnType<typeof vi.fn>;
  webContents: { id: number };
}

let dataDir: string;

/** A fresh main process: fresh modules, a reset fake electron, then electron/main/index.ts. */
async function boot(setup: (e: ElectronFake) => void = () => undefined) {
  vi.resetModules();
  const e = (await import('electron')) as unknown as ElectronFake;
  resetElectronFake(e);
  setup(e);
  await import('../../../electron/main/index.ts');
  return e;
}

beforeEach(() => {
  dataDir = makeTempDir('electron-main');
  vi.stubEnv('APEXKEYS_DATA_DIR', dataDir);
  vi.stubEnv('APEXKEYS_SANDBOX', 'off');
  vi.stubEnv('APEXKEYS_KEYCHAIN_SERVICE', 'apexkeys-unit-never-used');
});

describe('main process', () => {
  it('does the before-ready work synchronously, in the right order', async () => {
    const order: string[] = [];
    const e = await boot((e) => {
      e.protocol.registerSchemesAsPrivileged.mockImplementation(() => order.push('scheme'));
      e.app.setPath.mockImplementation(() => order.push('userData'));
      e.app.requestSingleInstanceLock.mockImplementation(() => (order.push('lock'), true));
      e.app.whenReady.mockImplementation(() => (order.push('whenReady'), new Promise(() => {})));
    });
    expect(order).toEqual(['scheme', 'userData', 'lock', 'whenReady']);
    expect(e.app.enableSandbox).toHaveBeenCalled();
    expect(e.app.setPath).toHaveBeenCalledWith('userData', dataDir);
    expect(e.app.listeners.get('web-contents-created')?.length).toBe(1);
    expect(e.app.listeners.get('session-created')?.length).toBe(1);
    // No window before the IPC handlers exist, even if macOS asks for one.
    e.app.emit('activate');
    expect((e.BrowserWindow as unknown as { created: FakeWindow[] }).created).toEqual([]);
  });

  it('once ready: hardened session, app:// served, all channels, menu, one window', async () => {
    const e = await boot();
    const windows = (e.BrowserWindow as unknown as { created: FakeWindow[] }).created;
    await vi.waitFor(() => expect(windows.length).toBe(1), { timeout: 10_000 });

    const ses = e.session.defaultSession;
    expect(ses.setPermissionRequestHandler).toHaveBeenCalled();
    expect(ses.setPermissionCheckHandler).toHaveBeenCalled();
    expect(ses.webRequest.onBeforeRequest).toHaveBeenCalled();
    expect(ses.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect([...e.state.handleCalls].sort()).toEqual(CHANNELS.map(channelName).sort());
    expect(e.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);

    const [win] = windows;
    expect(win?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      devTools: false,
    });
    expect(String(win?.options.webPreferences.preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(win?.loadURL).toHaveBeenCalledWith('app://renderer/index.html');

    // A second launch shows the existing window instead of making another.
    e.app.emit('second-instance');
    expect(windows.length).toBe(1);
  });

  it('hardens every webContents as it is created', async () => {
    const e = await boot((e) => e.app.whenReady.mockReturnValue(new Promise(() => {})));
    const { fakeWebContents } = await import('../../helpers/fake-electron.ts');
    const contents = fakeWebContents();
    e.app.emit('web-contents-created', {}, contents);
    expect(contents.listeners.has('will-navigate')).toBe(true);
    expect(contents.listeners.has('will-attach-webview')).toBe(true);
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('stops through the startup error with a bad setting, naming the variable', async () => {
    vi.stubEnv('APEXKEYS_SANDBOX', 'maybe');
    let quiet: { mockRestore(): void } | undefined;
    try {
      // Spied after the fake's reset (which resets every mock, spies included).
      const e = await boot(() => {
        quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      });
      expect(e.dialog.showErrorBox).toHaveBeenCalledWith(
        expect.stringContaining('could not start'),
        expect.stringMatching(/^APEXKEYS_SANDBOX="maybe" is not allowed; use on or off/),
      );
      expect(e.app.exit).toHaveBeenCalledWith(1);
      // Nothing else was set up: no data folder, no lock, no waiting for ready.
      expect(e.app.setPath).not.toHaveBeenCalled();
      expect(e.app.requestSingleInstanceLock).not.toHaveBeenCalled();
      expect(e.app.whenReady).not.toHaveBeenCalled();
    } finally {
      quiet?.mockRestore();
    }
  });

  it('quits at once when another instance holds the lock', async () => {
    const e = await boot((e) => e.app.requestSingleInstanceLock.mockReturnValue(false));
    expect(e.app.quit).toHaveBeenCalled();
    expect(e.app.whenReady).not.toHaveBeenCalled();
  });

  it('holds the quit for the clipboard check, and leaves text the app did not write', async () => {
    const e = await boot();
    const windows = (e.BrowserWindow as unknown as { created: FakeWindow[] }).created;
    await vi.waitFor(() => expect(windows.length).toBe(1), { timeout: 10_000 });
    // Copying through the IPC handler would need a keychain (the guard's clear-if-unchanged is
    // tested in clipboard-guard.test.ts); here the clipboard holds text the app did not write.
    await e.clipboard.writeText('avk_test_copied');
    const quit = { preventDefault: vi.fn() };
    e.app.emit('will-quit', quit);
    expect(quit.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(e.app.quit).toHaveBeenCalled());
    // Not the app's value (the app copied nothing): left alone.
    expect(e.state.clipboardText.value).toBe('avk_test_copied');
    // The second will-quit (from that app.quit) goes through.
    const again = { preventDefault: vi.fn() };
    e.app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});
