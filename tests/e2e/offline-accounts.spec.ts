// Offline per account: with two accounts, stopping one server disables only that account's
// keys' network actions (each naming the account), the banner names it and since when, the other
// account's keys still verify, and Try again for that account brings its buttons back.
import { addAccount } from '../../electron/core/accounts.ts';
import { generateKey } from '../../electron/core/keys.ts';
import { startSandboxServer } from '../../electron/sandbox/server.ts';
import { seedKey } from './support/core.ts';
import { expect, test } from './support/fixtures.ts';
import { openDetails, reloadList } from './support/ui.ts';

test('one unreachable account leaves the other working', async ({ page, app }) => {
  const second = await startSandboxServer({ port: 0, keyApi: true, rpm: 6000 });
  const port = second.port;
  let back: Awaited<ReturnType<typeof startSandboxServer>> | null = null;
  try {
    await addAccount(app.deps, {
      name: 'second',
      baseUrl: second.url,
      secret: second.bootstrapKey as string,
    });
    await seedKey(app, 'first-key', { environment: 'staging' });
    await generateKey(app.deps, { account: 'second', label: 'second-key', environment: 'staging' });
    await second.close();
    await reloadList(page, 2);

    const banner = page.getByRole('alert').filter({ hasText: /^Offline: / });
    await expect(banner).toContainText(
      `ApexVerify at ${second.url} (account “second”) cannot be reached since`,
    );
    await expect(banner).not.toContainText('account “sandbox”');
    const retry = banner.getByRole('button', { name: 'Try again for “second”' });
    await expect(retry).toBeVisible();

    // The stopped account's keys say why they cannot, naming the account.
    const down = await openDetails(page, 'second-key');
    for (const name of ['Verify', 'Revoke…', 'Disable']) {
      const button = down.getByRole('button', { name, exact: true });
      await expect(button).toBeDisabled();
      await expect(button).toHaveAccessibleDescription(/\(account “second”\) cannot be reached/);
    }
    // Verify all still runs for the reachable account.
    await expect(page.getByRole('button', { name: 'Verify all' })).toBeEnabled();

    // The other account's key still verifies.
    const up = await openDetails(page, 'first-key');
    await up.getByRole('button', { name: 'Verify', exact: true }).click();
    await expect(up.getByRole('group', { name: 'Last verification' })).toContainText(
      'Works: ApexVerify accepted the key.',
    );

    // Back on the same address: Try again for that account brings its buttons back.
    back = await startSandboxServer({ port, keyApi: true });
    await retry.click();
    await expect(banner).toHaveCount(0);
    const again = await openDetails(page, 'second-key');
    await expect(again.getByRole('button', { name: 'Verify', exact: true })).toBeEnabled();
  } finally {
    await back?.close();
  }
});
