// Reminders and Activity in the browser against the preview host: a key whose rotation falls
// due puts its count in the page title and shows under Due for rotation; the Activity dialog
// lists the whole audit trail newest first and filters it by key, account and action; axe finds
// no serious or critical violation in it, light and dark.
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { verifyKey } from '../../electron/core/key-verify.ts';
import { updateKeyMeta } from '../../electron/core/keys.ts';
import { backdate, seedKey } from './support/core.ts';
import { expect, test } from './support/fixtures.ts';
import { listedLabels, reloadList } from './support/ui.ts';

const openActivity = async (page: Page): Promise<Locator> => {
  await page.getByRole('button', { name: 'Activity', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Activity' });
  await expect(dialog.getByRole('list', { name: 'Events' })).toBeVisible();
  return dialog;
};

/** Each event's first words (its action), newest first. */
const actionsOf = (dialog: Locator) =>
  dialog
    .getByRole('list', { name: 'Events' })
    .getByRole('listitem')
    .locator('.audit__action')
    .allTextContents();

test.describe('reminders', () => {
  test('a due key is counted in the title and listed under Due for rotation', async ({
    page,
    app,
  }) => {
    // Production's 90 days, made 100 days ago: overdue. A 7-day period: due soon. Development
    // has no period: never due.
    const late = await seedKey(app, 'rem-late', { environment: 'production' });
    await backdate(app, late.id, 100);
    const soon = await seedKey(app, 'rem-soon', { environment: 'development' });
    await updateKeyMeta(app.deps, { id: soon.id }, { rotationPeriodDays: 7 });
    await seedKey(app, 'rem-never', { environment: 'development' });
    await reloadList(page, 3);
    await expect(page).toHaveTitle('ApexVerify Key Manager — 2 due');

    await page.getByRole('combobox', { name: 'Status filter' }).selectOption({
      label: 'Due for rotation',
    });
    await expect(page.getByRole('grid', { name: 'API keys' })).toHaveAttribute(
      'aria-rowcount',
      '3',
    );
    expect(await listedLabels(page)).toEqual(['rem-late', 'rem-soon']);
  });

  test('no key due: the plain title', async ({ page, app }) => {
    await seedKey(app, 'rem-calm', { environment: 'development' });
    await reloadList(page, 1);
    await expect(page).toHaveTitle('ApexVerify Key Manager');
  });
});

test.describe('the Activity dialog', () => {
  test('lists the whole trail newest first and filters by key, account and action', async ({
    page,
    app,
  }) => {
    const first = await seedKey(app, 'act-first');
    const second = await seedKey(app, 'act-second');
    await verifyKey(app.deps, { id: first.id });
    await updateKeyMeta(app.deps, { id: second.id }, { notes: 'moved' });
    await reloadList(page, 2);
    const dialog = await openActivity(page);

    const items = dialog.getByRole('list', { name: 'Events' }).getByRole('listitem');
    // The window's own start-up sync may add "Synced" events; the test's events are in order
    // among them, and every event is newer than the one below it.
    const ours = async () =>
      (await actionsOf(dialog)).filter((t) => !t.startsWith('Synced')).slice(0, 4);
    await expect
      .poll(ours)
      .toEqual([
        'Details edited — act-second · sandbox',
        'Verified — act-first · sandbox',
        'Generated — act-second · sandbox',
        'Generated — act-first · sandbox',
      ]);
    const times = await dialog
      .getByRole('list', { name: 'Events' })
      .locator('time')
      .evaluateAll((ts) => ts.map((t) => Date.parse(t.getAttribute('datetime') ?? '')));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(times.length).toBeGreaterThanOrEqual(5);

    await dialog.getByRole('combobox', { name: 'Key' }).selectOption({ label: 'act-first' });
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText('Verified — act-first');
    await expect(items.nth(1)).toContainText('Generated — act-first');

    await dialog.getByRole('combobox', { name: 'Key' }).selectOption({ label: 'All keys' });
    await dialog.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Generated' });
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText('Generated — act-second');

    await dialog.getByRole('combobox', { name: 'Account' }).selectOption({ label: 'sandbox' });
    await expect(items).toHaveCount(2);
    await dialog.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Revoked' });
    await expect(dialog.getByRole('status')).toHaveText('No events match these filters.');
    await expect(dialog.getByRole('list', { name: 'Events' })).toHaveCount(0);

    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);
  });

  for (const colorScheme of ['light', 'dark'] as const)
    test(`axe finds no serious or critical violation in it (${colorScheme})`, async ({
      page,
      app,
    }) => {
      await page.emulateMedia({ colorScheme });
      const key = await seedKey(app, 'act-axe');
      await verifyKey(app.deps, { id: key.id });
      await reloadList(page, 1);
      const dialog = await openActivity(page);
      await dialog.getByRole('combobox', { name: 'Key' }).selectOption({ label: 'act-axe' });
      await expect(dialog.getByRole('listitem')).toHaveCount(2);
      const { violations } = await new AxeBuilder({ page }).include('dialog[open]').analyze();
      const serious = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
      expect(serious, `axe (${colorScheme})`).toEqual([]);
    });
});
