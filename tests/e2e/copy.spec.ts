// Copy: the key goes to the clipboard (held by the host, never the page), a status counts down
// to the clipboard clearing, then says it was cleared and goes away.
import { updateSettings } from '../../electron/core/settings.ts';
import { auditOf, seedKey } from './support/core.ts';
import { expect, test } from './support/fixtures.ts';
import { openDetails, reloadList } from './support/ui.ts';

test('Copy counts down to the clipboard clearing, then says it was cleared', async ({
  page,
  app,
}) => {
  const key = await seedKey(app, 'copy-me');
  // A short delay, so the whole countdown runs in the test (the default is 30 s), yet long enough
  // that a busy machine still shows the countdown before the clipboard clears.
  await updateSettings(app.deps, { clipboardClearSec: 6 });
  await reloadList(page, 1);
  const panel = await openDetails(page, 'copy-me');

  await panel.getByRole('button', { name: 'Copy', exact: true }).click();
  const status = page
    .getByRole('status')
    .filter({ hasText: /^(Copied\. Clipboard clears in \d+ s|The key was cleared)/ });
  await expect(status).toHaveText(/^Copied\. Clipboard clears in [1-6] s$/);
  const first = Number((await status.textContent())?.match(/in (\d) s/)?.[1]);
  // It counts down: a smaller number follows (each lasts a second, so it cannot be missed).
  if (first > 1)
    await expect(status).toHaveText(
      new RegExp(`^Copied\\. Clipboard clears in [1-${first - 1}] s$`),
    );
  await expect(status).toHaveText('The key was cleared from the clipboard.');
  // It lingers a moment, then the footer is quiet again.
  await expect(status).toHaveCount(0);

  expect(await auditOf(app, key.id)).toEqual(['cli:generated:ok', 'app:copied:ok']);
  await expect(panel.getByRole('list', { name: 'Audit trail' })).toContainText(
    'Copied to the clipboard',
  );
});
