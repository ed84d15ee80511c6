// The application menu and the native About box. Ctrl/Cmd+N and Ctrl/Cmd+F (and Ctrl/Cmd+B back
// up, +O restore, +E export the inventory) belong to the renderer, which handles them as keydown: the menu shows them (not registered as global
// accelerators on Linux/Windows, so the keys reach the page), and a mouse click on the item
// replays the same keystroke into the window. No extra IPC channel, nothing beyond the contract.
import { app, Menu, type MenuItemConstructorOptions, type WebContents } from 'electron';
import { PRODUCT_NAME } from '../core/paths.ts';

export type ShortcutKey = 'n' | 'f' | 'b' | 'o' | 'e';

export interface MenuActions {
  press(key: ShortcutKey): void;
  openDocs(): void;
  about(): void;
}

export const DOCS_URL = 'https://documentation.apexverify.com/';

function shortcut(
  label: string,
  key: ShortcutKey,
  actions: MenuActions,
): MenuItemConstructorOptions {
  return {
    label,
    accelerator: `CmdOrCtrl+${key.toUpperCase()}`,
    registerAccelerator: false,
    // On macOS the menu sees the keystroke only after the page left it unhandled; replaying it
    // then would only repeat what the page chose not to do.
    click: (_item, _window, event) => {
      if (!event.triggeredByAccelerator) actions.press(key);
    },
  };
}

export function menuTemplate(
  platform: NodeJS.Platform,
  actions: MenuActions,
  opts: { devTools: boolean },
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const about: MenuItemConstructorOptions = {
    label: `About ${PRODUCT_NAME}`,
    click: () => actions.about(),
  };
  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    {
      label: 'File',
      submenu: [
        shortcut('New Key…', 'n', actions),
        sep,
        // The window's own Back up…, Restore… and Export inventory… (in its toolbar's Data menu
        // too, for the preview host, which has no menu bar).
        shortcut('Back Up…', 'b', actions),
        shortcut('Restore…', 'o', actions),
        shortcut('Export Inventory…', 'e', actions),
        sep,
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        sep,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        sep,
        shortcut('Filter Keys', 'f', actions),
      ],
    },
    {
      label: 'View',
      submenu: [
        ...(opts.devTools
          ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, sep]
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        sep,
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'ApexVerify Documentation', click: () => actions.openDocs() },
        ...(mac ? [] : [sep, about]),
      ],
    },
  ];
}

/** Replays a shortcut into the page as the real keystroke it handles. */
export function pressShortcut(contents: WebContents, key: ShortcutKey, platform: NodeJS.Platform) {
  const modifiers: Array<'meta' | 'control'> = [platform === 'darwin' ? 'meta' : 'control'];
  contents.sendInputEvent({ type: 'keyDown', keyCode: key, modifiers });
  contents.sendInputEvent({ type: 'keyUp', keyCode: key, modifiers });
}

export function installMenu(platform: NodeJS.Platform, actions: MenuActions, devTools: boolean) {
  app.setAboutPanelOptions({
    applicationName: PRODUCT_NAME,
    applicationVersion: app.getVersion(),
    version: `Electron ${process.versions.electron ?? ''}`.trim(),
    copyright: 'Keys stay in your OS keychain.',
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(platform, actions, { devTools })));
}
