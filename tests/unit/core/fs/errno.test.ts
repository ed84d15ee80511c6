// The Node side's one errno-to-text table.
import { describe, expect, it } from 'vitest';
import { errnoCode, errnoText } from '../../../../electron/core/fs/errno.ts';

describe('errno text', () => {
  it('words a known code, names an unknown one, and has a text for a throw with no code', () => {
    expect(errnoText(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe(
      'permission denied (EACCES)',
    );
    expect(errnoText({ code: 'EWHATEVER' })).toBe('a file system error (EWHATEVER)');
    expect(errnoText(new Error('no code'))).toBe('an unexpected error');
    expect(errnoCode(null)).toBeUndefined();
  });
});
