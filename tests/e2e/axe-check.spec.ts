// The axe check itself: it must fail on a serious violation, or every "passes axe" in the other specs proves
// nothing. An unnamed button and text too faint to read are put into the window, then removed.
import { expectDialogAccessible } from './support/dialog-check.ts';
import { expect, test } from './support/fixtures.ts';

test('the axe check fails on an unnamed button and on unreadable text, and passes without them', async ({
  page,
}) => {
  await expect(page.getByRole('button', { name: 'New key' }).first()).toBeVisible();
  await expectDialogAccessible(page, 'main view', 'body');
  await page.evaluate(() => {
    const extra = document.createElement('div');
    extra.id = 'axe-probe';
    // Styled through the CSSOM: the window's Content-Security-Policy drops style attributes.
    // On top of the window, so axe can see what is behind the text.
    Object.assign(extra.style, { position: 'fixed', top: '0', left: '0', zIndex: '9999' });
    Object.assign(extra.style, { background: '#fff', padding: '8px' });
    extra.append(document.createElement('button'));
    const faint = document.createElement('p');
    faint.textContent = 'faint text';
    Object.assign(faint.style, { color: '#eee', background: '#fff' });
    extra.append(faint);
    document.body.append(extra);
  });
  const failure = await expectDialogAccessible(page, 'with the probe', 'body').then(
    () => null,
    (e: unknown) => String(e),
  );
  expect(failure).toContain('button-name (critical)');
  expect(failure).toContain('color-contrast (serious)');
  await page.evaluate(() => document.getElementById('axe-probe')?.remove());
  await expectDialogAccessible(page, 'probe removed', 'body');
});
