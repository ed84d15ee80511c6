import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import type { KeyView } from '../../../shared/views.ts';
import { makeKey } from '../support/fake-api.ts';
import { renderApp } from '../support/render-app.tsx';
import { click, old, reasonOf } from '../support/rotation-helpers.tsx';
import { viewAt } from '../support/rotation-views.ts';

afterEach(cleanup);

describe('the key row and the details panel', () => {
  test('a row shows "Rotation in progress, step N of 4" from listRotations', async () => {
    const other = makeKey({ id: 'key_other', label: 'other' });
    await renderApp([old, other], { listRotations: () => [viewAt(old, 'verify')] });
    const row = await screen.findByRole('row', { name: /prod-api/ });
    expect(row.textContent).toContain('Rotation in progress, step 3 of 4');
    expect(screen.getByRole('row', { name: /other/ }).textContent).not.toContain('Rotation');
    await click(row);
    const panel = screen.getByRole('region', { name: 'prod-api' });
    expect(within(panel).getByRole('button', { name: 'Resume rotation…' })).toBeTruthy();
    // While rotated, the old key is changed only through the rotation.
    expect(reasonOf(within(panel).getByRole('button', { name: 'Revoke…' }), false)).toMatch(
      /Being rotated: finish or abort the rotation first/,
    );
  });

  test('Rotate… is blocked, saying why, for disabled and pending keys', async () => {
    const keys: KeyView[] = [
      makeKey({ id: 'key_d', label: 'off-key', status: 'disabled' }),
      makeKey({ id: 'key_p', label: 'new-key', status: 'pending' }),
    ];
    await renderApp(keys);
    for (const [label, why] of [
      ['off-key', /disabled key cannot be rotated/],
      ['new-key', /new key of a rotation in progress/],
    ] as const) {
      await click(screen.getByRole('row', { name: new RegExp(label) }));
      const panel = screen.getByRole('region', { name: label });
      expect(reasonOf(within(panel).getByRole('button', { name: 'Rotate…' }))).toMatch(why);
    }
  });
});
