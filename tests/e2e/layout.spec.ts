// The key grid never overlaps or clips (issue 11, items 1, 6 and 18): with 100+ keys with long
// labels on three accounts, at the window's minimum width, 900, 1280 and 1600 px, with and
// without the details panel, no two cells of a row overlap, no header or cell text is clipped
// (an ellipsis is allowed where a title holds the text), the header follows the columns, the
// columns give way in the stated order and what gives way stays in the row. The same for the
// Accounts dialog's table, and for the empty state at 900x600. Screenshots of each width are
// written to test-results/screenshots/layout-*.png.
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { addAccount } from '../../electron/core/accounts.ts';
import { revokeKey, setKeyEnabled } from '../../electron/core/key-lifecycle.ts';
import { verifyKey } from '../../electron/core/key-verify.ts';
import { generateKey, listKeys } from '../../electron/core/keys.ts';
import { startRotation } from '../../electron/core/rotation/index.ts';
import type { Sandbox } from '../../electron/sandbox/server.ts';
import type { KeyView } from '../../shared/views.ts';
import { backdate, storedKey } from './support/core.ts';
import type { AppHandle } from './support/app.ts';
import { startSandboxes } from './support/extra-sandboxes.ts';
import { expect, test } from './support/fixtures.ts';
import { layoutProblems, shownColumns } from './support/layout.ts';
import { keyGrid, listedLabels, openDetails, reloadList } from './support/ui.ts';

const dir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const windowTs = readFileSync(new URL('../../electron/main/window.ts', import.meta.url), 'utf8');
/** The Electron window's minimum width, as electron/main/window.ts sets it. */
const MIN_WIDTH = Number(/minWidth: (\d+)/.exec(windowTs)?.[1]);

/** The order in which columns give way as the list narrows (grid.css): first to last. */
const GIVE_WAY = ['Created', 'Last used', 'Account', 'Environment'];

async function screenshot(page: Page, name: string): Promise<void> {
  const path = `${dir}${name}.png`;
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  expect((await stat(path)).size).toBeGreaterThan(10_000);
}

const SERVICES = ['checkout', 'identity-verification-pipeline', 'billing', '', 'search-indexer'];
const ENVIRONMENTS = ['production', 'staging', 'development', 'qa', 'pre-production-europe-west'];

/** 105 keys on three accounts, long labels among them, in every state a row can show. */
async function seedMany(app: AppHandle, extra: Sandbox[]): Promise<void> {
  const accounts = ['sandbox'];
  for (const [i, server] of extra.entries()) {
    const name = i === 0 ? 'payments-team-production-europe-west' : 'ml-platform';
    await addAccount(app.deps, { name, baseUrl: server.url, secret: server.bootstrapKey ?? '' });
    accounts.push(name);
  }
  const keys: KeyView[] = [];
  for (let i = 0; i < 105; i++) {
    const service = SERVICES[i % SERVICES.length] as string;
    const label =
      i % 7 === 0
        ? `customer-notifications-webhook-dispatcher-eu-west-${i}`
        : `${service || 'key'}-${i}`;
    keys.push(
      await generateKey(app.deps, {
        account: accounts[i % accounts.length] as string,
        label,
        environment: ENVIRONMENTS[i % ENVIRONMENTS.length] as string,
        service,
        rotationPeriodDays: i % 4 === 0 ? null : i % 4 === 1 ? 10 : 30,
      }),
    );
  }
  const at = (i: number) => keys[i] as KeyView;
  // Overdue, due soon, verified, rejected (401), disabled, revoked, and a rotation under way.
  for (const i of [2, 10, 18]) await backdate(app, at(i).id, 40);
  for (const i of [3, 6, 9, 12]) await verifyKey(app.deps, { id: at(i).id });
  const rejected = await storedKey(app, at(15).id);
  app.sandbox.revokeKey(rejected?.remoteId as string);
  await verifyKey(app.deps, { id: at(15).id });
  for (const i of [5, 14, 21]) await setKeyEnabled(app.deps, { id: at(i).id }, false);
  await revokeKey(app.deps, { id: at(30).id }, at(30).label);
  await startRotation(app.deps, { id: at(0).id });
}

/** The columns that gave way were the first ones in GIVE_WAY, and their facts stay in the row. */
async function expectGivenWayInOrder(page: Page, views: Map<string, KeyView>): Promise<void> {
  const shown = await shownColumns(keyGrid(page));
  const gone = GIVE_WAY.filter((c) => !shown.includes(c));
  expect(gone, `columns gone at ${shown.join(', ')}`).toEqual(GIVE_WAY.slice(0, gone.length));
  expect(shown).toEqual(expect.arrayContaining(['Label', 'Status', 'Rotation due']));
  const lines = await keyGrid(page).evaluate((g) =>
    [...g.querySelectorAll<HTMLElement>('[role="row"][data-key-id]')].map((r) => ({
      label: r.querySelector('.key-label')?.textContent ?? '',
      line: r.querySelector<HTMLElement>('[role="gridcell"]')?.innerText ?? '',
    })),
  );
  for (const { label, line } of lines) {
    const k = views.get(label);
    if (!k || line.includes('Rotation') || line.includes('Rotating')) continue;
    if (gone.includes('Account')) expect(line, label).toContain(k.account);
    if (gone.includes('Environment')) expect(line, label).toContain(k.environment);
  }
}

