// Verify all: a progress bar with counts that advance while the keys are checked, a Cancel that
// stops the run (keeping the results so far), and each key's outcome in its row.
import type { KeyView } from '../../shared/views.ts';
import { connectionChecked, seedKey, storedKey } from './support/core.ts';
import { expect, test } from './support/fixtures.ts';
import { keyGrid, reloadList, rowOf } from './support/ui.ts';

const COUNT = 25;
// Tall enough for every row to be rendered at once, so each row's outcome can be read.
test.use({ viewport: { width: 1280, height: 1400 } });

test('Verify all shows progress, can be cancelled, and shows each outcome in its row', async ({
  page,
  app,
}) => {
  const labels = Array.from({ length: COUNT }, (_, i) => `batch-${String(i).padStart(2, '0')}`);
  const keys: KeyView[] = [];
  for (const label of labels) keys.push(await seedKey(app, label));
  // One key was disabled on the server, behind the app's back: its check fails with 401. (A key
  // revoked there would be learned by the window's sync and shown as Revoked, hidden from this
  // view: sync.spec.ts covers that.)
  const rejected = keys[0];
  app.sandbox.setEnabled(rejected?.remoteId as string, false);
  await reloadList(page, COUNT);
  await connectionChecked(app);
  await expect(keyGrid(page).getByRole('row')).toHaveCount(COUNT + 1);

  // Slow answers, so progress can be watched, and then slower ones: the run cannot finish before
  // the Cancel below however busy the machine is (the remaining 21 keys take 6 rounds of 2.5 s).
  app.sandbox.addFault({ path: '/v1/account/credits', latencyMs: 300, times: 4 });
  app.sandbox.addFault({ path: '/v1/account/credits', latencyMs: 2500, times: Infinity });
  await page.getByRole('button', { name: 'Verify all' }).click();
  const bar = page.getByRole('progressbar', { name: 'Verify all progress' });
  const group = page.getByRole('group', { name: 'Verify all' });
  await expect(bar).toHaveAttribute('aria-valuemax', String(COUNT));
  await expect(group).toContainText('Verifying keys…');
  await expect(page.getByRole('button', { name: 'Verify all' })).toBeDisabled();
  await expect(keyGrid(page).getByText('Checking…').first()).toBeVisible();
  // The counts advance: a value strictly between none and all is seen while it runs.
  await expect(bar).toHaveAttribute('aria-valuenow', /^([1-9]|1\d|2[0-4])$/);
  await expect(bar).toHaveAttribute('aria-valuetext', new RegExp(`^\\d+ of ${COUNT}$`));

  await group.getByRole('button', { name: 'Cancel' }).click();
  await expect(group).toContainText('Verify all cancelled');
  await expect(group.getByRole('button', { name: 'Dismiss' })).toBeVisible();
  const done = Number(await bar.getAttribute('aria-valuenow'));
  expect(done).toBeGreaterThan(0);
  expect(done).toBeLessThan(COUNT);
  await expect(bar).toHaveAttribute('aria-valuetext', `${done} of ${COUNT}`);
  await expect(group).toContainText(new RegExp(`${done} of ${COUNT} · \\d+ OK · \\d+ failed`));
  // The keys it reached were checked and recorded; the others were left alone.
  await expect(keyGrid(page).getByText('Checking…')).toHaveCount(0);
  await expect
    .poll(async () => {
      const stored = await Promise.all(keys.map((k) => storedKey(app, k.id)));
      return stored.filter((k) => k?.lastVerification).length;
    })
    .toBe(done);

  // Run it again to the end, at full speed.
  app.sandbox.clearFaults();
  await group.getByRole('button', { name: 'Dismiss' }).click();
  await expect(bar).toHaveCount(0);
  await page.getByRole('button', { name: 'Verify all' }).click();
  await expect(group).toContainText('Verify all finished');
  await expect(bar).toHaveAttribute('aria-valuenow', String(COUNT));
  await expect(group).toContainText(`${COUNT} of ${COUNT} · ${COUNT - 1} OK · 1 failed`);

  // Each row shows its own outcome.
  await expect(
    rowOf(page, rejected?.label as string).getByText('Rejected (401)', { exact: true }),
  ).toBeVisible();
  for (const label of labels.slice(1))
    await expect(rowOf(page, label).getByText('Verified', { exact: true })).toBeVisible();
  expect((await storedKey(app, rejected?.id as string))?.lastVerification?.outcome).toBe(
    'unauthorized',
  );
});
