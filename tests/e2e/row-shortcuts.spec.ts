// Row shortcuts (Enter, Delete) act only on the focused row, and only while a row has focus
// (issue 11, item 5): never on a remembered row that is off screen or not selected.
import { seedKey } from './support/core.ts';
import { expect, test } from './support/fixtures.ts';
import { keyGrid, reloadList, rowOf } from './support/ui.ts';

test('Delete and Enter do nothing unless a row has focus', async ({ page, app }) => {
  for (const label of ['auth-a', 'auth-b', 'auth-c']) await seedKey(app, label);
  await reloadList(page, 3);
  const revoke = page.getByRole('alertdialog');

  // Focus a row (it becomes the active one), then move focus to a column header and re-sort.
  await rowOf(page, 'auth-b').focus();
  await expect(rowOf(page, 'auth-b')).toBeFocused();
  const sortLabel = keyGrid(page).getByRole('button', { name: 'Label' });
  await sortLabel.click();
  await expect(sortLabel).toBeFocused();
  await page.keyboard.press('Delete');
  await page.keyboard.press('Enter'); // on the header: re-sorts, opens no key
  await expect(revoke).toHaveCount(0);
  await expect(page.getByRole('region', { name: /^auth-/ })).toHaveCount(0);

  // On the filter box and on the page body, Delete opens nothing either.
  await page.getByRole('searchbox', { name: 'Filter keys' }).focus();
  await page.keyboard.press('Delete');
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('Delete');
  await expect(revoke).toHaveCount(0);

  // With a row focused, both act on that row.
  await rowOf(page, 'auth-c').focus();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('alertdialog', { name: 'Revoke “auth-c”' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(revoke).toHaveCount(0);
  await expect(rowOf(page, 'auth-c')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'auth-c', exact: true })).toBeVisible();
});
