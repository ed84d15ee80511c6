// Filter and sort: the text filter (label, service, owner), the environment and status filters,
// and sorting by each column header, which toggles its aria-sort.
import { setKeyEnabled, revokeKey } from '../../electron/core/key-lifecycle.ts';
import type { KeyView } from '../../shared/views.ts';
import { verifyKey } from '../../electron/core/key-verify.ts';
import { listKeys } from '../../electron/core/keys.ts';
import { backdate, seedKey } from './support/core.ts';
import { expect, test } from './support/fixtures.ts';
import { keyGrid, listedLabels, reloadList, rowOf } from './support/ui.ts';

const LIVE = ['alpha-checkout', 'beta-billing', 'delta-ci', 'eta-soon', 'gamma-search', 'zeta-due'];

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
type Column = 'label' | 'environment' | 'status' | 'createdAt' | 'lastUsedAt' | 'rotationDueAt';

/** The order a column sort should give: missing values last either way, ties by label. */
function sortedBy(keys: KeyView[], column: Column, direction: 'ascending' | 'descending') {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...keys]
    .sort((a, b) => {
      const x = a[column];
      const y = b[column];
      if (x === null || y === null)
        return x === y ? collator.compare(a.label, b.label) : x === null ? 1 : -1;
      return sign * collator.compare(x, y) || collator.compare(a.label, b.label);
    })
    .map((k) => k.label);
}

