// Which URLs the app may hand to the OS browser: https only, on ApexVerify's own hosts.
export const EXTERNAL_HOSTS = ['app.apexverify.com', 'documentation.apexverify.com'] as const;

/** The parsed URL when it may be opened outside the app, else null. */
export function externalUrlAllowed(raw: string): URL | null {
  if (typeof raw !== 'string' || raw.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  // Userinfo ("https://app.apexverify.com@evil.example") and odd ports are never needed here.
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  if (!(EXTERNAL_HOSTS as readonly string[]).includes(url.hostname)) return null;
  return url;
}
