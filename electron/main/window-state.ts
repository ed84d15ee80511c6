// The window's remembered state and preferences, and where to put the window at start: pure
// logic, no Electron, so every display arrangement can be tested. What is kept is parsed with
// zod on the way in, because the file is the user's to edit (or to break). It never holds a
// secret: bounds, a display id, and the list's environment/status filter and sort, never the
// free-text filter (a pasted key could be sitting in it).
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A display as Electron's screen module describes it, reduced to what placement needs. */
export interface DisplayArea {
  id: number;
  workArea: Rect;
}

export interface WindowSize {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

const rectSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

export const windowStateSchema = z.object({
  bounds: rectSchema,
  maximized: z.boolean(),
  /** The display the window was on, to come back to it when it is still attached. */
  displayId: z.number().int().nullable(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export {
  DEFAULT_PREFS,
  parseWindowPrefs,
  windowPrefsChangeSchema,
  windowPrefsSchema,
  type WindowPrefs,
} from '../../shared/window-prefs.ts';

/** What was saved, or null when nothing usable was (missing, or edited into something else). */
export function parseWindowState(raw: unknown): WindowState | null {
  const parsed = windowStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** At least this much of the window must be on a display to count as on it (a grabbable strip). */
const MIN_VISIBLE = 64;

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

const clamp = (n: number, low: number, high: number) => Math.min(Math.max(n, low), high);

/** A size that fits the work area (the minimum gives way to a smaller display). */
function fitSize(want: Rect | WindowSize, area: Rect, size: WindowSize) {
  const width = clamp(want.width, Math.min(size.minWidth, area.width), area.width);
  const height = clamp(want.height, Math.min(size.minHeight, area.height), area.height);
  return { width, height };
}

function centred(want: Rect | WindowSize, area: Rect, size: WindowSize): Rect {
  const { width, height } = fitSize(want, area, size);
  return {
    x: area.x + Math.floor((area.width - width) / 2),
    y: area.y + Math.floor((area.height - height) / 2),
    width,
    height,
  };
}

/**
 * Where the window opens. The saved bounds are kept when the window is still on a display (then
 * moved and shrunk just enough to fit that display's work area); a window off every display
 * (a monitor unplugged, a resolution changed) opens centred on the display it was on if that is
 * still attached, else on the primary one, at its saved size if that fits. Nothing saved: the
 * default size, centred on the primary display.
 */
export function placeWindow(
  saved: WindowState | null,
  displays: readonly DisplayArea[],
  primary: DisplayArea,
  size: WindowSize,
): { bounds: Rect; maximized: boolean } {
  if (!saved) return { bounds: centred(size, primary.workArea, size), maximized: false };
  const { bounds } = saved;
  let best: { display: DisplayArea; area: number } | null = null;
  for (const display of displays) {
    const o = overlap(bounds, display.workArea);
    if (o.width < MIN_VISIBLE || o.height < MIN_VISIBLE) continue;
    if (!best || o.width * o.height > best.area) best = { display, area: o.width * o.height };
  }
  if (!best) {
    const home = displays.find((d) => d.id === saved.displayId) ?? primary;
    return { bounds: centred(bounds, home.workArea, size), maximized: saved.maximized };
  }
  const area = best.display.workArea;
  const { width, height } = fitSize(bounds, area, size);
  return {
    bounds: {
      x: clamp(bounds.x, area.x, area.x + area.width - width),
      y: clamp(bounds.y, area.y, area.y + area.height - height),
      width,
      height,
    },
    maximized: saved.maximized,
  };
}
