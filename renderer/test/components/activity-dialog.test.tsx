// The Activity dialog: the whole audit trail newest first, in the key trail's own words, filtered
// by key, account and action through the core (listActivity), with errors in words.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import type { InputOf } from '../../../shared/ipc/contract.ts';
import type { AuditEvent } from '../../../shared/schemas.ts';
import { makeKey, sandboxAccount } from '../support/fake-api.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(cleanup);

const other = { ...sandboxAccount, id: 'acc_other', name: 'billing', isSandbox: false };
const keys = [
  makeKey({ label: 'checkout-prod' }),
  makeKey({ label: 'ci-runner', accountId: other.id, account: other.name }),
];

const event = (over: Partial<AuditEvent>): AuditEvent => ({
  at: '2026-11-01T10:00:00.000Z',
  action: 'verified',
  actor: 'app',
  keyId: 'key_checkout-prod',
  accountId: sandboxAccount.id,
  label: 'checkout-prod',
  fingerprint: '0123456789ab',
  outcome: 'ok',
  ...over,
});

// Oldest first, as in the file; the fake answers as the core does (newest first).
const TRAIL: AuditEvent[] = [
  event({ at: '2026-11-01T10:00:00.000Z', action: 'generated' }),
  event({
    at: '2026-11-02T10:00:00.000Z',
    action: 'generated',
    keyId: 'key_ci-runner',
    label: 'ci-runner',
    accountId: other.id,
    actor: 'cli',
  }),
  event({ at: '2026-11-03T10:00:00.000Z', action: 'copied' }),
  event({
    at: '2026-11-04T10:00:00.000Z',
    action: 'verified',
    outcome: 'failed',
    keyId: 'key_ci-runner',
    label: 'ci-runner',
    accountId: other.id,
    detail: { error: 'UNAUTHORIZED' },
  }),
];

function listActivity(input: InputOf<'listActivity'>) {
  const events = TRAIL.filter(
    (e) =>
      (!input.keyId || e.keyId === input.keyId) &&
      (!input.accountId || e.accountId === input.accountId) &&
      (!input.action || e.action === input.action),
  ).reverse();
  return { events, total: events.length };
}

async function openActivity(overrides: Parameters<typeof renderApp>[1] = {}) {
  const app = await renderApp(keys, {
    listAccounts: () => [sandboxAccount, other],
    listActivity,
    ...overrides,
  });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Activity' }));
  });
  const dialog = screen.getByRole('dialog', { name: 'Activity' });
  return { ...app, dialog };
}

const rows = (dialog: HTMLElement) =>
  within(within(dialog).getByRole('list', { name: 'Events' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent ?? '');

const choose = async (dialog: HTMLElement, name: string, value: string) => {
  await act(async () => {
    fireEvent.change(within(dialog).getByRole('combobox', { name }), { target: { value } });
  });
};

describe('the Activity dialog', () => {
  test('lists every key and account, newest first, in the key trail’s words', async () => {
    const { dialog } = await openActivity();
    const list = await within(dialog).findByRole('list', { name: 'Events' });
    expect(list).toBeTruthy();
    const text = rows(dialog);
    expect(text).toHaveLength(4);
    expect(text[0]).toMatch(/^Verified \(failed\) — ci-runner · billing/);
    expect(text[0]).toContain('App');
    expect(text[1]).toMatch(/^Copied to the clipboard — checkout-prod · sandbox/);
    expect(text[2]).toMatch(/^Generated — ci-runner · billing/);
    expect(text[2]).toContain('CLI');
    expect(text[3]).toMatch(/^Generated — checkout-prod · sandbox/);
    // The error's words, never its code.
    expect(dialog.textContent).not.toContain('UNAUTHORIZED');
    expect(within(dialog).getByRole('status').textContent).toBe('4 events, newest first.');
  });

  test('has the three filters, each a named combobox', async () => {
    const { dialog } = await openActivity();
    for (const name of ['Key', 'Account', 'Action'])
      expect(within(dialog).getByRole('combobox', { name })).toBeTruthy();
    const key = within(dialog).getByRole('combobox', { name: 'Key' });
    expect(
      within(key)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All keys', 'checkout-prod (sandbox)', 'ci-runner (billing)']);
    const action = within(dialog).getByRole('combobox', { name: 'Action' });
    expect(within(action).getByRole('option', { name: 'Copied to the clipboard' })).toBeTruthy();
  });

  test('filters by key, account and action through the core', async () => {
    const { dialog, calls } = await openActivity();
    await within(dialog).findByRole('list', { name: 'Events' });
    await choose(dialog, 'Key', 'key_checkout-prod');
    expect(calls.at(-1)).toEqual({
      channel: 'listActivity',
      // The whole trail the contract allows: the list is virtualized.
      input: { limit: 5000, keyId: 'key_checkout-prod' },
    });
    expect(rows(dialog).map((r) => r.split(' — ')[0])).toEqual([
      'Copied to the clipboard',
      'Generated',
    ]);
    await choose(dialog, 'Action', 'generated');
    expect(rows(dialog)).toHaveLength(1);
    await choose(dialog, 'Key', '');
    await choose(dialog, 'Account', other.id);
    expect(calls.at(-1)?.input).toEqual({ limit: 5000, accountId: other.id, action: 'generated' });
    expect(rows(dialog)).toEqual([expect.stringMatching(/^Generated — ci-runner · billing/)]);
    await choose(dialog, 'Action', 'revoked');
    expect(within(dialog).queryByRole('list', { name: 'Events' })).toBeNull();
    expect(within(dialog).getByRole('status').textContent).toBe('No events match these filters.');
  });

  test('says when only the newest part is shown, and counts unreadable lines', async () => {
    const { dialog } = await openActivity({
      listActivity: () => ({ events: [TRAIL[3] as AuditEvent], total: 900, unreadableLines: 2 }),
    });
    expect(
      (await within(dialog).findByText('The newest 1 of 900 events.')).getAttribute('role'),
    ).toBe('status');
    expect(within(dialog).getByRole('note').textContent).toMatch(/^2 lines of the audit file/);
  });

  test('a failure is shown in words, not as a code', async () => {
    const { dialog } = await openActivity({
      listActivity: () => ({ code: 'STORE_IO', message: 'Could not read the audit trail.' }),
    });
    expect(await within(dialog).findByText(/Could not read the audit trail/)).toBeTruthy();
    expect(dialog.textContent).not.toContain('STORE_IO');
  });

  test('Close closes it', async () => {
    const { dialog } = await openActivity();
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    });
    expect(screen.queryByRole('dialog', { name: 'Activity' })).toBeNull();
  });
});
