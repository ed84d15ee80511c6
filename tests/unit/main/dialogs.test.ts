// The native choosers in Electron: folders (one or several), a file to open, a file to save, each
// attached to the focused window; a cancelled dialog gives no paths; and the main process hands
// them to the handlers, so chooseFiles answers supported: true. Run against the fake electron.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelName } from '../../../shared/ipc/contract.ts';
import { createFileDialogs } from '../../../electron/main/dialogs.ts';
import { fakeEvent } from '../../helpers/fake-electron-events.ts';
import { electronFake, resetElectronFake, type ElectronFake } from '../../helpers/fake-electron.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

vi.mock('electron', async () => (await import('../../helpers/fake-electron.ts')).electronFake);

const { dialog, BrowserWindow } = electronFake;
const focusedWindow = new BrowserWindow({});
const focus = (win: unknown) =>
  BrowserWindow.getFocusedWindow.mockReturnValue(win as InstanceType<typeof BrowserWindow>);

beforeEach(() => resetElectronFake());

describe('the file dialogs', () => {
  it('chooses several folders in the focused window', async () => {
    focus(focusedWindow);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/a', '/b'] });
    const paths = await createFileDialogs().choose({
      kind: 'folder',
      title: 'Folders to search',
      multiple: true,
    });
    expect(paths).toEqual(['/a', '/b']);
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(focusedWindow, {
      title: 'Folders to search',
      properties: ['openDirectory', 'multiSelections'],
    });
  });

  it('opens one file, with no window focused; a cancelled dialog gives nothing', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: ['/ignored'] });
    expect(await createFileDialogs().choose({ kind: 'open', title: 'Open a file' })).toEqual([]);
    expect(dialog.showOpenDialog).toHaveBeenCalledWith({
      title: 'Open a file',
      properties: ['openFile'],
    });
  });

  it('saves under the offered name, or gives nothing when cancelled', async () => {
    const dialogs = createFileDialogs(() => focusedWindow as never);
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/u/keys.age' });
    const request = { kind: 'save', title: 'Save the backup', defaultName: 'keys.age' } as const;
    expect(await dialogs.choose(request)).toEqual(['/home/u/keys.age']);
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(focusedWindow, {
      title: 'Save the backup',
      defaultPath: 'keys.age',
    });
    expect(await dialogs.choose(request)).toEqual([]);
  });
});

describe('chooseFiles in the Electron main process', () => {
  it('is supported, and answers with the chosen folders', async () => {
    vi.stubEnv('APEXKEYS_DATA_DIR', makeTempDir('electron-dialogs'));
    vi.stubEnv('APEXKEYS_SANDBOX', 'off');
    vi.stubEnv('APEXKEYS_KEYCHAIN_SERVICE', 'apexkeys-unit-never-used');
    vi.resetModules();
    const e = (await import('electron')) as unknown as ElectronFake;
    resetElectronFake(e);
    await import('../../../electron/main/index.ts');
    await vi.waitFor(() => expect(e.BrowserWindow.created).toHaveLength(1), { timeout: 10_000 });
    const sender = fakeEvent({ contentsId: e.BrowserWindow.created[0]?.webContents.id as number });
    const handler = e.state.handled.get(channelName('chooseFiles')) as (
      event: unknown,
      input: unknown,
    ) => Promise<unknown>;
    e.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/srv/app'] });
    expect(await handler(sender, { kind: 'folder', title: 'Folders to search' })).toEqual({
      ok: true,
      value: { supported: true, paths: ['/srv/app'] },
    });
  });
});
