// One per-OS keychain help table: the core's one-line hints and the window's steps come from it.
import { describe, expect, it } from 'vitest';
import {
  KEYCHAIN_HELP,
  keychainHelpFor,
  keychainHelpInOrder,
} from '../../../shared/keychain-help.ts';
import { loadError, unlockHint } from '../../../electron/core/vault-errors.ts';

describe('keychain help', () => {
  it('has one entry per OS, each with a hint and steps', () => {
    expect(KEYCHAIN_HELP.map((h) => h.os)).toEqual(['darwin', 'win32', 'linux']);
    for (const h of KEYCHAIN_HELP) {
      expect(h.unlock, h.os).toMatch(/^On (macOS|Windows|Linux), /);
      expect(h.steps.length, h.os).toBeGreaterThan(1);
    }
  });

  it("is what the core's keychain errors say", () => {
    for (const p of ['darwin', 'win32', 'linux'] as const) {
      expect(unlockHint(p)).toBe(keychainHelpFor(p).unlock);
      expect(loadError(new Error('x'), p).message).toContain(keychainHelpFor(p).install);
    }
    // Linux and the BSDs reach the keychain through the Secret Service: Linux's help.
    expect(unlockHint('freebsd')).toBe(keychainHelpFor('linux').unlock);
  });

  it("puts this computer's OS first for the window, and keeps the rest in order", () => {
    expect(keychainHelpInOrder('win32').map((h) => h.os)).toEqual(['win32', 'darwin', 'linux']);
    expect(keychainHelpInOrder('linux').map((h) => h.os)).toEqual(['linux', 'darwin', 'win32']);
    expect(keychainHelpInOrder('other').map((h) => h.os)).toEqual(['darwin', 'win32', 'linux']);
  });
});
