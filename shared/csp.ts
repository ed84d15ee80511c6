// The renderer's Content Security Policy: sent as a header by the app:// handler and repeated in
// index.html's meta tag. Nothing remote, no inline script or style, no network from the renderer.
const DIRECTIVES: Record<string, string> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'none'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-src': "'none'",
};

const render = (d: Record<string, string>) =>
  Object.entries(d)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');

export const APP_CSP = render(DIRECTIVES);

/**
 * The preview host's renderer talks to its own origin over HTTP instead of IPC, so only
 * connect-src is relaxed, and only to 'self'. Development and tests only; never packaged.
 */
export const PREVIEW_CSP = render({ ...DIRECTIVES, 'connect-src': "'self'" });
