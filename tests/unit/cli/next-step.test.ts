// The CLI names its own commands after a core error: the core's message is neutral, and the
// error's code and rule pick the hint appended to the one line on stderr.
import { describe, expect, it } from 'vitest';
import { cliNextStep, errorLine } from '../../../electron/cli/next-step.ts';
import { AppError } from '../../../shared/errors.ts';
import { ROTATION_RULES } from '../../../shared/rotation.ts';

describe('the CLI next step', () => {
  it('names the command for a rotation rule', () => {
    const e = new AppError('REFUSED', 'There is no rotation of "ci"; start one first.', {
      rule: 'no-run',
    });
    expect(errorLine(e)).toBe(
      'There is no rotation of "ci"; start one first. Run "apexkeys rotate start LABEL".',
    );
    expect(cliNextStep({ code: 'REFUSED', rule: 'key-in-rotation' })).toMatch(
      /"apexkeys rotate finish" or "apexkeys rotate abort"/,
    );
  });

  it('names the flag or command for the key and account errors', () => {
    expect(cliNextStep({ code: 'AMBIGUOUS_LABEL' })).toBe('Use --account NAME.');
    expect(cliNextStep({ code: 'UNKNOWN_KEY', rule: 'no-such-label' })).toMatch(/key list/);
    expect(cliNextStep({ code: 'UNKNOWN_ACCOUNT', rule: 'no-accounts' })).toMatch(/account add/);
    expect(cliNextStep({ code: 'WRONG_MODE', rule: 'generate-in-dashboard' })).toMatch(
      /key import/,
    );
  });

  it('adds nothing where the message is enough, and ignores unknown or prototype rules', () => {
    expect(cliNextStep({ code: 'UNKNOWN_ACCOUNT' })).toBeNull();
    expect(cliNextStep({ code: 'REFUSED', rule: 'revoke-needs-typed-label' })).toBeNull();
    expect(cliNextStep({ code: 'REFUSED', rule: 'constructor' })).toBeNull();
    expect(errorLine({ code: 'NETWORK', message: 'Cannot\n  reach it.' })).toBe('Cannot reach it.');
  });

  it('every hint names an apexkeys command or flag (and only real rules are mapped)', () => {
    for (const rule of ROTATION_RULES) {
      const hint = cliNextStep({ code: 'REFUSED', rule });
      if (hint) expect(hint).toMatch(/apexkeys |--[a-z]/);
    }
  });
});
