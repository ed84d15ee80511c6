import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  freeTextProblem,
  keyLabelProblem,
  labelProblem,
  maskedHint,
  normaliseBaseUrl,
  pathProblem,
  rotationDueAt,
  secretProblem,
} from '../../../shared/input-rules.ts';

describe('labelProblem', () => {
  it("accepts the tutorial's labels", () => {
    for (const l of [
      'production-api',
      'staging-etl',
      'ci-pipeline',
      'dev-john',
      'a',
      'x'.repeat(64),
      'v1.2_b',
    ])
      expect(labelProblem(l)).toBeNull();
  });
  it('refuses empty, long, spaced, control and other characters', () => {
    for (const l of [
      '',
      'x'.repeat(65),
      ' lead',
      'trail ',
      'in side',
      'tab\t',
      'nul\u0000',
      'slash/x',
      'é',
    ])
      expect(labelProblem(l)).toEqual(expect.any(String));
  });
  it('agrees with the API rule for any string', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 80 }),
        (s) => (labelProblem(s) === null) === /^[A-Za-z0-9._-]{1,64}$/.test(s),
      ),
    );
  });
});

describe('secretProblem', () => {
  it('accepts 16 to 256 printable ASCII characters without whitespace', () => {
    expect(secretProblem('a'.repeat(16))).toBeNull();
    expect(secretProblem('!'.repeat(256))).toBeNull();
  });
  it('refuses the rest and never echoes the value', () => {
    for (const s of [
      '',
      'a'.repeat(15),
      'a'.repeat(257),
      `${'a'.repeat(20)} b`,
      `${'a'.repeat(20)}\nb`,
      `${'a'.repeat(20)}é`,
    ]) {
      const p = secretProblem(s);
      expect(p).toEqual(expect.any(String));
      if (s.length > 0) expect(p).not.toContain(s);
    }
  });
});

describe('normaliseBaseUrl', () => {
  it('keeps http(s) origins and paths without a trailing slash', () => {
    expect(normaliseBaseUrl('https://api.apexverify.com/')).toEqual({
      url: 'https://api.apexverify.com',
    });
    expect(normaliseBaseUrl('http://127.0.0.1:4780/base/')).toEqual({
      url: 'http://127.0.0.1:4780/base',
    });
  });
  it('refuses other schemes, credentials, queries and garbage', () => {
    for (const u of [
      'ftp://x',
      'javascript:alert(1)',
      'file:///etc',
      'https://u:p@x',
      'https://x/?q=1',
      'https://x/#f',
      'nope',
    ])
      expect(normaliseBaseUrl(u)).toHaveProperty('problem');
  });
  it('accepts plain http only on loopback, where the key never leaves the machine', () => {
    for (const u of ['http://localhost:1', 'http://127.0.0.5', 'http://[::1]:8080'])
      expect(normaliseBaseUrl(u)).toHaveProperty('url');
    for (const u of [
      'http://api.apexverify.com',
      'http://127.0.0.1.evil.example',
      'http://10.0.0.1',
    ])
      expect(normaliseBaseUrl(u)).toMatchObject({ problem: expect.stringMatching(/unencrypted/) });
  });
});

describe('dates and hints', () => {
  it('computes the rotation due date from the period', () => {
    expect(rotationDueAt('2026-01-01T00:00:00.000Z', 90)).toBe('2026-04-01T00:00:00.000Z');
    expect(rotationDueAt('2026-01-01T00:00:00.000Z', null)).toBeNull();
  });
  it('masks all but the prefix and last four characters', () => {
    expect(maskedHint('avk_abcdefghijklmnop9f3a')).toBe('avk_…9f3a');
    expect(maskedHint('abcdefghijklmnop1234')).toBe('…1234');
  });
});

describe('keyLabelProblem', () => {
  it('refuses labels starting with "-" and says how to reach an old one', () => {
    for (const l of ['-x', '--help', '-'])
      expect(keyLabelProblem(l)).toMatch(/starts with "-".*apexkeys key get -- /);
    expect(keyLabelProblem('a-b')).toBeNull();
    expect(keyLabelProblem('bad label')).toMatch(/whitespace/);
    // The API's own rule (used by the sandbox) still accepts it.
    expect(labelProblem('-x')).toBeNull();
  });
});

describe('freeTextProblem', () => {
  it('refuses control characters; notes alone keep line breaks and tabs', () => {
    expect(freeTextProblem('owner', 'a\tb', { max: 128 })).toMatch(/no control characters/);
    expect(freeTextProblem('notes', 'a\n\tb', { max: 4000, multiline: true })).toBeNull();
    for (const bad of ['\u001b[2J', '\r', '\u0000', '\u007f', '\u009b'])
      expect(freeTextProblem('notes', bad, { max: 4000, multiline: true })).not.toBeNull();
    expect(freeTextProblem('service', 'x'.repeat(129), { max: 128 })).toMatch(/at most 128/);
  });
});

describe('pathProblem', () => {
  it('refuses empty paths and control characters', () => {
    expect(pathProblem('')).toMatch(/Give a path/);
    expect(pathProblem('/tmp/a\nb')).toMatch(/control character/);
    expect(pathProblem('/tmp/.env')).toBeNull();
    expect(pathProblem('relative/ok.env')).toBeNull();
  });
});