test.describe('the key list', () => {
  test.beforeEach(async ({ page, app }) => {
    await seedKey(app, 'alpha-checkout', {
      environment: 'production',
      service: 'checkout',
      owner: 'ana',
    });
    await seedKey(app, 'beta-billing', { environment: 'staging', service: 'billing', owner: 'bo' });
    const gamma = await seedKey(app, 'gamma-search', {
      environment: 'development',
      service: 'search',
      owner: 'chen',
    });
    const delta = await seedKey(app, 'delta-ci', { environment: 'staging', service: 'ci' });
    const eps = await seedKey(app, 'epsilon-old', { environment: 'development' });
    const zeta = await seedKey(app, 'zeta-due', {
      environment: 'production',
      rotationPeriodDays: 7,
    });
    await seedKey(app, 'eta-soon', { environment: 'qa', rotationPeriodDays: 10 });
    await setKeyEnabled(app.deps, { id: delta.id }, false);
    await revokeKey(app.deps, { id: eps.id }, 'epsilon-old');
    await backdate(app, zeta.id, 10);
    // Used keys get a last-used time from the server (the others have none).
    await verifyKey(app.deps, { id: gamma.id });
    await verifyKey(app.deps, { id: zeta.id });
    await reloadList(page, LIVE.length);
  });

  test('filters by text, environment and status', async ({ page }) => {
    const grid = keyGrid(page);
    const filter = page.getByRole('searchbox', { name: 'Filter keys' });
    const environment = page.getByRole('combobox', { name: 'Environment filter' });
    const status = page.getByRole('combobox', { name: 'Status filter' });
    await expect(status).toHaveValue('live');
    await expect(environment.getByRole('option')).toHaveText([
      'All environments',
      'development',
      'production',
      'qa',
      'staging',
    ]);
    expect(await listedLabels(page)).toEqual(LIVE);
    // Revoked keys are hidden by default, and the count says so rather than suggest a filter.
    await expect(page.getByText('6 keys · 1 revoked hidden', { exact: true })).toBeVisible();

    // Text matches the label, the service and the owner.
    await filter.fill('BIL');
    await expect(grid).toHaveAttribute('aria-rowcount', '2');
    expect(await listedLabels(page)).toEqual(['beta-billing']);
    await expect(page.getByText('1 of 7', { exact: true })).toBeVisible();
    await filter.fill('checkout');
    await expect.poll(() => listedLabels(page)).toEqual(['alpha-checkout']);
    await filter.fill('chen');
    await expect.poll(() => listedLabels(page)).toEqual(['gamma-search']);
    await filter.fill('');
    await expect(grid).toHaveAttribute('aria-rowcount', String(LIVE.length + 1));
    await expect(page.getByText('6 keys · 1 revoked hidden', { exact: true })).toBeVisible();

    await environment.selectOption({ label: 'staging' });
    await expect.poll(() => listedLabels(page)).toEqual(['beta-billing', 'delta-ci']);
    await status.selectOption({ label: 'Disabled' });
    await expect.poll(() => listedLabels(page)).toEqual(['delta-ci']);
    await expect(rowOf(page, 'delta-ci').getByText('Disabled', { exact: true })).toBeVisible();

    await environment.selectOption({ label: 'All environments' });
    await status.selectOption({ label: 'Revoked' });
    await expect.poll(() => listedLabels(page)).toEqual(['epsilon-old']);
    await expect(rowOf(page, 'epsilon-old').getByText('Revoked', { exact: true })).toBeVisible();
    await status.selectOption({ label: 'All keys' });
    await expect(grid).toHaveAttribute('aria-rowcount', '8');
    await expect(page.getByText('7 keys', { exact: true })).toBeVisible();
    await status.selectOption({ label: 'Active' });
    await expect
      .poll(() => listedLabels(page))
      .toEqual(['alpha-checkout', 'beta-billing', 'eta-soon', 'gamma-search', 'zeta-due']);
    await status.selectOption({ label: 'Pending' });
    await expect(page.getByText('No keys match the filters.')).toBeVisible();
    await status.selectOption({ label: 'Due for rotation' });
    await expect.poll(() => listedLabels(page)).toEqual(['eta-soon', 'zeta-due']);
    await expect(rowOf(page, 'zeta-due').getByText('Overdue', { exact: true })).toBeVisible();
    await expect(rowOf(page, 'eta-soon').getByText('Due soon', { exact: true })).toBeVisible();

    // Nothing matches: the list says so and offers to clear every filter.
    await filter.fill('nothing-like-this');
    await expect(grid).toHaveCount(0);
    await expect(page.getByText('No keys match the filters.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(filter).toHaveValue('');
    await expect(environment).toHaveValue('');
    // Back to the default view: live keys only.
    await expect(status).toHaveValue('live');
    await expect(grid).toHaveAttribute('aria-rowcount', String(LIVE.length + 1));
  });

  test('sorts by each column header, toggling aria-sort', async ({ page, app }) => {
    const views = await listKeys(app.deps);
    expect(views.map((k) => k.label).sort()).toEqual(LIVE);
    const headers = page.getByRole('columnheader');
    await expect(headers).toHaveText([
      'Label',
      'Environment',
      'Status',
      'Created',
      'Last used',
      'Rotation due',
    ]);
    // Default: label ascending.
    await expect(page.getByRole('columnheader', { name: 'Label' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    expect(await listedLabels(page)).toEqual(sortedBy(views, 'label', 'ascending'));

    // The sorted column flips on a click; any other column starts ascending.
    const steps: Array<[string, Column, Array<'ascending' | 'descending'>]> = [
      ['Label', 'label', ['descending', 'ascending']],
      ['Environment', 'environment', ['ascending', 'descending']],
      ['Status', 'status', ['ascending', 'descending']],
      ['Created', 'createdAt', ['ascending', 'descending']],
      ['Last used', 'lastUsedAt', ['ascending', 'descending']],
      ['Rotation due', 'rotationDueAt', ['ascending', 'descending']],
      ['Label', 'label', ['ascending', 'descending']],
    ];
    for (const [name, column, directions] of steps) {
      const header = page.getByRole('columnheader', { name });
      const button = header.getByRole('button', { name });
      for (const direction of directions) {
        await button.click();
        await expect(header).toHaveAttribute('aria-sort', direction);
        await expect(headers.and(page.locator('[aria-sort="none"]'))).toHaveCount(5);
        await expect
          .poll(() => listedLabels(page), { message: `${name} ${direction}` })
          .toEqual(sortedBy(views, column, direction));
      }
    }
  });
});
