// The window's landmarks by role and accessible name, and the few checks several specs share.
import { expect, type Locator, type Page } from '@playwright/test';

export const keyGrid = (page: Page): Locator => page.getByRole('grid', { name: 'API keys' });

/** The grid row showing the key with exactly this label. */
export const rowOf = (page: Page, label: string): Locator =>
  keyGrid(page)
    .getByRole('row')
    .filter({ has: page.getByText(label, { exact: true }) });

export const detailsOf = (page: Page, label: string): Locator =>
  page.getByRole('region', { name: label, exact: true });

/** Reloads the window (after seeding through the core) and waits for this many listed keys. */
export async function reloadList(page: Page, listed: number): Promise<void> {
  await page.reload();
  await expect(keyGrid(page)).toHaveAttribute('aria-rowcount', String(listed + 1));
}

/** Opens a key's details by clicking its row; returns the details region. */
export async function openDetails(page: Page, label: string): Promise<Locator> {
  await rowOf(page, label).click();
  const panel = detailsOf(page, label);
  await expect(panel).toBeVisible();
  await expect(rowOf(page, label)).toHaveAttribute('aria-selected', 'true');
  return panel;
}

/** The labels of the rows in the DOM, in grid order (aria-rowindex). */
export function listedLabels(page: Page): Promise<string[]> {
  return keyGrid(page).evaluate((grid) =>
    [...grid.querySelectorAll<HTMLElement>('[role="row"][data-key-id]')]
      .sort((a, b) => Number(a.ariaRowIndex) - Number(b.ariaRowIndex))
      .map((r) => r.querySelector('[role="gridcell"] .key-label')?.textContent ?? ''),
  );
}

/** The ids of the rows in the DOM, in grid order. */
export function listedIds(page: Page): Promise<string[]> {
  return keyGrid(page).evaluate((grid) =>
    [...grid.querySelectorAll<HTMLElement>('[role="row"][data-key-id]')]
      .sort((a, b) => Number(a.ariaRowIndex) - Number(b.ariaRowIndex))
      .map((r) => r.dataset.keyId ?? ''),
  );
}

/**
 * Whether a secret is shown in this element's text. A boolean on purpose: an assertion message
 * must never carry the secret into the test report.
 */
export async function expectShowsSecret(where: Locator, secret: string): Promise<void> {
  await expect
    .poll(async () => (await where.textContent())?.includes(secret) ?? false, {
      message: 'the revealed key is the secret the keychain holds',
    })
    .toBe(true);
}

/** How the focused element shows focus: its outline and box-shadow, or null when nothing is. */
export function focusIndicator(
  page: Page,
): Promise<{ what: string; outline: string; shadow: string; visible: boolean } | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body) return null;
    const cs = getComputedStyle(el);
    const outline =
      cs.outlineStyle !== 'none' && Number.parseFloat(cs.outlineWidth) > 0
        ? `${cs.outlineWidth} ${cs.outlineStyle} ${cs.outlineColor}`
        : 'none';
    const shadow = cs.boxShadow;
    const label = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
    return {
      what: `${el.tagName.toLowerCase()}[role=${el.getAttribute('role') ?? ''}] ${label}`,
      outline,
      shadow,
      visible: outline !== 'none' || (shadow !== 'none' && shadow !== ''),
    };
  });
}

/** The focused element shows a visible focus indicator (outline or box-shadow). */
export async function expectFocusVisible(page: Page): Promise<void> {
  const f = await focusIndicator(page);
  expect(f, 'something has focus').not.toBeNull();
  expect(f?.visible, `focus is visible on ${f?.what}`).toBe(true);
}
