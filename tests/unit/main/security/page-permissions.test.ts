// What a page may do (SECURITY.md items 5, 11-15): every permission request and check is denied,
// navigation, redirects and <webview> are prevented, new windows are denied, and the page can
// reach nothing but its own app:// files.
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  hardenContents,
  hardenSession,
  requestAllowed,
} from '../../../../electron/main/security.ts';
import { fakeSession, fakeWebContents, fire } from '../../../helpers/fake-electron.ts';

// Every permission name Electron 45's typings list for the request handler.
const PERMISSIONS = [
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'geolocation',
  'idle-detection',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'notifications',
  'openExternal',
  'pointerLock',
  'keyboardLock',
  'serial',
  'hid',
  'usb',
  'storage-access',
  'window-management',
  'local-fonts',
  'persistent-storage',
  'unknown',
];

function hardenedSession() {
  const session = fakeSession();
  // The fake carries only what hardenSession touches.
  hardenSession(session as unknown as Session);
  return session;
}

describe('session permissions', () => {
  it.each(PERMISSIONS)('denies a request for %s', (permission) => {
    const { handlers } = hardenedSession();
    const callback = vi.fn();
    const request = handlers.request as (wc: unknown, p: string, cb: (ok: boolean) => void) => void;
    request({}, permission, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });

  it.each(PERMISSIONS)('answers a check for %s with false, even from the app origin', (p) => {
    const { handlers } = hardenedSession();
    const check = handlers.check as (wc: unknown, p: string, origin: string) => boolean;
    expect(check({}, p, 'app://renderer')).toBe(false);
  });

  it('denies device access (HID, serial, USB)', () => {
    const { handlers } = hardenedSession();
    expect((handlers.device as (d: unknown) => boolean)({ deviceType: 'usb' })).toBe(false);
  });
});

describe('network from the page', () => {
  const verdict = (url: string) => {
    const { handlers } = hardenedSession();
    const callback = vi.fn();
    const filter = handlers.beforeRequest as (d: { url: string }, cb: typeof callback) => void;
    filter({ url }, callback);
    return callback.mock.calls[0]?.[0] as { cancel: boolean };
  };

  it.each([
    'https://app.apexverify.com/',
    'http://127.0.0.1:4780/v1/credits',
    'ws://127.0.0.1:1/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://renderer.evil/x.js',
    'ftp://example.com/',
  ])('cancels %s', (url) => {
    expect(verdict(url)).toEqual({ cancel: true });
    expect(requestAllowed(url)).toBe(false);
  });

  it.each(['app://renderer/index.html', 'app://renderer/assets/a.js', 'data:image/png;base64,AA'])(
    'lets %s through',
    (url) => {
      expect(verdict(url)).toEqual({ cancel: false });
    },
  );
});

describe('webContents', () => {
  function hardened() {
    const contents = fakeWebContents();
    const openExternal = vi.fn(async () => true);
    hardenContents(contents as unknown as WebContents, openExternal);
    return { contents, openExternal };
  }

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    'prevents %s, whatever the target',
    (name) => {
      const { contents } = hardened();
      for (const url of ['https://evil.example/', 'app://renderer/index.html', 'file:///x'])
        expect(fire(contents, name, url).defaultPrevented).toBe(true);
    },
  );

  it('prevents <webview> from attaching', () => {
    const { contents } = hardened();
    const event = fire(contents, 'will-attach-webview', { nodeIntegration: true }, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies every new window', () => {
    const { contents } = hardened();
    for (const url of ['https://evil.example/', 'app://renderer/index.html', 'about:blank'])
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
  });
});
