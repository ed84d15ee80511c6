// The sandbox stops: the window shows an offline banner with the reason, and network actions are
// disabled with that reason, while the local list stays usable. When ApexVerify answers again,
// Try again brings the window back online.
import { startSandboxServer } from '../../electron/sandbox/server.ts';
import { seedKey } from './support/core.ts';
import { expect, test } from './support/fixtures.ts';
import { openDetails, reloadList, rowOf } from './support/ui.ts';

test('the offline banner appears when ApexVerify cannot be reached', async ({ page, app }) => {
  await seedKey(app, 'offline-key', { environment: 'staging' });
  const port = app.sandbox.port;
  await app.sandbox.close();
  await reloadList(page, 1);

  const banner = page.getByRole('alert').filter({ hasText: /^Offline: / });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(`ApexVerify at ${app.sandbox.url}`);
  await expect(banner).toContainText('cannot be reached');
  await expect(page.getByText('ApexVerify unreachable')).toBeVisible();

  // The list still works offline.
  await expect(rowOf(page, 'offline-key')).toBeVisible();
  const verifyAll = page.getByRole('button', { name: 'Verify all' });
  await expect(verifyAll).toBeDisabled();
  await expect(verifyAll).toHaveAccessibleDescription(/Unavailable while offline/);
  await expect(page.getByRole('button', { name: 'New key' })).toBeEnabled();
  const panel = await openDetails(page, 'offline-key');
  for (const name of ['Verify', 'Revoke…', 'Disable']) {
    const button = panel.getByRole('button', { name, exact: true });
    await expect(button).toBeDisabled();
    // The reason names the account whose server cannot be reached.
    await expect(button).toHaveAccessibleDescription(
      /^Unavailable: ApexVerify at .+ \(account “sandbox”\) cannot be reached since /,
    );
  }
  // Copy, Reveal and .env files need no network.
  for (const name of ['Copy', 'Reveal', 'Write to .env…'])
    await expect(panel.getByRole('button', { name, exact: true })).toBeEnabled();
  // A disabled button does nothing when clicked.
  await panel.getByRole('button', { name: 'Revoke…' }).click({ force: true });
  await expect(page.getByRole('alertdialog')).toHaveCount(0);

  // Still down: Try again keeps the banner.
  await banner.getByRole('button', { name: 'Try again' }).click();
  await expect(banner.getByRole('button', { name: 'Try again' })).not.toHaveAttribute(
    'aria-busy',
    'true',
  );
  await expect(banner).toBeVisible();

  // ApexVerify is back (a server on the same address): Try again clears the banner.
  const back = await startSandboxServer({ port, keyApi: true });
  try {
    await banner.getByRole('button', { name: 'Try again' }).click();
    await expect(banner).toHaveCount(0);
    await expect(page.getByText(/^Connected · Keys in the OS keychain/)).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Verify', exact: true })).toBeEnabled();
    await expect(verifyAll).toBeEnabled();
  } finally {
    await back.close();
  }
});
