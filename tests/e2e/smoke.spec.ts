import { expect, test } from './support/fixtures.ts';

test('the app opens on the sandbox account', async ({ page, app }) => {
  expect(app.account?.mode).toBe('api');
  await expect(page.getByRole('heading', { name: 'API keys' })).toBeVisible();
});
