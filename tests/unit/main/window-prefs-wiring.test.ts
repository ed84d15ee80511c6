// The window's preferences in Electron: the main process hands its electron-store window store
// to the handlers, so setWindowPrefs from the window lands in window-state.json and
// getWindowPrefs reads it back, also in the next start. Run against the fake electron module.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelName } from '../../../shared/ipc/contract.ts';
import { DEFAULT_PREFS } from '../../../shared/window-prefs.ts';
import { fakeEvent } from '../../helpers/fake-electron-events.ts';
import { resetElectronFake, type ElectronFake } from '../../helpers/fake-electron.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

vi.mock('electron', async () => (await import('../../helpers/fake-electron.ts')).electronFake);

type Invoke = (event: unknown, input: unknown) => Promise<{ ok: boolean; value?: unknown }>;

let dataDir: string;

/** A fresh main process up to its window; returns a caller as that window's main frame. */
async function start() {
  vi.resetModules();
  const e = (await import('electron')) as unknown as ElectronFake;
  resetElectronFake(e);
  await import('../../../electron/main/index.ts');
  const windows = (
    e.BrowserWindow as unknown as { created: Array<{ webContents: { id: number } }> }
  ).created;
  await vi.waitFor(() => expect(windows.length).toBe(1), { timeout: 10_000 });
  const event = fakeEvent({ contentsId: windows[0]?.webContents.id as number });
  return (channel: 'getWindowPrefs' | 'setWindowPrefs', input: unknown) =>
    (e.state.handled.get(channelName(channel)) as unknown as Invoke)(event, input);
}

beforeEach(() => {
  dataDir = makeTempDir('electron-prefs');
  vi.stubEnv('APEXKEYS_DATA_DIR', dataDir);
  vi.stubEnv('APEXKEYS_SANDBOX', 'off');
  vi.stubEnv('APEXKEYS_KEYCHAIN_SERVICE', 'apexkeys-unit-never-used');
});

describe('window preferences in Electron', () => {
  it('keeps them in the window store, and reads them back in the next start', async () => {
    let call = await start();
    expect(await call('getWindowPrefs', {})).toEqual({ ok: true, value: DEFAULT_PREFS });
    const change = { statusFilter: 'due', sort: { column: 'createdAt', direction: 'descending' } };
    expect(await call('setWindowPrefs', change)).toEqual({
      ok: true,
      value: { ...DEFAULT_PREFS, ...change },
    });
    const file = JSON.parse(readFileSync(join(dataDir, 'window-state.json'), 'utf8')) as {
      prefs: unknown;
    };
    expect(file.prefs).toEqual({ ...DEFAULT_PREFS, ...change });

    call = await start();
    expect(await call('getWindowPrefs', {})).toEqual({
      ok: true,
      value: { ...DEFAULT_PREFS, ...change },
    });
  });

  it('refuses the free-text query, saving nothing', async () => {
    const call = await start();
    expect(await call('setWindowPrefs', { query: 'avk_pasted' })).toMatchObject({ ok: false });
    expect(await call('getWindowPrefs', {})).toEqual({ ok: true, value: DEFAULT_PREFS });
  });
});
