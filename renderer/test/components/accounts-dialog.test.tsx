// The Accounts dialog on the fake API: the list, Add account (a field's error beside the field,
// the key never in state), Rename…, and Remove… behind the typed name.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import type { AccountView } from '../../../shared/views.ts';
import { snapshotState } from '../../src/state/create-state.ts';
import { SECRET_PREFIX, makeKey, sandboxAccount, type Overrides } from '../support/fake-api.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(cleanup);

const acme: AccountView = {
  ...sandboxAccount,
  id: 'acc_acme',
  name: 'acme',
  baseUrl: 'https://api.apexverify.com',
  mode: 'dashboard',
  isSandbox: false,
  keyCount: 2,
  reachability: { state: 'offline', since: new Date().toISOString(), reason: 'refused' },
};

/** A fake whose accounts change with add, rename and remove, as the core's would. */
function accountsFake(initial: AccountView[]): Overrides {
  let accounts = [...initial];
  return {
    listAccounts: () => accounts,
    addAccount: ({ name, baseUrl }) => {
      const a: AccountView = {
        ...acme,
        id: `acc_${name}`,
        name,
        baseUrl,
        mode: 'api',
        keyCount: 0,
      };
      accounts = [...accounts, a];
      return a;
    },
    renameAccount: ({ accountId, name }) => {
      accounts = accounts.map((a) => (a.id === accountId ? { ...a, name } : a));
      return accounts.find((a) => a.id === accountId) as AccountView;
    },
    removeAccount: ({ accountId, confirmName }) => {
      accounts = accounts.filter((a) => a.id !== accountId);
      return { name: confirmName, keysRemoved: 2, secretsRemoved: 3, secretsLeft: 0 };
    },
  };
}

async function openAccounts() {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Accounts' }));
  });
  return screen.getByRole('dialog', { name: 'Accounts' });
}

async function click(el: HTMLElement) {
  await act(async () => {
    fireEvent.click(el);
  });
}

const type = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });

