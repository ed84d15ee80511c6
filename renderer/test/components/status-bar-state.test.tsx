// The status bar never keeps a claim a newer outcome contradicts (issue 11, item 2): a failure
// clears an older "works.", and while the connection is re-checked it does not say "Connected".
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { countText } from '../../src/components/toolbar.tsx';
import { makeKey } from '../support/fake-api.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(cleanup);

const footer = () => screen.getByRole('contentinfo');

test('a network failure replaces "works." and "Connected"', async () => {
  let online = true;
  const key = makeKey({ label: 'net-key' });
  const { store } = await renderApp([key], {
    checkConnection: () => ({
      online,
      reason: online ? null : 'connection refused',
      checkedAt: new Date().toISOString(),
    }),
    verifyKey: () => {
      online = false;
      return { code: 'NETWORK', message: 'connect ECONNREFUSED 127.0.0.1:4780' };
    },
  });
  await within(footer()).findByText(/^Connected ·/);
  act(() => store.getState().say('"net-key" works.'));
  expect(within(footer()).getByRole('status').textContent).toBe('"net-key" works.');

  // While a check runs the bar says so, never the "Connected" from before.
  act(() => store.setState({ checkingConnection: true }));
  expect(within(footer()).getByText(/^Checking the connection… ·/)).toBeTruthy();
  expect(within(footer()).queryByText(/^Connected/)).toBeNull();
  act(() => store.setState({ checkingConnection: false }));

  await act(() => store.getState().verifyKey(key.id));
  expect(within(footer()).getByRole('status').textContent).toBe('');
  await within(footer()).findByText(/^ApexVerify unreachable ·/);
  expect(within(footer()).queryByText(/^Connected/)).toBeNull();
});

test('the header count says what the default view hides', () => {
  expect(countText(111, 115, 4, false)).toBe('111 keys · 4 revoked hidden');
  expect(countText(1, 1, 0, false)).toBe('1 key');
  expect(countText(3, 115, 4, true)).toBe('3 of 115');
  expect(countText(115, 115, 4, true)).toBe('115 keys');
});
