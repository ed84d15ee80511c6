// The headers every response that serves the renderer carries besides its Content-Type and CSP:
// the app:// handler (electron/main/app-files.ts) and the preview host send the same ones.
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
});

/** A response's headers: its type, its CSP (the app's or the preview's), then the shared ones. */
export function responseHeaders(contentType: string, csp: string): Record<string, string> {
  return { 'Content-Type': contentType, 'Content-Security-Policy': csp, ...SECURITY_HEADERS };
}
