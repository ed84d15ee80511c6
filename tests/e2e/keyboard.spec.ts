// Keyboard: Ctrl+F focuses the filter (Esc there clears it), Ctrl+N opens New key, Tab reaches
// the grid, arrows/Home/End move between rows, Right/Left step onto a row's dates, Enter opens
// the focused key, Delete opens Revoke, Esc closes. Focus is visible at every stop.
import { seedKey, storedKey } from './support/core.ts';
import { expect, test } from './support/fixtures.ts';
import {
  detailsOf,
  expectFocusVisible,
  focusIndicator,
  keyGrid,
  reloadList,
  rowOf,
} from './support/ui.ts';

test('the window works from the keyboard, with focus always visible', async ({ page, app }) => {
  await seedKey(app, 'kb-alpha');
  const beta = await seedKey(app, 'kb-beta');
  await seedKey(app, 'kb-gamma');
  await reloadList(page, 3);
  const grid = keyGrid(page);
  const filter = page.getByRole('searchbox', { name: 'Filter keys' });

  // Ctrl+F: the filter. Esc in it clears the search and keeps focus there.
  await page.keyboard.press('Control+f');
  await expect(filter).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.type('beta');
  await expect(grid).toHaveAttribute('aria-rowcount', '2');
  await page.keyboard.press('Escape');
  await expect(filter).toHaveValue('');
  await expect(filter).toBeFocused();
  await expect(grid).toHaveAttribute('aria-rowcount', '4');

  // Ctrl+N: New key, on its Label field; Esc closes it and focus goes back.
  await page.keyboard.press('Control+n');
  const newKey = page.getByRole('dialog', { name: 'New key' });
  await expect(newKey).toBeVisible();
  await expect(newKey.getByRole('textbox', { name: 'Label' })).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.press('Escape');
  await expect(newKey).toHaveCount(0);
  await expect(filter).toBeFocused();

  // Tab on to the grid; every stop on the way shows where focus is.
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('Tab');
    await expectFocusVisible(page);
    if ((await focusIndicator(page))?.what.includes('[role=row]')) break;
  }
  const alpha = rowOf(page, 'kb-alpha');
  await expect(alpha).toBeFocused();

  // Arrows, End and Home move between rows.
  await page.keyboard.press('ArrowDown');
  await expect(rowOf(page, 'kb-beta')).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.press('End');
  await expect(rowOf(page, 'kb-gamma')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(alpha).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(alpha).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const row = rowOf(page, 'kb-beta');
  await expect(row).toBeFocused();

  // Right steps onto the row's date, whose exact time shows as a tooltip; Left steps back.
  await page.keyboard.press('ArrowRight');
  const created = row.locator('time').first();
  await expect(created).toBeFocused();
  await expectFocusVisible(page);
  const exact = (await created.getAttribute('title')) ?? '';
  expect(exact).not.toBe('');
  await expect(created).toHaveAccessibleDescription(exact);
  await expect(page.getByRole('tooltip').filter({ visible: true })).toHaveText(exact);
  await page.keyboard.press('ArrowLeft');
  await expect(row).toBeFocused();
  await expect(page.getByRole('tooltip').filter({ visible: true })).toHaveCount(0);

  // Enter opens the focused key; Esc closes it and focus returns to its row.
  await page.keyboard.press('Enter');
  const panel = detailsOf(page, 'kb-beta');
  await expect(panel).toBeVisible();
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(row).toBeFocused();
  await expect(row).toHaveAttribute('aria-selected', 'false');
  await expectFocusVisible(page);

  // Delete opens Revoke for the focused key; Esc closes it without revoking.
  await page.keyboard.press('Delete');
  const revoke = page.getByRole('alertdialog', { name: 'Revoke “kb-beta”' });
  await expect(revoke).toBeVisible();
  await expect(revoke.getByRole('textbox', { name: 'Type the label to confirm' })).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.press('Escape');
  await expect(revoke).toHaveCount(0);
  await expect(row).toBeFocused();
  expect((await storedKey(app, beta.id))?.status).toBe('active');

  // Enter again, then Tab through the details: focus stays visible there too.
  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    await expectFocusVisible(page);
  }
});
