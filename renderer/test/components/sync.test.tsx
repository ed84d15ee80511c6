// Sync in the window: on start, on focus (at most once a minute per account), on Sync now and
// after a key action; a key created elsewhere shows as Not on this device with Capture….
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import type { KeyView } from '../../../shared/views.ts';
import { snapshotState } from '../../src/state/create-state.ts';
import { makeKey, sandboxAccount } from '../support/fake-api.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(cleanup);

const syncCalls = (calls: Array<{ channel: string }>) =>
  calls.filter((c) => c.channel === 'syncAccounts').length;

const result = (changes: string[]) => ({
  accounts: [
    { accountId: sandboxAccount.id, name: 'sandbox', outcome: 'synced' as const, changes },
  ],
  syncedAt: new Date().toISOString(),
});

const statusText = () =>
  screen
    .getAllByRole('status')
    .map((s) => s.textContent ?? '')
    .join(' ');

describe('sync', () => {
  test('syncs on start, and on focus only once a minute has passed for the account', async () => {
    const { calls, store } = await renderApp([makeKey({ label: 'web' })], {
      syncAccounts: () => result([]),
    });
    await waitFor(() => expect(syncCalls(calls)).toBe(1));
    await waitFor(() => expect(store.getState().syncedAt[sandboxAccount.id]).toBeDefined());
    await act(async () => {
      window.dispatchEvent(new Event('focus'));
    });
    expect(syncCalls(calls)).toBe(1);
    // As if the last sync were over a minute ago.
    act(() => store.setState({ syncedAt: { [sandboxAccount.id]: 0 } }));
    await act(async () => {
      window.dispatchEvent(new Event('focus'));
    });
    await waitFor(() => expect(syncCalls(calls)).toBe(2));
    const last = calls.filter((c) => c.channel === 'syncAccounts').at(-1);
    expect(last?.input).toEqual({ accountId: sandboxAccount.id });
  });

  test('Sync now says what happened, nothing changed included', async () => {
    const { calls } = await renderApp([makeKey({ label: 'web' })]);
    await waitFor(() => expect(syncCalls(calls)).toBe(1));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    });
    await waitFor(() => expect(statusText()).toContain('Sync: nothing changed on the server.'));
    expect(syncCalls(calls)).toBe(2);
  });

  test('syncs after a key action', async () => {
    const { calls } = await renderApp([makeKey({ label: 'web' })]);
    await waitFor(() => expect(syncCalls(calls)).toBe(1));
    await act(async () => {
      fireEvent.click(screen.getByRole('row', { name: /web/ }));
    });
    const panel = screen.getByRole('region', { name: 'web' });
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Copy' }));
    });
    await waitFor(() => expect(syncCalls(calls)).toBe(2));
  });

  test('dashboard-mode accounts only: no button, a short text instead', async () => {
    await renderApp([], {
      listAccounts: () => [{ ...sandboxAccount, mode: 'dashboard' }],
    });
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
    expect(screen.getByText('Dashboard-mode accounts have no key list to sync.')).toBeTruthy();
  });

  test('a key found on the server shows Not on this device; Capture… pastes its secret', async () => {
    const keys: KeyView[] = [makeKey({ label: 'web' })];
    const secret = 'avk_PASTED_SECRET_0123456789abcdefghijklmnop';
    let captured: unknown = null;
    const { calls, store } = await renderApp(keys, {
      syncAccounts: () => {
        if (!keys.some((k) => k.label === 'from-ci'))
          keys.push(
            makeKey({ label: 'from-ci', custody: 'remote-only', fingerprint: '', hint: '' }),
          );
        return result(['New key "from-ci" found on the server: not on this device.']);
      },
      captureRemoteKey: (input) => {
        captured = input;
        return makeKey({ label: 'from-ci', custody: 'local' });
      },
    });
    const row = await screen.findByRole('row', { name: /from-ci/ });
    expect(within(row).getByText('Not on this device')).toBeTruthy();
    await waitFor(() =>
      expect(statusText()).toContain('New key "from-ci" found on the server: not on this device.'),
    );
    await act(async () => {
      fireEvent.click(row);
    });
    const panel = screen.getByRole('region', { name: 'from-ci' });
    expect(within(panel).queryByRole('button', { name: 'Copy' })).toBeNull();
    expect(within(panel).queryByRole('button', { name: 'Reveal' })).toBeNull();
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Capture…' }));
    });
    const dialog = screen.getByRole('dialog', { name: 'Capture “from-ci”' });
    fireEvent.change(within(dialog).getByLabelText("Paste the key's secret"), {
      target: { value: secret },
    });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Capture' }));
    });
    expect(captured).toEqual({ id: 'key_from-ci', secret });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(within(screen.getByRole('row', { name: /from-ci/ })).getByText('Active')).toBeTruthy();
    expect(JSON.stringify(snapshotState(store))).not.toContain(secret);
    expect(document.body.innerHTML).not.toContain(secret);
    expect(calls.some((c) => c.channel === 'captureRemoteKey')).toBe(true);
  });
});
