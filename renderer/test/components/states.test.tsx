import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { AppRoot } from '../../src/components/app-root.tsx';
import { createAppState } from '../../src/state/create-state.ts';
import { fakeApi, makeKey } from '../support/fake-api.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(cleanup);

describe('the window states', () => {
  test('10,000 keys keep fewer than 200 rows in the DOM, with correct row counts', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      makeKey({ id: `key_${i}`, label: `key-${String(i).padStart(5, '0')}` }),
    );
    await renderApp(many);
    const grid = screen.getByRole('grid');
    expect(grid.getAttribute('aria-rowcount')).toBe('10001');
    const rows = within(grid).getAllByRole('row');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(200);
    expect(rows[1]?.getAttribute('aria-rowindex')).toBe('2');
  });

  test('offline: a banner with the reason, network actions disabled with that reason', async () => {
    await renderApp([makeKey({ label: 'one' })], {
      checkConnection: () => ({
        online: false,
        reason: 'ApexVerify at http://x (account "sandbox") cannot be reached.',
        checkedAt: new Date().toISOString(),
      }),
    });
    const banner = await screen.findByText(/^Offline/);
    expect(banner.closest('[role="alert"]')?.textContent).toMatch(/cannot be reached/);
    const verifyAll = screen.getByRole('button', { name: 'Verify all' });
    expect(verifyAll.getAttribute('aria-disabled')).toBe('true');
    const reason = document.getElementById(verifyAll.getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).toMatch(/offline/);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  test('keychain unavailable: a full-window explanation, this OS first, and Try again', async () => {
    const { api } = fakeApi([], {
      getStatus: () => ({
        keychain: { state: 'unavailable', message: 'No Secret Service.' },
        platform: 'win32',
        notices: [],
        storeError: null,
        clipboardClearSec: 30,
        transport: 'electron',
        demo: false,
      }),
    });
    render(<AppRoot store={createAppState(api)} api={api} />);
    expect(
      await screen.findByRole('heading', { name: 'The keychain is unavailable' }),
    ).toBeTruthy();
    const fixes = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(fixes[0]).toMatch(/Windows \(Credential Manager\) \(this computer\)/);
    expect(fixes.join(' ')).toMatch(/Keychain Access/);
    expect(fixes.join(' ')).toMatch(/Secret Service/);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New key' })).toBeNull();
  });

  test('a store that cannot be read: says so and why, offers Try again, shows no list', async () => {
    const { api } = fakeApi([], {
      getStatus: () => ({
        keychain: { state: 'ok', message: null },
        platform: 'linux',
        notices: [],
        storeError: { code: 'STORE_CORRUPT', message: 'The store file is damaged.' },
        clipboardClearSec: 30,
        transport: 'electron',
        demo: false,
      }),
    });
    render(<AppRoot store={createAppState(api)} api={api} />);
    expect(
      await screen.findByRole('heading', { name: 'The key store cannot be read' }),
    ).toBeTruthy();
    expect(screen.getByText(/The store file is damaged\./)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New key' })).toBeNull();
  });
});
