// The window's state in electron-store (against the fake electron): window-state.json in the
// folder given, mode 0600, read back through the schemas; preferences outside the schema are
// refused unsaved; a corrupt file is moved aside, reported, and the window starts from defaults.
// And the window itself: opened where the store says, its place saved when it closes.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetElectronFake, type ElectronFake } from '../../helpers/fake-electron.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

vi.mock('electron', async () => (await import('../../helpers/fake-electron.ts')).electronFake);

const { openWindowStore } = await import('../../../electron/main/window-store.ts');
const { createMainWindow } = await import('../../../electron/main/window.ts');
const { DEFAULT_PREFS } = await import('../../../electron/main/window-state.ts');
const electron = (await import('electron')) as unknown as ElectronFake;

const saved = {
  bounds: { x: 100, y: 120, width: 1300, height: 900 },
  maximized: true,
  displayId: 1,
};
let dir = '';
beforeEach(() => {
  resetElectronFake(electron);
  dir = makeTempDir('window-store');
});
const file = () => join(dir, 'window-state.json');

describe('the window store', () => {
  it('keeps the state in window-state.json, mode 0600, and reads it back', () => {
    const reports: string[] = [];
    openWindowStore(dir, (m) => reports.push(m)).saveState(saved);
    expect(statSync(file()).mode & 0o777).toBe(0o600);
    expect(openWindowStore(dir, (m) => reports.push(m)).readState()).toEqual(saved);
    expect(reports).toEqual([]);
  });

  it('keeps the preferences, and refuses a value outside the schema without saving it', () => {
    const store = openWindowStore(dir, () => undefined);
    expect(store.getWindowPrefs()).toEqual(DEFAULT_PREFS);
    const set = store.setWindowPrefs({ statusFilter: 'due' });
    expect(set).toEqual({ ...DEFAULT_PREFS, statusFilter: 'due' });
    // @ts-expect-error the free-text filter is not a preference: a pasted key could be in it
    expect(() => store.setWindowPrefs({ query: 'av_live_secret' })).toThrow();
    expect(readFileSync(file(), 'utf8')).not.toContain('av_live_secret');
    expect(openWindowStore(dir, () => undefined).getWindowPrefs()).toEqual(set);
  });

  it('moves a corrupt file aside, says so, and starts from defaults', () => {
    writeFileSync(file(), '{"window": {', { mode: 0o600 });
    const reports: string[] = [];
    const now = () => new Date('2026-12-01T10:00:00Z');
    const store = openWindowStore(dir, (m) => reports.push(m), now);
    expect(store.readState()).toBeNull();
    const aside = 'window-state.json.corrupt-2026-12-01T10-00-00.000Z';
    expect(readdirSync(dir)).toContain(aside);
    expect(readFileSync(join(dir, aside), 'utf8')).toBe('{"window": {');
    expect(reports).toEqual([expect.stringContaining(`moved to ${join(dir, aside)}`)]);
    store.saveState(saved);
    expect(openWindowStore(dir, () => undefined).readState()).toEqual(saved);
  });

  it('ignores a saved state edited into something else', () => {
    writeFileSync(file(), JSON.stringify({ window: { bounds: 'left' } }));
    expect(openWindowStore(dir, () => undefined).readState()).toBeNull();
  });
});

describe('the main window', () => {
  interface Win {
    options: Record<string, unknown>;
    emit(event: string): void;
    maximize: ReturnType<typeof vi.fn>;
    isMaximized: ReturnType<typeof vi.fn>;
  }
  const windows = () => (electron.BrowserWindow as unknown as { created: Win[] }).created;
  const open = (store = openWindowStore(dir, () => undefined)) => {
    const registry = { add: vi.fn(), owns: vi.fn() };
    createMainWindow({ preload: '/p.cjs', registry, devTools: false, store });
    return windows().at(-1) as Win;
  };

  it('opens where it was last closed, maximized again, and saves its place on close', () => {
    openWindowStore(dir, () => undefined).saveState(saved);
    const win = open();
    expect(win.options).toMatchObject({ x: 100, y: 120, width: 1300, height: 900 });
    win.emit('ready-to-show');
    expect(win.maximize).toHaveBeenCalled();

    win.isMaximized.mockReturnValue(false);
    win.emit('close');
    expect(openWindowStore(dir, () => undefined).readState()).toEqual({
      ...saved,
      maximized: false,
    });
  });

  it('comes back on the primary display when its display is gone', () => {
    openWindowStore(dir, () => undefined).saveState({
      ...saved,
      bounds: { ...saved.bounds, x: 4000 },
      displayId: 7,
    });
    const win = open();
    expect(win.options).toMatchObject({ x: 310, y: 90, width: 1300, height: 900 });
    expect(existsSync(file())).toBe(true);
  });
});
