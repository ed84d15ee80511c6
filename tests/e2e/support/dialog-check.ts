// An open dialog's accessibility and look: axe over it (no serious or critical violation), and a
// screenshot at 900 and 1280 px wide under test-results/screenshots, for a reviewer to look at.
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

const dir = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));

/** axe over the open dialog, or over `scope` (a selector) when given. */
export async function expectDialogAccessible(
  page: Page,
  state: string,
  scope = 'dialog[open]',
): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).include(scope).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary ?? ''}`,
      ),
    );
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

/** axe in light, then in dark, with no screenshot (a state that is not a dialog's). */
export async function expectAccessibleBothSchemes(page: Page, state: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await emulateScheme(page, colorScheme);
    await expectPageAccessible(page, `${state} (${colorScheme})`);
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
 * axe, then `NAME-SCHEME-WIDTH.png` at both widths, in the colour scheme the page now has;
 * `shown` (the state the picture is about) is scrolled into view first.
 */
export async function checkDialog(
  page: Page,
  name: string,
  colorScheme: string,
  shown?: Locator,
): Promise<void> {
  await expectDialogAccessible(page, `${name} (${colorScheme})`);
  await screenshotWidths(page, name, colorScheme, shown);
}

/** `NAME-SCHEME-WIDTH.png` at 900 and 1280 px wide, `shown` scrolled into view first. */
export async function screenshotWidths(
  page: Page,
  name: string,
  colorScheme: string,
  shown?: Locator,
): Promise<void> {
  for (const width of [900, 1280]) {
    await page.setViewportSize({ width, height: 760 });
    await shown?.scrollIntoViewIfNeeded();
    const path = `${dir}${name}-${colorScheme}-${width}.png`;
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
    expect((await stat(path)).size).toBeGreaterThan(10_000);
  }
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
