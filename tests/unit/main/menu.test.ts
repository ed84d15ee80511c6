// The application menu: Ctrl/Cmd+N and Ctrl/Cmd+F are shown but left to the page (which handles
// them as keydown); a mouse click replays the keystroke; a native About box; no developer tools
// in a packaged build; the docs link passes the URL policy.
import type { KeyboardEvent, MenuItemConstructorOptions, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { externalUrlAllowed } from '../../../shared/url-policy.ts';
import {
  DOCS_URL,
  installMenu,
  menuTemplate,
  pressShortcut,
  type MenuActions,
} from '../../../electron/main/menu.ts';
import { electronFake } from '../../helpers/fake-electron.ts';

vi.mock('electron', async () => (await import('../../helpers/fake-electron.ts')).electronFake);

const actions = () => ({
  press: vi.fn<MenuActions['press']>(),
  openDocs: vi.fn<MenuActions['openDocs']>(),
  about: vi.fn<MenuActions['about']>(),
});

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((i) => [
    i,
    ...(Array.isArray(i.submenu) ? items(i.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

const click = (item: MenuItemConstructorOptions | undefined, byAccelerator: boolean) =>
  // The click handler reads only triggeredByAccelerator; menu item and window are not used.
  item?.click?.({} as never, undefined, { triggeredByAccelerator: byAccelerator } as KeyboardEvent);

describe.each(['linux', 'win32', 'darwin'] as const)('menu on %s', (platform) => {
  const a = actions();
  const all = items(menuTemplate(platform, a, { devTools: false }));
  const byAccel = (acc: string) => all.find((i) => i.accelerator === acc);

  it.each([
    ['CmdOrCtrl+N', 'n'],
    ['CmdOrCtrl+F', 'f'],
  ])('shows %s, leaves the keystroke to the page, and replays it on a mouse click', (acc, key) => {
    const item = byAccel(acc);
    expect(item?.registerAccelerator).toBe(false);
    a.press.mockClear();
    click(item, true);
    expect(a.press).not.toHaveBeenCalled();
    click(item, false);
    expect(a.press).toHaveBeenCalledExactlyOnceWith(key);
  });

  it('has an Edit menu (paste works in text fields on macOS) and no developer tools', () => {
    const roles = all.map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'selectAll', 'undo']));
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
  });

  it('offers About (the app menu’s on macOS) and the documentation', () => {
    const about = all.find((i) => i.label?.startsWith('About '));
    if (platform === 'darwin') expect(all.some((i) => i.role === 'appMenu')).toBe(true);
    else {
      click(about, false);
      expect(a.about).toHaveBeenCalled();
    }
    click(
      all.find((i) => i.label === 'ApexVerify Documentation'),
      false,
    );
    expect(a.openDocs).toHaveBeenCalled();
  });
});

describe('menu', () => {
  it('adds developer tools only when asked (unpackaged builds)', () => {
    const roles = items(menuTemplate('linux', actions(), { devTools: true })).map((i) => i.role);
    expect(roles).toContain('toggleDevTools');
  });

  it('links documentation the URL policy allows', () => {
    expect(externalUrlAllowed(DOCS_URL)).not.toBeNull();
  });

  it('installs the menu and sets the native About panel', () => {
    installMenu('linux', actions(), false);
    expect(electronFake.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(electronFake.app.setAboutPanelOptions).toHaveBeenCalledWith(
      expect.objectContaining({ applicationName: 'ApexVerify Key Manager' }),
    );
  });

  it.each([
    ['linux', 'control'],
    ['win32', 'control'],
    ['darwin', 'meta'],
  ] as const)('replays a shortcut on %s as %s + key, down then up', (platform, modifier) => {
    const sendInputEvent = vi.fn();
    pressShortcut({ sendInputEvent } as unknown as WebContents, 'n', platform);
    expect(sendInputEvent.mock.calls).toEqual([
      [{ type: 'keyDown', keyCode: 'n', modifiers: [modifier] }],
      [{ type: 'keyUp', keyCode: 'n', modifiers: [modifier] }],
    ]);
  });
});
