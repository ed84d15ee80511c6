// URL policy (SECURITY.md items 13-15): only https URLs on ApexVerify's dashboard and docs hosts
// ever reach the OS browser, whether asked for by the IPC handler (openExternal), a window.open
// or a target=_blank link; navigation is prevented whatever the URL.
import type { WebContents } from 'electron';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { EXTERNAL_HOSTS, externalUrlAllowed } from '../../../shared/url-policy.ts';
import { createOpenExternal, hardenContents } from '../../../electron/main/security.ts';
import { fakeWebContents, fire } from '../../helpers/fake-electron.ts';

const REFUSED = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'javascript://app.apexverify.com/%0aalert(1)',
  'file:///etc/passwd',
  'file://app.apexverify.com/etc/passwd',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD4=',
  'blob:https://app.apexverify.com/uuid',
  'vbscript:msgbox(1)',
  'http://app.apexverify.com/',
  'ftp://app.apexverify.com/',
  'ws://app.apexverify.com/',
  'app://renderer/index.html',
  'https://app.apexverify.com@evil.com/',
  'https://app.apexverify.com:443@evil.com/',
  'https://user:pass@app.apexverify.com/',
  'https://user@app.apexverify.com/',
  'https://evil.com\\@app.apexverify.com/',
  'https://evil.com#@app.apexverify.com/',
  'https://evil.com?@app.apexverify.com/',
  'https://app.apexverify.com.evil.com/',
  'https://app.apexverify.com.evil.com./',
  'https://apexverify.com/',
  'https://www.apexverify.com/',
  'https://evil.app.apexverify.com/',
  'https://app-apexverify.com/',
  'https://appapexverify.com/',
  'https://app.apexverify.co/',
  'https://app.apexverify.com.',
  'https://docs.apexverify.com/',
  'https://аpp.apexverify.com/', // Cyrillic а: punycode, not the real host
  'https://app.apexvérify.com/',
  'https://xn--pp-8kc.apexverify.com/',
  'https://app.apexverify.com:8443/',
  'https://app.apexverify.com:0/',
  'https://documentation.apexverify.com:444/',
  'https://127.0.0.1/',
  'https://[::1]/',
  '//app.apexverify.com/',
  'app.apexverify.com',
  '',
  'https://',
  `https://app.apexverify.com/${'a'.repeat(3000)}`,
];

const ALLOWED = [
  'https://app.apexverify.com/',
  'https://app.apexverify.com/keys?account=1#top',
  'https://APP.ApexVerify.com/dashboard',
  'https://app.apexverify.com:443/',
  'https://documentation.apexverify.com/',
  'https://documentation.apexverify.com/api/keys#rotate',
];

describe('externalUrlAllowed', () => {
  it.each(REFUSED)('refuses %s', (url) => {
    expect(externalUrlAllowed(url)).toBeNull();
  });

  it.each(ALLOWED)('allows %s', (url) => {
    const parsed = externalUrlAllowed(url);
    expect(parsed?.protocol).toBe('https:');
    expect(EXTERNAL_HOSTS).toContain(parsed?.hostname);
  });

  it('never throws, and allows only https on the two hosts (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.webUrl(), fc.webUrl({ withQueryParameters: true })),
        (raw) => {
          const url = externalUrlAllowed(raw);
          return (
            url === null ||
            (url.protocol === 'https:' &&
              (EXTERNAL_HOSTS as readonly string[]).includes(url.hostname) &&
              url.username === '' &&
              url.password === '' &&
              url.port === '')
          );
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('refuses any other host, however it is dressed up (property)', () => {
    const host = fc.domain().filter((d) => !(EXTERNAL_HOSTS as readonly string[]).includes(d));
    const trick = fc.constantFrom(
      (h: string) => `https://${h}/`,
      (h: string) => `https://app.apexverify.com@${h}/`,
      (h: string) => `https://app.apexverify.com.${h}/`,
      (h: string) => `https://${h}/app.apexverify.com`,
      (h: string) => `https://${h}?https://app.apexverify.com/`,
      (h: string) => `https://${h}#https://app.apexverify.com/`,
    );
    fc.assert(
      fc.property(host, trick, (h, make) => externalUrlAllowed(make(h)) === null),
      { numRuns: 3000 },
    );
  });

  it('refuses every scheme but https on the allowed hosts (property)', () => {
    const scheme = fc.stringMatching(/^[a-z][a-z0-9+.-]{0,10}$/).filter((s) => s !== 'https');
    fc.assert(
      fc.property(
        scheme,
        fc.constantFrom(...EXTERNAL_HOSTS),
        (s, h) => externalUrlAllowed(`${s}://${h}/`) === null,
      ),
    );
  });
});

describe('openExternal', () => {
  it('hands only allowed URLs to the OS browser, normalised', async () => {
    const open = vi.fn(async () => undefined);
    const openExternal = createOpenExternal(open);
    for (const url of REFUSED) expect(await openExternal(url)).toBe(false);
    expect(open).not.toHaveBeenCalled();
    expect(await openExternal('https://APP.apexverify.com/x')).toBe(true);
    expect(open).toHaveBeenCalledExactlyOnceWith('https://app.apexverify.com/x');
  });

  it('opens the parsed URL, never the raw string', async () => {
    const open = vi.fn(async () => undefined);
    // Empty userinfo parses away: what reaches the browser is the clean href.
    expect(await createOpenExternal(open)('https://:@app.apexverify.com/x')).toBe(true);
    expect(open).toHaveBeenCalledExactlyOnceWith('https://app.apexverify.com/x');
  });

  it('answers false when the OS browser fails', async () => {
    const openExternal = createOpenExternal(async () => {
      throw new Error('no browser');
    });
    expect(await openExternal('https://app.apexverify.com/')).toBe(false);
  });
});

describe('navigation and window.open guards', () => {
  function hardened() {
    const contents = fakeWebContents();
    const openExternal = vi.fn(async () => true);
    hardenContents(contents as unknown as WebContents, openExternal);
    return { contents, openExternal };
  }

  it('denies every window.open; only allowed URLs go to the OS browser (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...REFUSED, ...ALLOWED), fc.webUrl(), fc.string()),
        (url) => {
          const { contents, openExternal } = hardened();
          expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
          expect(openExternal.mock.calls.length).toBe(externalUrlAllowed(url) ? 1 : 0);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('prevents every navigation, allowed host or not (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...REFUSED, ...ALLOWED), fc.webUrl()), (url) => {
        const { contents, openExternal } = hardened();
        expect(fire(contents, 'will-navigate', url).defaultPrevented).toBe(true);
        expect(fire(contents, 'will-frame-navigate', url).defaultPrevented).toBe(true);
        expect(openExternal).not.toHaveBeenCalled();
      }),
      { numRuns: 500 },
    );
  });
});
