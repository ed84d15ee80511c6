import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { snapshotState } from '../../src/state/create-state.ts';
import { SECRET_PREFIX, makeKey } from '../support/fake-api.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(cleanup);

const keys = [makeKey({ label: 'checkout-prod' }), makeKey({ label: 'ci-runner' })];

async function openDetails(label: string) {
  await act(async () => {
    fireEvent.click(screen.getByRole('row', { name: new RegExp(label) }));
  });
  return screen.getByRole('region', { name: label });
}

describe('the details panel', () => {
  test('opens on click with the actions, and Esc closes it', async () => {
    await renderApp(keys);
    const panel = await openDetails('checkout-prod');
    for (const name of ['Copy', 'Reveal', 'Write to .env…', 'Disable', 'Revoke…', 'Verify', 'Save'])
      expect(within(panel).getByRole('button', { name })).toBeTruthy();
    for (const label of ['Environment', 'Service', 'Owner', 'Notes', 'Rotation period (days)'])
      expect(within(panel).getByLabelText(label)).toBeTruthy();
    await act(async () => {
      fireEvent.keyDown(window, { key: 'Escape' });
    });
    expect(screen.queryByRole('region', { name: 'checkout-prod' })).toBeNull();
  });

  test('Reveal shows the secret in the panel only, never in the store; Hide drops it', async () => {
    const { store } = await renderApp(keys);
    const panel = await openDetails('checkout-prod');
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Reveal' }));
    });
    const secret = `${SECRET_PREFIX}key_checkout-prod`;
    expect(within(panel).getByText(secret)).toBeTruthy();
    expect(JSON.stringify(snapshotState(store))).not.toContain(SECRET_PREFIX);
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Hide' }));
    });
    expect(document.body.innerHTML).not.toContain(SECRET_PREFIX);
  });

  test('a revealed secret is gone when another key is opened', async () => {
    await renderApp(keys);
    const panel = await openDetails('checkout-prod');
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Reveal' }));
    });
    await openDetails('ci-runner');
    expect(document.body.innerHTML).not.toContain(SECRET_PREFIX);
  });

  test('Copy shows the clipboard countdown', async () => {
    await renderApp(keys);
    const panel = await openDetails('checkout-prod');
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Copy' }));
    });
    const status = screen
      .getAllByRole('status')
      .find((s) => /Clipboard clears in/.test(s.textContent ?? ''));
    expect(status?.textContent).toMatch(/^Copied\. Clipboard clears in (29|30) s$/);
  });
});

describe('Revoke…', () => {
  test('is enabled only once the label is typed exactly, then shows the 401 proof', async () => {
    const { calls } = await renderApp(keys);
    const panel = await openDetails('checkout-prod');
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Revoke…' }));
    });
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toMatch(/immediate and irreversible/);
    expect(dialog.textContent).toMatch(/401/);
    expect(dialog.textContent).toMatch(/Batch jobs already running/);
    const revoke = within(dialog).getByRole('button', { name: 'Revoke' });
    const field = within(dialog).getByLabelText('Type the label to confirm');
    fireEvent.change(field, { target: { value: 'checkout-pro' } });
    expect(revoke.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(revoke);
    expect(calls.some((c) => c.channel === 'revokeKey')).toBe(false);
    fireEvent.change(field, { target: { value: 'checkout-prod' } });
    expect(revoke.getAttribute('aria-disabled')).toBeNull();
    await act(async () => {
      fireEvent.click(revoke);
    });
    expect(within(dialog).getByText(/401 Unauthorized/)).toBeTruthy();
  });
});

describe('New key', () => {
  test('validates the label as you type', async () => {
    await renderApp(keys);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'New key' }));
    });
    const dialog = screen.getByRole('dialog', { name: 'New key' });
    const label = within(dialog).getByLabelText('Label');
    fireEvent.change(label, { target: { value: 'has space' } });
    expect(label.getAttribute('aria-invalid')).toBe('true');
    const problem = document.getElementById(label.getAttribute('aria-describedby') ?? '');
    expect(problem?.textContent).toMatch(/whitespace/);
    fireEvent.change(label, { target: { value: 'fine-label' } });
    expect(label.getAttribute('aria-invalid')).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Generate' })).toBeTruthy();
  });
});
