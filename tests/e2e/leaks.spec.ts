// The leak check, made explicit: after generate, copy, reveal and hide, write to .env and
// verify, neither the DOM (with input values), Web Storage nor the renderer's state holds a
// secret. While Reveal shows one, the same check does see it, so it can catch a leak.
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { makeTempDir } from '../helpers/tmp.ts';
import { storedByLabel } from './support/core.ts';
import { expect, test } from './support/fixtures.ts';
import { expectNoSecrets, pageSnapshot } from './support/leaks.ts';
import { detailsOf, expectShowsSecret } from './support/ui.ts';

/** The three places, apart, so a failure says which one leaked. */
function places(page: Page) {
  return page.evaluate(() => {
    const storage = (s: Storage) =>
      Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i) ?? '')}`).join();
    const w = window as unknown as { __apexKeysState?: () => unknown };
    return {
      dom: document.documentElement.outerHTML,
      inputs: Array.from(document.querySelectorAll('input, textarea'))
        .map((e) => (e as HTMLInputElement).value)
        .join('\n'),
      storage: storage(localStorage) + storage(sessionStorage),
      state: JSON.stringify(w.__apexKeysState?.() ?? null),
    };
  });
}

async function expectNowhere(page: Page, secrets: string[]) {
  const p = await places(page);
  for (const secret of secrets)
    for (const [where, text] of Object.entries(p))
      expect(text.includes(secret), `a secret is in the page's ${where}`).toBe(false);
}

test('no secret stays in the page after generate, copy, reveal, .env and verify', async ({
  page,
  app,
}) => {
  // Generate, and reveal the key in the shown-once panel.
  await page.getByRole('button', { name: 'New key' }).click();
  const dialog = page.getByRole('dialog', { name: 'New key' });
  await dialog.getByRole('textbox', { name: 'Label' }).fill('leak-probe');
  await dialog.getByRole('button', { name: 'Generate' }).click();
  await expect(dialog.getByRole('heading', { name: 'Key generated: leak-probe' })).toBeVisible();
  const [record] = await storedByLabel(app, 'leak-probe');
  const secret = await app.deps.vault.get(record?.id as string);
  const all = await app.secrets();
  expect(all).toContain(secret);
  await dialog.getByRole('button', { name: 'Reveal' }).click();
  await expectShowsSecret(dialog.getByRole('group', { name: 'Revealed key' }), secret);
  // While shown it is in the DOM, and the check sees it there (and only there).
  const shown = await places(page);
  expect(shown.dom.includes(secret), 'the check sees the revealed key').toBe(true);
  expect(shown.state.includes(secret), 'the store never holds it').toBe(false);
  expect((await pageSnapshot(page)).includes(secret)).toBe(true);
  await dialog.getByRole('button', { name: 'Hide' }).click();
  await expectNowhere(page, all);
  await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Copied. Clipboard clears in');
  await dialog.getByRole('button', { name: 'Done' }).click();
  const panel = detailsOf(page, 'leak-probe');
  await expect(panel).toBeVisible();

  // Copy from the details.
  await panel.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(
    page
      .getByRole('contentinfo')
      .getByRole('status')
      .filter({ hasText: /^Copied\. Clipboard clears in/ }),
  ).toBeVisible();

  // Reveal and hide in the details.
  await panel.getByRole('button', { name: 'Reveal' }).click();
  await expectShowsSecret(panel.getByRole('group', { name: 'Revealed key' }), secret);
  await panel.getByRole('button', { name: 'Hide' }).click();
  await expect(panel.getByRole('group', { name: 'Revealed key' })).toHaveCount(0);

  // Write to .env.
  await panel.getByRole('button', { name: 'Write to .env…' }).click();
  const env = page.getByRole('dialog', { name: 'Write to .env' });
  await env.getByRole('textbox', { name: 'File path' }).fill(join(makeTempDir('e2e-leak'), '.env'));
  await env.getByRole('button', { name: 'Write' }).click();
  await expect(env.getByRole('status')).toContainText('Written.');
  await env.getByRole('button', { name: 'Close' }).click();

  // Verify.
  await panel.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(panel.getByText('Works: ApexVerify accepted the key.')).toBeVisible();

  await expectNowhere(page, await app.secrets());
  await expectNoSecrets(page, await app.secrets());
});
