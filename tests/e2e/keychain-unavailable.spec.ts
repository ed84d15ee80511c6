// No D-Bus session for the app: the keychain cannot be reached, and the window says so and how
// to fix it, instead of showing an empty list or falling back to anything.
import { expect, test } from './support/fixtures.ts';

test.use({ appOptions: { mode: 'api', keychain: 'none' } });

test('the keychain-unavailable screen explains the fix and offers Try again', async ({
  page,
  app,
}) => {
  expect(app.account).toBeNull();
  const heading = page.getByRole('heading', { name: 'The keychain is unavailable' });
  await expect(heading).toBeVisible();
  // Why, in the keychain's own words, and the fix for each OS, this computer's first.
  await expect(page.getByRole('alert')).not.toBeEmpty();
  const fixes = page.getByRole('group');
  await expect(fixes.first()).toHaveAccessibleName(/\(this computer\)$/);
  await expect(fixes.first()).toContainText(/gnome-keyring|Secret Service/i);
  await expect(page.getByText(/Keychain Access/i).first()).toBeVisible();
  await expect(page.getByText(/Credential Manager/i).first()).toBeVisible();
  // The list is not shown behind it, and nothing offers to store a key without a keychain.
  await expect(page.getByRole('heading', { name: 'API keys' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'New key' })).toHaveCount(0);
  // Try again asks the keychain again; it is still unreachable, so the screen stays.
  const retry = page.getByRole('button', { name: 'Try again' });
  await retry.click();
  await expect(retry).not.toHaveAttribute('aria-busy', 'true');
  await expect(heading).toBeVisible();
});
