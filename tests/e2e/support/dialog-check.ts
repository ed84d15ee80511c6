// An open dialog's accessibility and look: at 900 and 1280 px wide, axe over it (no serious or
// critical violation) and a screenshot under test-results/screenshots, for a reviewer to look at.
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';
import type * as Axe from 'axe-core';

const dir = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));
/** The widths every state is checked at: the narrow window most users meet, and a wide one. */
const WIDTHS = [900, 1280] as const;
const HEIGHT = 760;

// axe-core itself, run in the page: @axe-core/playwright's AxeBuilder injected axe into every
// frame and opened a blank page to finish each run (for results across frames, which this
// one-frame window has none of), 2.4 s per state against 0.15 s here (measured on the main view).
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface Finding {
  id: string;
  impact: string;
  nodes: { target: string; failureSummary: string }[];
}

/** axe's violations within `scope`, with all of axe's rules; injected once per document. */
async function axeViolations(page: Page, scope: string): Promise<Finding[]> {
  // Through the DevTools protocol, so the window's Content-Security-Policy does not apply.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (selector) => {
    const { axe } = window as unknown as { axe: typeof Axe };
    // Only violations: axe then skips describing every element that passed.
    const { violations } = await axe.run(selector, { resultTypes: ['violations'] });
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      nodes: v.nodes.map((n) => ({
        target: n.target.join(' '),
        failureSummary: n.failureSummary ?? '',
      })),
    }));
  }, scope);
}

/** axe over the open dialog, or over `scope` (a selector) when given. */
export async function expectDialogAccessible(
  page: Page,
  state: string,
  scope = 'dialog[open]',
): Promise<void> {
  const serious = (await axeViolations(page, scope))
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target} — ${n.failureSummary}`));
  expect(serious, `axe: ${state}`).toEqual([]);
}

/**
 * axe over the open dialog; with none open, over the whole page. A modal dialog makes the rest
 * of the window inert (and it was scanned before the dialog opened), so only the dialog is.
 */
export async function expectPageAccessible(page: Page, state: string): Promise<void> {
  const open = (await page.locator('dialog[open]').count()) > 0;
  await expectDialogAccessible(page, state, open ? 'dialog[open]' : 'body');
}

/**
 * axe in light, then in dark, at both widths, with no screenshot (a state that is not a
 * dialog's). Puts the viewport back as it was.
 */
export async function expectAccessibleBothSchemes(page: Page, state: string): Promise<void> {
  const before = page.viewportSize();
  for (const colorScheme of ['light', 'dark'] as const) {
    await emulateScheme(page, colorScheme);
    await atEachWidth(page, undefined, (width) =>
      expectPageAccessible(page, `${state} (${colorScheme}, ${width} px)`),
    );
  }
  if (before) await page.setViewportSize(before);
}

/** `check` at each width, the window resized first and `shown` scrolled into view. */
async function atEachWidth(
  page: Page,
  shown: Locator | undefined,
  check: (width: number) => Promise<void>,
): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: HEIGHT });
    await shown?.scrollIntoViewIfNeeded();
    await check(width);
  }
}

/** The page's colour scheme, and proof that the page now sees it. */
async function emulateScheme(page: Page, colorScheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme });
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
    colorScheme === 'dark',
  );
}

/**
 * At each width: axe, then `NAME-SCHEME-WIDTH.png`, in the colour scheme the page now has;
 * `shown` (the state the picture is about) is scrolled into view first.
 */
export async function checkDialog(
  page: Page,
  name: string,
  colorScheme: string,
  shown?: Locator,
): Promise<void> {
  await atEachWidth(page, shown, async (width) => {
    await expectDialogAccessible(page, `${name} (${colorScheme}, ${width} px)`);
    await screenshot(page, name, colorScheme, width);
  });
}

/** `NAME-SCHEME-WIDTH.png` at both widths, `shown` scrolled into view first. */
export async function screenshotWidths(
  page: Page,
  name: string,
  colorScheme: string,
  shown?: Locator,
): Promise<void> {
  await atEachWidth(page, shown, (width) => screenshot(page, name, colorScheme, width));
}

async function screenshot(page: Page, name: string, colorScheme: string, width: number) {
  const path = `${dir}${name}-${colorScheme}-${width}.png`;
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  expect((await stat(path)).size).toBeGreaterThan(10_000);
}

/**
 * checkDialog in light, then in dark: one flow reaches the state once and both schemes are
 * checked there (emulating the scheme is cheap; running the flow again is not). Leaves dark.
 */
export async function checkDialogBothSchemes(
  page: Page,
  name: string,
  shown?: Locator,
): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await emulateScheme(page, colorScheme);
    await checkDialog(page, name, colorScheme, shown);
  }
}