/**
 * aria-colcount and each shown cell's aria-colindex describe the columns shown: a column CSS hides
 * leaves the accessibility tree, so "column 3 of 4" is what the eye sees (use-shown-columns.ts).
 */
async function expectColumnsDescribed(page: Page, state: string): Promise<void> {
  const grid = keyGrid(page);
  const shown = await shownColumns(grid);
  await expect(grid, state).toHaveAttribute('aria-colcount', String(shown.length));
  const expected = shown.map((_, i) => String(i + 1)).join(',');
  const described = () =>
    grid.evaluate((g) => {
      const rows = [...g.querySelectorAll<HTMLElement>('[role="row"]')];
      const indexes = rows.map((r) =>
        [...r.querySelectorAll<HTMLElement>('[role="gridcell"], [role="columnheader"]')]
          .filter((c) => c.getClientRects().length > 0)
          .map((c) => c.getAttribute('aria-colindex'))
          .join(','),
      );
      return [...new Set(indexes)];
    });
  await expect.poll(described, { message: state }).toEqual([expected]);
}

test('the key grid and the Accounts table never overlap or clip, at any width', async ({
  page,
  app,
}) => {
  test.slow();
  expect(MIN_WIDTH).toBeGreaterThan(0);
  const extra = await startSandboxes(['api', 'api']);
  try {
    await seedMany(app, extra.servers);
    const views = new Map((await listKeys(app.deps)).map((k) => [k.label, k]));
    const listed = [...views.values()].filter((k) => k.status !== 'revoked').length;
    expect(listed).toBeGreaterThan(100);
    await reloadList(page, listed);
    const grid = keyGrid(page);

    for (const width of [MIN_WIDTH, 900, 1280, 1600]) {
      await page.setViewportSize({ width, height: 800 });
      for (const details of [false, true]) {
        if (details) await openDetails(page, (await listedLabels(page))[0] as string);
        else if (await page.getByRole('button', { name: 'Close details' }).isVisible())
          await page.getByRole('button', { name: 'Close details' }).click();
        const state = `${width} px${details ? ', details open' : ''}`;
        // Waits for the list to lay out at the new width (the virtualizer re-renders on resize).
        await expect.poll(() => layoutProblems(grid, 'grid'), { message: state }).toEqual([]);
        // Nor does the window: its toolbar and filters wrap rather than push past the edge.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          width,
        );
        await expectGivenWayInOrder(page, views);
        await expectColumnsDescribed(page, state);
        await screenshot(page, `layout-${width}${details ? '-details' : ''}`);
      }
      // With every column shown when there is room.
      if (width === 1600)
        expect(await shownColumns(grid)).toEqual([
          'Label',
          'Account',
          'Environment',
          'Status',
          'Created',
          'Last used',
          'Rotation due',
        ]);

      await page.getByRole('button', { name: 'Accounts' }).click();
      const dialog = page.getByRole('dialog', { name: 'Accounts' });
      const table = dialog.getByRole('table', { name: 'Accounts' });
      await expect(table.getByRole('row')).toHaveCount(4);
      await expect.poll(() => layoutProblems(table, 'table')).toEqual([]);
      await screenshot(page, `layout-accounts-${width}`);
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
    }

    // A disabled key's Rotation heading keeps its line; why it cannot be rotated goes below.
    await page.setViewportSize({ width: 1280, height: 800 });
    const panel = await openDetails(page, 'checkout-5');
    const rotation = panel.getByRole('group', { name: 'Rotation' });
    const why = rotation.getByText('A disabled key cannot be rotated', { exact: false });
    const button = (await rotation.getByRole('button', { name: 'Rotate…' }).boundingBox())!;
    expect((await why.boundingBox())!.y).toBeGreaterThanOrEqual(button.y + button.height);
    await screenshot(page, 'layout-disabled-details');

    // In dark, the dialog's backdrop dims the window visibly.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('button', { name: 'Accounts' }).click();
    const backdrop = await page
      .getByRole('dialog', { name: 'Accounts' })
      .evaluate((d) => getComputedStyle(d, '::backdrop').backgroundColor);
    expect(
      Number(/\/ ([\d.]+)\)|, ([\d.]+)\)$/.exec(backdrop)?.slice(1).find(Boolean)),
    ).toBeGreaterThan(0.6);
    await screenshot(page, 'layout-accounts-dark');
  } finally {
    await extra.close();
  }
});

test('the empty state keeps its buttons whole at 900x600', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 600 });
  const empty = page.getByRole('group', { name: 'No keys yet' });
  await expect(empty.getByRole('button', { name: 'Create your first key' })).toBeVisible();
  await expect(empty.getByRole('button', { name: 'Add account…' })).toBeAttached();
  await expect.poll(() => layoutProblems(empty, 'box')).toEqual([]);
  await screenshot(page, 'layout-empty-900x600');
});
