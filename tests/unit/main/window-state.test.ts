// Where the window opens: saved bounds kept on a display (fitted to its work area), a window off
// every display back on the display it was on or the primary one, defaults when nothing usable
// was saved; preferences parsed field by field.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PREFS,
  parseWindowPrefs,
  parseWindowState,
  placeWindow,
  type DisplayArea,
} from '../../../electron/main/window-state.ts';

const SIZE = { width: 1200, height: 800, minWidth: 1100, minHeight: 600 };
const primary: DisplayArea = { id: 1, workArea: { x: 0, y: 25, width: 1920, height: 1055 } };
const right: DisplayArea = { id: 2, workArea: { x: 1920, y: 0, width: 2560, height: 1440 } };
const state = (x: number, y: number, width = 1300, height = 900, displayId: number | null = 1) => ({
  bounds: { x, y, width, height },
  maximized: false,
  displayId,
});

describe('placeWindow', () => {
  it('centres the default size on the primary display when nothing was saved', () => {
    expect(placeWindow(null, [primary, right], primary, SIZE)).toEqual({
      bounds: { x: 360, y: 152, width: 1200, height: 800 },
      maximized: false,
    });
  });

  it('keeps saved bounds that are on a display, and the maximized flag', () => {
    const saved = { ...state(2100, 100), maximized: true, displayId: 2 };
    expect(placeWindow(saved, [primary, right], primary, SIZE)).toEqual({
      bounds: saved.bounds,
      maximized: true,
    });
  });

  it('pulls a window half off its display back inside the work area', () => {
    const placed = placeWindow(state(1500, -200), [primary], primary, SIZE);
    expect(placed.bounds).toEqual({ x: 620, y: 25, width: 1300, height: 900 });
  });

  it('brings a window off every display back, centred on the primary one', () => {
    // The right-hand monitor was unplugged.
    const placed = placeWindow(state(2100, 100, 1300, 900, 2), [primary], primary, SIZE);
    expect(placed.bounds).toEqual({ x: 310, y: 102, width: 1300, height: 900 });
  });

  it('prefers the display it was on, when that one is still attached but moved', () => {
    const moved: DisplayArea = { id: 2, workArea: { x: -2560, y: 0, width: 2560, height: 1440 } };
    const placed = placeWindow(state(2100, 100, 1300, 900, 2), [primary, moved], primary, SIZE);
    expect(placed.bounds).toEqual({ x: -1930, y: 270, width: 1300, height: 900 });
  });

  it('counts a sliver of a few pixels as off the display', () => {
    const placed = placeWindow(state(1900, 100), [primary], primary, SIZE);
    expect(placed.bounds.x).toBe(310);
  });

  it('shrinks a window larger than a smaller display, below the minimum if it must', () => {
    const small: DisplayArea = { id: 3, workArea: { x: 0, y: 0, width: 1024, height: 700 } };
    const placed = placeWindow(state(0, 0, 1900, 1000, 3), [small], small, SIZE);
    expect(placed.bounds).toEqual({ x: 0, y: 0, width: 1024, height: 700 });
  });
});

describe('parsing what was kept', () => {
  it('accepts a saved state and refuses anything else', () => {
    expect(parseWindowState(state(1, 2))).toEqual(state(1, 2));
    expect(parseWindowState(undefined)).toBeNull();
    expect(parseWindowState({ bounds: { x: 'a' }, maximized: false, displayId: 1 })).toBeNull();
    expect(
      parseWindowState({ ...state(1, 2), bounds: { x: 0, y: 0, width: 0, height: 5 } }),
    ).toBeNull();
  });

  it('keeps the preferences that parse and defaults the rest', () => {
    const prefs = {
      accountFilter: 'acc_1',
      environmentFilter: 'production',
      statusFilter: 'due',
      sort: { column: 'lastUsedAt', direction: 'descending' },
    };
    expect(parseWindowPrefs(prefs)).toEqual(prefs);
    expect(parseWindowPrefs({ ...prefs, statusFilter: 'bogus' })).toEqual({
      ...prefs,
      statusFilter: 'live',
    });
    expect(parseWindowPrefs('junk')).toEqual(DEFAULT_PREFS);
  });
});
