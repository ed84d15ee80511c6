// The File menu's Back Up…, Restore… and Export Inventory…: shown with their shortcuts but left to
// the page (which handles Ctrl/Cmd+B, +O and +E as keydown), replayed into it on a mouse click as
// that keystroke; and the save and open dialogs offer the file types asked for, then any file.
// Run against the fake electron.
import type { KeyboardEvent, MenuItemConstructorOptions, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFileDialogs } from '../../../electron/main/dialogs.ts';
import { menuTemplate, pressShortcut, type MenuActions } from '../../../electron/main/menu.ts';
import { electronFake, resetElectronFake } from '../../helpers/fake-electron.ts';

vi.mock('electron', async () => (await import('../../helpers/fake-electron.ts')).electronFake);

beforeEach(() => resetElectronFake());

const fileMenu = (platform: NodeJS.Platform, press: MenuActions['press']) => {
  const template = menuTemplate(
    platform,
    { press, openDocs: vi.fn(), about: vi.fn() },
    {
      devTools: false,
    },
  );
  const file = template.find((m) => m.label === 'File');
  return (file?.submenu ?? []) as MenuItemConstructorOptions[];
};

const click = (item: MenuItemConstructorOptions | undefined, byAccelerator: boolean) =>
  item?.click?.({} as never, undefined, { triggeredByAccelerator: byAccelerator } as KeyboardEvent);

describe.each(['linux', 'win32', 'darwin'] as const)('the File menu on %s', (platform) => {
  it('lists New Key…, then Back Up…, Restore… and Export Inventory…', () => {
    const labels = fileMenu(platform, vi.fn())
      .map((i) => i.label)
      .filter(Boolean);
    expect(labels).toEqual(['New Key…', 'Back Up…', 'Restore…', 'Export Inventory…']);
  });

  it.each([
    ['Back Up…', 'CmdOrCtrl+B', 'b'],
    ['Restore…', 'CmdOrCtrl+O', 'o'],
    ['Export Inventory…', 'CmdOrCtrl+E', 'e'],
  ])(
    '%s shows %s, leaves the keystroke to the page, and replays it on a click',
    (label, acc, key) => {
      const press = vi.fn<MenuActions['press']>();
      const item = fileMenu(platform, press).find((i) => i.label === label);
      expect(item?.accelerator).toBe(acc);
      expect(item?.registerAccelerator).toBe(false);
      click(item, true);
      expect(press).not.toHaveBeenCalled();
      click(item, false);
      expect(press).toHaveBeenCalledExactlyOnceWith(key);
    },
  );
});

describe('the replayed keystrokes and the file types', () => {
  it.each(['b', 'o', 'e'] as const)('replays %s as Ctrl + the key, down then up', (key) => {
    const sendInputEvent = vi.fn();
    pressShortcut({ sendInputEvent } as unknown as WebContents, key, 'linux');
    expect(sendInputEvent.mock.calls).toEqual([
      [{ type: 'keyDown', keyCode: key, modifiers: ['control'] }],
      [{ type: 'keyUp', keyCode: key, modifiers: ['control'] }],
    ]);
  });

  it('offers the backup’s name and type in the save dialog, then any file', async () => {
    const { dialog } = electronFake;
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/u/b.age' });
    const filter = { name: 'age-encrypted backups', extensions: ['age'] };
    const paths = await createFileDialogs(() => null).choose({
      kind: 'save',
      title: 'Back up',
      defaultName: 'apexkeys-backup-2026-12-02.age',
      filter,
    });
    expect(paths).toEqual(['/home/u/b.age']);
    expect(dialog.showSaveDialog).toHaveBeenCalledWith({
      title: 'Back up',
      defaultPath: 'apexkeys-backup-2026-12-02.age',
      filters: [filter, { name: 'All files', extensions: ['*'] }],
    });
  });

  it('offers the type in the open dialog too, but never for folders', async () => {
    const { dialog } = electronFake;
    const filter = { name: 'age-encrypted backups', extensions: ['age'] };
    await createFileDialogs(() => null).choose({ kind: 'open', title: 'Restore', filter });
    expect(dialog.showOpenDialog).toHaveBeenLastCalledWith({
      title: 'Restore',
      properties: ['openFile'],
      filters: [filter, { name: 'All files', extensions: ['*'] }],
    });
    await createFileDialogs(() => null).choose({ kind: 'folder', title: 'Folders', filter });
    expect(dialog.showOpenDialog).toHaveBeenLastCalledWith({
      title: 'Folders',
      properties: ['openDirectory'],
    });
  });
});
