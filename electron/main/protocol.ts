// The app:// scheme: registered as privileged before `ready` (standard, so the page has a real
// origin; secure, so it counts as a secure context), then served from the built renderer only.
import { protocol, type Session } from 'electron';
import { createAppFileHandler } from './app-files.ts';
import { APP_SCHEME } from './app-origin.ts';

/** Must run before the app's `ready` event (Electron refuses it later). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // supportFetchAPI lets Chromium load the page's module scripts over the scheme; corsEnabled
      // stays off, so no other origin can read app:// responses (electron/electron#52912).
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ]);
}

/** Serves app://renderer/ from `rendererDir` in the given session. */
export function serveApp(session: Session, rendererDir: string): void {
  const handler = createAppFileHandler(rendererDir);
  session.protocol.handle(APP_SCHEME, (request) => handler(request));
}
