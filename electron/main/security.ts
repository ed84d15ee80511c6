// Everything a page may ask for is refused: permissions, navigation, new windows, <webview>,
// and network requests outside the app's own origin. Links to ApexVerify's dashboard and docs
// open in the OS browser, and only after the URL policy allows them.
import type { Session, WebContents } from 'electron';
import { externalUrlAllowed } from '../../shared/url-policy.ts';
import { APP_SCHEME } from './app-origin.ts';
import { parseAppUrl } from './app-origin.ts';

export type OpenExternal = (url: string) => Promise<boolean>;

/** shell.openExternal behind the allow-list: only a parsed https URL on ApexVerify's hosts. */
export function createOpenExternal(open: (url: string) => Promise<void>): OpenExternal {
  return async (raw) => {
    const url = externalUrlAllowed(raw);
    if (!url) return false;
    try {
      await open(url.href);
      return true;
    } catch {
      return false;
    }
  };
}

/** The renderer loads its own files (and inline data: images, as its CSP allows), nothing else. */
export function requestAllowed(raw: string): boolean {
  if (raw.startsWith('data:')) return true;
  if (raw.startsWith('devtools:')) return true;
  return raw.startsWith(`${APP_SCHEME}:`) && parseAppUrl(raw) !== null;
}

type SessionPart = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
> & { webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> };

export function hardenSession(session: SessionPart): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // A second line behind the CSP's connect-src 'none': the page cannot reach the network at all.
  session.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !requestAllowed(details.url) }),
  );
}

/** Applied to every webContents as it is created, before it loads anything. */
export function hardenContents(contents: WebContents, openExternal: OpenExternal): void {
  // The app is one page: any navigation is an attack or a stray link.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // A target=_blank link to the docs opens in the OS browser; the app never opens a window.
    if (externalUrlAllowed(url)) void openExternal(url);
    return { action: 'deny' };
  });
}
