// The window's next step after a refusal: the core's message names no front end, and the rule
// picks the window's own words (its buttons), never a CLI command.
import { describe, expect, it } from 'vitest';
import { ROTATION_RULES } from '../../../shared/rotation.ts';
import { ERROR_RULES } from '../../../shared/error-rules.ts';
import { nextStep } from '../../src/lib/errors.ts';

describe('nextStep', () => {
  it('names the window’s own button for a rotation rule', () => {
    expect(nextStep({ code: 'REFUSED', message: 'x', rule: 'run-closed' })).toMatch(/“Rotate…”/);
    expect(nextStep({ code: 'REFUSED', message: 'x', rule: 'verify-needs-deploy' })).toMatch(
      /“I have deployed the new key”/,
    );
  });

  it('never names a CLI command or flag', () => {
    const codes = ['UNAUTHORIZED', 'STORE_BUSY', 'REFUSED', 'WRONG_MODE'] as const;
    for (const code of codes)
      for (const rule of [undefined, ...ROTATION_RULES, ...ERROR_RULES]) {
        const step = nextStep(rule ? { code, message: 'x', rule } : { code, message: 'x' });
        expect(step ?? '').not.toMatch(/apexkeys|--[a-z]/);
      }
  });

  it('ignores a rule it does not know, even a prototype key', () => {
    expect(nextStep({ code: 'REFUSED', message: 'x', rule: 'constructor' })).toBeNull();
  });
});
