// Offline per account: one unreachable server disables only its own keys' network actions, with
// a reason naming the account; the banner names it and since when, with a Try again of its own;
// the other account's keys keep working, and Verify all names the account it cannot reach.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import type { AccountView, Connection, Reachability } from '../../../shared/views.ts';
import { sinceWords } from '../../src/lib/offline.ts';
import { makeKey, sandboxAccount } from '../support/fake-api.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(cleanup);

const SINCE = '2026-01-01T10:42:00.000Z';
const second: AccountView = {
  ...sandboxAccount,
  id: 'acc_second',
  name: 'second',
  baseUrl: 'http://127.0.0.1:2',
  isSandbox: false,
};
const online: Reachability = { state: 'online', since: null, reason: null };
const offline: Reachability = {
  state: 'offline',
  since: SINCE,
  reason: 'ApexVerify at http://127.0.0.1:2 (account "second") cannot be reached: refused',
};

function connection(secondState: Reachability): Connection {
  return {
    online: secondState.state !== 'offline',
    reason: secondState.reason,
    checkedAt: new Date().toISOString(),
    accounts: [
      { accountId: sandboxAccount.id, name: 'sandbox', reachability: online },
      { accountId: second.id, name: 'second', reachability: secondState },
    ],
  };
}

const keys = [
  makeKey({ label: 'first-key' }),
  makeKey({ label: 'second-key', account: 'second', accountId: second.id }),
];

const describedBy = (el: HTMLElement): string =>
  document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? '';

async function openKey(label: string) {
  fireEvent.click(await screen.findByRole('row', { name: new RegExp(label) }));
  return screen.findByRole('region', { name: new RegExp(label) });
}

test('an unreachable account greys out only its own keys, naming the account', async () => {
  let back = false;
  const { calls } = await renderApp(keys, {
    listAccounts: () => [sandboxAccount, second],
    checkConnection: () => connection(back ? online : offline),
    checkAccount: ({ accountId }) =>
      accountId === second.id
        ? { ...second, reachability: back ? online : offline }
        : sandboxAccount,
  });
  const banner = (await screen.findByText(/^Offline:/)).closest('[role="alert"]') as HTMLElement;
  expect(banner.textContent).toContain(
    `ApexVerify at http://127.0.0.1:2 (account “second”) cannot be reached since ${sinceWords(SINCE)}`,
  );
  expect(banner.textContent).not.toContain('account “sandbox”');
  expect(banner.textContent).toMatch(/other accounts keep working/);

  // Verify all still runs, and says which account it cannot reach.
  const verifyAll = screen.getByRole('button', { name: 'Verify all' });
  expect(verifyAll.getAttribute('aria-disabled')).toBeNull();
  expect(verifyAll.getAttribute('title')).toMatch(/account “second” cannot be verified now/);
  expect(within(screen.getByRole('contentinfo')).getByText(/1 account unreachable/)).toBeTruthy();

  const down = await openKey('second-key');
  for (const name of ['Verify', 'Revoke…', 'Disable']) {
    const button = within(down).getByRole('button', { name });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(describedBy(button)).toMatch(
      /^Unavailable: ApexVerify at http:\/\/127\.0\.0\.1:2 \(account “second”\) cannot be reached since /,
    );
  }
  const up = await openKey('first-key');
  for (const name of ['Verify', 'Revoke…', 'Disable'])
    expect(within(up).getByRole('button', { name }).getAttribute('aria-disabled')).toBeNull();

  // Still down: Try again for that account keeps the banner; back: the banner goes.
  const retry = within(banner).getByRole('button', { name: 'Try again for “second”' });
  await act(async () => fireEvent.click(retry));
  expect(calls.filter((c) => c.channel === 'checkAccount')).toEqual([
    { channel: 'checkAccount', input: { accountId: second.id } },
  ]);
  expect(screen.getByText(/^Offline:/)).toBeTruthy();
  back = true;
  await act(async () => fireEvent.click(retry));
  expect(screen.queryByText(/^Offline:/)).toBeNull();
  const again = await openKey('second-key');
  expect(
    within(again).getByRole('button', { name: 'Verify' }).getAttribute('aria-disabled'),
  ).toBeNull();
});

test('when every account is unreachable, Verify all waits too', async () => {
  const all: Connection = {
    ...connection(offline),
    online: false,
    accounts: [
      { accountId: sandboxAccount.id, name: 'sandbox', reachability: { ...offline, since: SINCE } },
      { accountId: second.id, name: 'second', reachability: offline },
    ],
  };
  await renderApp(keys, {
    listAccounts: () => [sandboxAccount, second],
    checkConnection: () => all,
  });
  const banner = (await screen.findByText(/^Offline:/)).closest('[role="alert"]') as HTMLElement;
  expect(within(banner).getAllByRole('button', { name: /^Try again for / })).toHaveLength(2);
  expect(banner.textContent).not.toMatch(/other accounts keep working/);
  const verifyAll = screen.getByRole('button', { name: 'Verify all' });
  expect(verifyAll.getAttribute('aria-disabled')).toBe('true');
  expect(describedBy(verifyAll)).toMatch(/Unavailable while offline/);
});
