// Reminders and Activity in the browser against the preview host: a key whose rotation falls
// due puts its count in the page title and shows under Due for rotation; the Activity dialog
// lists the whole audit trail newest first and filters it by key, account and action, keeps only
// the events in view in the DOM of a long trail (scrolled by the keyboard); axe finds no serious
// or critical violation in it filtered to one key, light and dark (with screenshots at 900 and
// 1280 px: activity-filtered-*.png).
import { appendFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { verifyKey } from '../../electron/core/key-verify.ts';
import { updateKeyMeta } from '../../electron/core/keys.ts';
import { backdate, seedKey } from './support/core.ts';
import { checkDialogBothSchemes } from './support/dialog-check.ts';
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
  test('lists the whole trail newest first and filters by key, account and action; axe', async ({
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
    // The times of the test's own events (the CLI's). A "Synced" of the window's start-up sync
    // is left out: the app stamps an event before appending it, and while the page is still
    // loading its append can land after a CLI event stamped later.
    const times = await items.evaluateAll((lis) =>
      lis
        .filter((li) => !li.querySelector('.audit__action')?.textContent?.startsWith('Synced'))
        .map((li) => Date.parse(li.querySelector('time')?.getAttribute('datetime') ?? '')),
    );
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(times.length).toBeGreaterThanOrEqual(5);

    await dialog.getByRole('combobox', { name: 'Key' }).selectOption({ label: 'act-first' });
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText('Verified — act-first');
    await expect(items.nth(1)).toContainText('Generated — act-first');
    // Filtered to one key's two events: axe and the screenshots, in both schemes, here in this
    // flow rather than in a flow of its own per scheme.
    await checkDialogBothSchemes(page, 'activity-filtered');

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

  test('a long trail is virtualized: few events in the DOM, all of them by the keyboard', async ({
    page,
    app,
  }) => {
    const key = await seedKey(app, 'act-long');
    // 1500 copies of it after its generation, written as the CLI appends them.
    const line = JSON.stringify({
      at: new Date().toISOString(),
      action: 'copied',
      actor: 'cli',
      keyId: key.id,
      accountId: key.accountId,
      label: key.label,
      fingerprint: key.fingerprint,
      outcome: 'ok',
    });
    appendFileSync(app.deps.audit.path, `${line}\n`.repeat(1500));
    await reloadList(page, 1);
    const dialog = await openActivity(page);
    await dialog.getByRole('combobox', { name: 'Key' }).selectOption({ label: 'act-long' });
    await expect(dialog.getByRole('status')).toHaveText('1501 events, newest first.');

    const list = dialog.getByRole('list', { name: 'Events' });
    const items = list.getByRole('listitem');
    await expect(items.first()).toHaveAttribute('aria-setsize', '1501');
    await expect(items.first()).toHaveAttribute('aria-posinset', '1');
    expect(await items.count()).toBeLessThan(100);
    // The list takes focus and scrolls by the keyboard: End reaches the oldest event.
    await list.focus();
    await page.keyboard.press('End');
    const oldest = list.locator('li[aria-posinset="1501"]');
    await expect(oldest).toBeInViewport();
    await expect(oldest).toContainText('Generated — act-long');
    expect(await items.count()).toBeLessThan(100);
    await page.keyboard.press('Home');
    await expect(list.locator('li[aria-posinset="1"]')).toBeInViewport();
  });
});
