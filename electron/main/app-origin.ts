// The app's own origin. The renderer is served from app://renderer/ (a privileged standard scheme),
// never file://, so the sender check and the protocol handler have one exact origin to compare.
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The parsed URL when it points into the app's own origin (no userinfo, no port), else null. */
export function parseAppUrl(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST) return null;
  if (url.username || url.password || url.port) return null;
  return url;
}
