import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { COLUMNS } from '../../src/lib/key-list.ts';
import { makeKey } from '../support/fake-api.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(cleanup);

const keys = [
  makeKey({ label: 'checkout-prod', service: 'checkout' }),
  makeKey({
    label: 'billing-stage',
    environment: 'staging',
    rotationPeriodDays: null,
    rotationDueAt: null,
  }),
  makeKey({ label: 'old-one', status: 'revoked', revokedAt: new Date().toISOString() }),
  makeKey({ label: 'late', rotationDueAt: new Date(Date.now() - 86_400_000).toISOString() }),
];

describe('the main view', () => {
  test('has the heading, the filters, the buttons and sortable columns', async () => {
    await renderApp(keys);
    expect(screen.getByRole('searchbox', { name: 'Filter keys' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Environment filter' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Status filter' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'New key' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Verify all' })).toBeTruthy();
    for (const c of COLUMNS)
      expect(screen.getByRole('columnheader', { name: c.title })).toBeTruthy();
    const label = screen.getByRole('columnheader', { name: 'Label' });
    expect(label.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(within(label).getByRole('button'));
    expect(label.getAttribute('aria-sort')).toBe('descending');
  });

  test('hides revoked keys by default, shows badges, and filters as you type', async () => {
    await renderApp(keys);
    const grid = screen.getByRole('grid');
    expect(grid.getAttribute('aria-rowcount')).toBe('4');
    expect(screen.queryByRole('row', { name: /old-one/ })).toBeNull();
    expect(within(screen.getByRole('row', { name: /late/ })).getByText('Overdue')).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter keys' }), {
      target: { value: 'checkout' },
    });
    expect(grid.getAttribute('aria-rowcount')).toBe('2');
    expect(screen.getByRole('row', { name: /checkout-prod/ }).getAttribute('aria-rowindex')).toBe(
      '2',
    );
  });

  test('dates are relative, with the exact time on focus', async () => {
    await renderApp(keys);
    const row = screen.getByRole('row', { name: /checkout-prod/ });
    const created = within(row).getAllByText('3 days ago')[0] as HTMLElement;
    expect(created.getAttribute('title')).toMatch(/\d/);
    const tip = document.getElementById(created.getAttribute('aria-describedby') ?? '');
    expect(tip?.getAttribute('role')).toBe('tooltip');
    expect(tip?.textContent).toBe(created.getAttribute('title'));
  });

  test('the first run explains the sandbox and offers Add account', async () => {
    await renderApp([]);
    expect(screen.getByText(/is built in/)).toBeTruthy();
    expect(screen.queryByText(/apexkeys/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Add account…' }));
    expect(screen.getByRole('dialog', { name: 'Add account' })).toBeTruthy();
  });

  test('Ctrl+F focuses the filter and Ctrl+N opens New key', async () => {
    await renderApp(keys);
    await act(async () => {
      fireEvent.keyDown(window, { key: 'f', ctrlKey: true });
    });
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Filter keys' }));
    await act(async () => {
      fireEvent.keyDown(window, { key: 'n', ctrlKey: true });
    });
    expect(screen.getByRole('dialog', { name: 'New key' })).toBeTruthy();
  });
});
