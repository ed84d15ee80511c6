// The CLI's writers print user input terminal-safe: control characters are shown as \xHH.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { oneLineSafe, printJson, terminalSafe } from '../../../electron/cli/io.ts';

describe('terminalSafe', () => {
  it('escapes C0, DEL and C1 controls but keeps line breaks and tabs', () => {
    expect(terminalSafe('a\u001b[2Jb\u0007c\u007fd\u009be\rf')).toBe(
      'a\\x1b[2Jb\\x07c\\x7fd\\x9be\\x0df',
    );
    expect(terminalSafe('one\ntwo\tthree')).toBe('one\ntwo\tthree');
    expect(terminalSafe('plain é ✓')).toBe('plain é ✓');
  });
  it('escapes line breaks too in one-line cells', () => {
    expect(oneLineSafe('a\nb\tc')).toBe('a\\x0ab\\x09c');
  });
});

describe('printJson', () => {
  afterEach(() => vi.restoreAllMocks());
  it('escapes DEL and C1 controls, staying valid JSON', () => {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
      out += String(s);
      return true;
    });
    printJson({ note: 'x\u009b2J\u007f\u001b' });
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(JSON.parse(out)).toEqual({ note: 'x\u009b2J\u007f\u001b' });
  });
});