describe('the Accounts dialog', () => {
  test('lists each account with its server, mode, reachability and key count', async () => {
    await renderApp([makeKey()], accountsFake([{ ...sandboxAccount, keyCount: 1 }, acme]));
    const dialog = await openAccounts();
    const sandbox = within(dialog).getByRole('row', { name: /sandbox/ });
    expect(within(sandbox).getByText('Built-in sandbox')).toBeTruthy();
    expect(within(sandbox).getByText('API mode')).toBeTruthy();
    expect(within(sandbox).getByText('Online')).toBeTruthy();
    expect(within(sandbox).getByText('1 key')).toBeTruthy();
    expect(within(sandbox).queryByRole('button', { name: 'Remove…' })).toBeNull();
    const row = within(dialog).getByRole('row', { name: /acme/ });
    expect(within(row).getByText('https://api.apexverify.com')).toBeTruthy();
    expect(within(row).getByText('dashboard mode')).toBeTruthy();
    expect(within(row).getByText(/^Offline since /)).toBeTruthy();
    expect(within(row).getByText('2 keys')).toBeTruthy();
    expect(within(row).getByRole('button', { name: 'Remove…' })).toBeTruthy();
  });

  test('Try again re-checks an offline account and shows what it learned', async () => {
    const { calls } = await renderApp([makeKey()], {
      listAccounts: () => [sandboxAccount, acme],
      checkAccount: () => ({
        ...acme,
        reachability: { state: 'online', since: null, reason: null },
      }),
    });
    const dialog = await openAccounts();
    const row = within(dialog).getByRole('row', { name: /acme/ });
    await click(within(row).getByRole('button', { name: 'Try again' }));
    expect(calls.find((c) => c.channel === 'checkAccount')?.input).toEqual({
      accountId: 'acc_acme',
    });
    expect(within(row).getByText('Online')).toBeTruthy();
    expect(within(row).queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  test('Add account sends the key once, shows the result, and keeps the key out of state', async () => {
    const { store, calls } = await renderApp([makeKey()], accountsFake([sandboxAccount]));
    await click(within(await openAccounts()).getByRole('button', { name: 'Add account' }));
    const form = screen.getByRole('dialog', { name: 'Add account' });
    expect(within(form).getByLabelText('API base URL')).toHaveProperty(
      'value',
      'https://api.apexverify.com',
    );
    type(within(form).getByLabelText('Name'), 'acme-prod');
    const secret = `${SECRET_PREFIX}account_key`;
    const key = within(form).getByLabelText('Account key');
    expect(key.getAttribute('type')).toBe('password');
    type(key, secret);
    expect(JSON.stringify(snapshotState(store))).not.toContain(SECRET_PREFIX);
    await click(within(form).getByRole('button', { name: 'Add account' }));
    const add = calls.filter((c) => c.channel === 'addAccount');
    expect(add).toEqual([
      {
        channel: 'addAccount',
        input: { name: 'acme-prod', baseUrl: 'https://api.apexverify.com', secret },
      },
    ]);
    const dialog = screen.getByRole('dialog', { name: 'Accounts' });
    expect(within(dialog).getByRole('status').textContent).toMatch(/Added “acme-prod”.*API mode/);
    expect(within(dialog).getByRole('row', { name: /acme-prod/ })).toBeTruthy();
    expect(JSON.stringify(snapshotState(store))).not.toContain(SECRET_PREFIX);
    expect(document.body.innerHTML).not.toContain(SECRET_PREFIX);
  });

  test('a refused key is shown beside the Account key field, in words', async () => {
    const message = 'ApexVerify refused this account key (401): check that it is complete.';
    await renderApp([makeKey()], {
      addAccount: () => ({ code: 'UNAUTHORIZED', message, status: 401, field: 'secret' }),
    });
    await click(within(await openAccounts()).getByRole('button', { name: 'Add account' }));
    const form = screen.getByRole('dialog', { name: 'Add account' });
    type(within(form).getByLabelText('Name'), 'acme');
    type(within(form).getByLabelText('Account key'), `${SECRET_PREFIX}wrong_key`);
    await click(within(form).getByRole('button', { name: 'Add account' }));
    const key = within(form).getByLabelText('Account key');
    expect(key.getAttribute('aria-invalid')).toBe('true');
    const described = (key.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');
    expect(described).toContain(message);
    expect(document.activeElement).toBe(key);
    expect(within(form).queryByRole('alert')).toBeNull();
    expect(form.textContent).not.toContain('UNAUTHORIZED');
    expect(within(form).getByLabelText('Name').getAttribute('aria-invalid')).toBeNull();
  });

  test('an error about no field goes to the form’s alert', async () => {
    await renderApp([makeKey()], {
      addAccount: () => ({
        code: 'NETWORK',
        message: 'The server at the base URL did not answer.',
      }),
    });
    await click(within(await openAccounts()).getByRole('button', { name: 'Add account' }));
    const form = screen.getByRole('dialog', { name: 'Add account' });
    type(within(form).getByLabelText('Name'), 'acme');
    type(within(form).getByLabelText('Account key'), `${SECRET_PREFIX}some_key`);
    await click(within(form).getByRole('button', { name: 'Add account' }));
    expect(within(form).getByRole('alert').textContent).toContain('did not answer');
  });

  test('Rename… changes the name; closing a sub-dialog goes back to the list', async () => {
    const { calls } = await renderApp([makeKey()], accountsFake([sandboxAccount, acme]));
    const dialog = await openAccounts();
    await click(within(dialog).getByRole('button', { name: 'Add account' }));
    const add = screen.getByRole('dialog', { name: 'Add account' });
    await act(async () => {
      fireEvent(add, new Event('cancel', { cancelable: true }));
    });
    expect(screen.queryByRole('dialog', { name: 'Add account' })).toBeNull();
    await click(
      within(
        within(screen.getByRole('dialog', { name: 'Accounts' })).getByRole('row', {
          name: /acme/,
        }),
      ).getByRole('button', { name: 'Rename…' }),
    );
    const form = screen.getByRole('dialog', { name: 'Rename account “acme”' });
    expect(within(form).getByLabelText('New name')).toHaveProperty('value', 'acme');
    type(within(form).getByLabelText('New name'), 'acme-eu');
    await click(within(form).getByRole('button', { name: 'Rename' }));
    expect(calls.some((c) => c.channel === 'renameAccount')).toBe(true);
    const list = screen.getByRole('dialog', { name: 'Accounts' });
    expect(within(list).getByRole('row', { name: /acme-eu/ })).toBeTruthy();
  });

  test('Remove… is enabled by the exact name and removes the account', async () => {
    const { calls } = await renderApp([makeKey()], accountsFake([sandboxAccount, acme]));
    const dialog = await openAccounts();
    await click(
      within(within(dialog).getByRole('row', { name: /acme/ })).getByRole('button', {
        name: 'Remove…',
      }),
    );
    const confirm = screen.getByRole('alertdialog', { name: 'Remove account “acme”' });
    const remove = within(confirm).getByRole('button', { name: 'Remove account' });
    type(within(confirm).getByLabelText('Type the account name to confirm'), 'Acme');
    expect(remove.getAttribute('aria-disabled')).toBe('true');
    await click(remove);
    expect(calls.some((c) => c.channel === 'removeAccount')).toBe(false);
    type(within(confirm).getByLabelText('Type the account name to confirm'), 'acme');
    expect(remove.getAttribute('aria-disabled')).toBeNull();
    await click(remove);
    expect(calls.find((c) => c.channel === 'removeAccount')?.input).toEqual({
      accountId: 'acc_acme',
      confirmName: 'acme',
    });
    const list = screen.getByRole('dialog', { name: 'Accounts' });
    expect(within(list).getByRole('status').textContent).toContain('Removed “acme” and its 2 keys');
    expect(within(list).queryByRole('row', { name: /acme/ })).toBeNull();
  });
});
