// One loopback definition: the base-URL rule takes any loopback host; the sandbox badge and the
// preview host's Host check take exactly the well-known names (a narrower, separately named check).
import { describe, expect, it } from 'vitest';
import { isLoopbackHost, isLoopbackName, LOOPBACK_NAMES } from '../../../shared/loopback.ts';
import { normaliseBaseUrl } from '../../../shared/input-rules.ts';

const hostOf = (url: string) => new URL(url).hostname;

describe('isLoopbackHost', () => {
  it('accepts localhost, [::1] and all of 127.0.0.0/8, as URL#hostname spells them', () => {
    for (const h of ['localhost', '[::1]', '127.0.0.1', '127.0.0.2', '127.255.255.254'])
      expect(isLoopbackHost(h), h).toBe(true);
    // URL normalises case, short IPv4 forms and long IPv6 forms before the check sees them.
    for (const url of ['http://LOCALHOST', 'http://127.1', 'http://0x7f.0.0.1', 'http://[0:0::1]'])
      expect(isLoopbackHost(hostOf(url)), url).toBe(true);
  });

  it('refuses every other host, including look-alikes', () => {
    for (const h of [
      'example.com',
      'localhost.',
      'localhost.example.com',
      '127.0.0.1.example.com',
      '128.0.0.1',
      '10.0.0.1',
      '0.0.0.0',
      '::1',
      '[::2]',
      '',
    ])
      expect(isLoopbackHost(h), h).toBe(false);
  });

  it('is the rule behind plain http base URLs', () => {
    expect(normaliseBaseUrl('http://127.0.0.2:4780')).toEqual({ url: 'http://127.0.0.2:4780' });
    expect(normaliseBaseUrl('http://[::1]:4780')).toEqual({ url: 'http://[::1]:4780' });
    expect(normaliseBaseUrl('http://example.com')).toHaveProperty('problem');
  });
});

describe('isLoopbackName', () => {
  it('accepts exactly the well-known names, each of them loopback', () => {
    expect([...LOOPBACK_NAMES]).toEqual(['127.0.0.1', 'localhost', '[::1]']);
    for (const h of LOOPBACK_NAMES) {
      expect(isLoopbackName(h), h).toBe(true);
      expect(isLoopbackHost(h), h).toBe(true);
    }
  });

  it('is narrower than isLoopbackHost: another 127.x address is not one of the names', () => {
    expect(isLoopbackHost('127.0.0.2')).toBe(true);
    expect(isLoopbackName('127.0.0.2')).toBe(false);
    for (const h of ['example.com', 'LOCALHOST', '::1', '127.0.0.1:80'])
      expect(isLoopbackName(h), h).toBe(false);
  });
});
