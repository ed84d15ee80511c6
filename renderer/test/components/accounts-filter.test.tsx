// The account filter, the account column, a hidden sandbox, and pasting an existing key into an
// API-mode account in New key.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/schemas.ts';
import type { AccountView } from '../../../shared/views.ts';
import { snapshotState } from '../../src/state/create-state.ts';
import { SECRET_PREFIX, makeKey, sandboxAccount } from '../support/fake-api.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(cleanup);

const acme: AccountView = {
  ...sandboxAccount,
  id: 'acc_acme',
  name: 'acme',
  baseUrl: 'https://api.example.com',
  isSandbox: false,
};
const keys = [
  makeKey({ label: 'sandbox-key' }),
  makeKey({ label: 'acme-key', account: 'acme', accountId: 'acc_acme' }),
];
const twoAccounts = { listAccounts: () => [sandboxAccount, acme] };

describe('the account filter', () => {
  test('All accounts first; choosing one filters the list; the account column shows', async () => {
    const { store } = await renderApp(keys, twoAccounts);
    const filter = screen.getByRole('combobox', { name: 'Account' });
    const options = within(filter).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['All accounts', 'sandbox', 'acme']);
    expect(screen.getByRole('columnheader', { name: 'Account' })).toBeTruthy();
    expect(screen.getByRole('grid').getAttribute('aria-colcount')).toBe('7');
    const row = screen.getByRole('row', { name: /acme-key/ });
    expect(within(row).getAllByRole('gridcell')[1]?.textContent).toBe('acme');
    fireEvent.change(filter, { target: { value: 'acc_acme' } });
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('2');
    expect(screen.queryByRole('row', { name: /sandbox-key/ })).toBeNull();
    act(() => store.getState().clearFilters());
    expect(store.getState().accountFilter).toBe('');
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('3');
  });

  test('one account: no account column', async () => {
    await renderApp(keys.slice(0, 1));
    expect(screen.queryByRole('columnheader', { name: 'Account' })).toBeNull();
    expect(screen.getByRole('grid').getAttribute('aria-colcount')).toBe('6');
  });

  test('a hidden sandbox is left out of the list, the filter, New key and Accounts', async () => {
    const settings = { ...DEFAULT_SETTINGS, hideSandbox: true };
    const { store } = await renderApp(keys, { ...twoAccounts, getSettings: () => settings });
    act(() => store.setState({ settings }));
    expect(screen.queryByRole('row', { name: /sandbox-key/ })).toBeNull();
    expect(screen.getByRole('row', { name: /acme-key/ })).toBeTruthy();
    const filter = screen.getByRole('combobox', { name: 'Account' });
    expect(within(filter).queryByRole('option', { name: 'sandbox' })).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'New key' }));
    });
    const dialog = screen.getByRole('dialog', { name: 'New key' });
    const account = within(dialog).getByRole('combobox', { name: 'Account' });
    expect(
      within(account)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['acme']);
  });
});

describe('New key in API mode', () => {
  test('pastes an existing key: verified and imported by the core, never in state', async () => {
    const { store, calls } = await renderApp(keys, {
      captureKey: (input) => makeKey({ label: input.label, id: 'key_pasted' }),
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'New key' }));
    });
    const dialog = screen.getByRole('dialog', { name: 'New key' });
    expect(within(dialog).getByRole('button', { name: 'Generate' })).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Paste an existing key' }));
    fireEvent.change(within(dialog).getByLabelText('Label'), { target: { value: 'old-key' } });
    const secret = `${SECRET_PREFIX}existing_key`;
    const field = within(dialog).getByLabelText('Paste the existing key');
    expect(field.getAttribute('type')).toBe('password');
    fireEvent.change(field, { target: { value: secret } });
    expect(JSON.stringify(snapshotState(store))).not.toContain(SECRET_PREFIX);
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    });
    const capture = calls.find((c) => c.channel === 'captureKey');
    expect(capture?.input).toMatchObject({ accountId: 'acc_sandbox', label: 'old-key', secret });
    expect(calls.some((c) => c.channel === 'generateKey')).toBe(false);
    expect(JSON.stringify(snapshotState(store))).not.toContain(SECRET_PREFIX);
  });
});
