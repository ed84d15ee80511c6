// Loopback: addresses that never leave this machine, as URL#hostname spells them (lower case,
// IPv4 normalised, IPv6 in brackets). One definition for the base-URL rule (plain http only
// here), the sandbox badge and the preview host's Host check.

/** The names the app's own servers bind and people type for this machine. */
export const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

/** Any loopback host: localhost, [::1], or an address in 127.0.0.0/8. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * One of LOOPBACK_NAMES exactly: narrower than isLoopbackHost (127.0.0.2 is loopback but not
 * one of them), for checks that recognise the app's own servers by the names they use.
 */
export function isLoopbackName(hostname: string): boolean {
  return (LOOPBACK_NAMES as readonly string[]).includes(hostname);
}
