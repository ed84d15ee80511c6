// The inventory's CSV (electron/core/inventory.ts): RFC 4180 quoting, and a leading apostrophe on
// a cell a spreadsheet would run as a formula.
import { describe, expect, it } from 'vitest';
import { csvField } from '../../../electron/core/inventory.ts';

describe('inventory CSV fields', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    ['', ''],
  ])('quotes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+cmd', "'+cmd"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['=HYPERLINK("x","y")', '"\'=HYPERLINK(""x"",""y"")"'],
  ])('defuses the formula %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});
