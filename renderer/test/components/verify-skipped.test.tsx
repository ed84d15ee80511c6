// What Verify all left out is shown as skipped, with why in words (its account is offline), in
// the bar, the key's row and its details; a key not on this device offers Capture…, not Verify.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import type { VerifyJob } from '../../../shared/views.ts';
import { makeKey, sandboxAccount } from '../support/fake-api.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(cleanup);

const second = { ...sandboxAccount, id: 'acc_second', name: 'second', isSandbox: false };
const up = makeKey({ label: 'up-key' });
const down = makeKey({ label: 'down-key', account: 'second', accountId: second.id });

const job: VerifyJob = {
  jobId: 'job_1',
  state: 'done',
  done: 2,
  total: 2,
  ok: 1,
  failed: 0,
  results: [
    {
      keyId: up.id,
      label: up.label,
      account: 'sandbox',
      status: 'ok',
      checkedAt: new Date().toISOString(),
    },
  ],
  skipped: [
    { keyId: down.id, label: down.label, account: 'second', reason: 'account "second" is offline' },
  ],
  error: null,
};

test('Verify all shows the keys it skipped, and why', async () => {
  await renderApp([up, down], {
    listAccounts: () => [sandboxAccount, second],
    startVerifyAll: () => job,
  });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Verify all' }));
  });
  const bar = screen.getByRole('group', { name: 'Verify all' });
  expect(bar.textContent).toContain('2 of 2 · 1 OK · 0 failed · 1 skipped');
  const row = screen.getByRole('row', { name: /down-key/ });
  const pill = within(row).getByText('Skipped');
  expect(pill.getAttribute('title')).toBe('Skipped by Verify all: account "second" is offline');
  expect(within(screen.getByRole('row', { name: /up-key/ })).getByText('Verified')).toBeTruthy();

  await act(async () => {
    fireEvent.click(row);
  });
  const panel = screen.getByRole('region', { name: 'down-key' });
  expect(within(panel).getByRole('note').textContent).toBe(
    'Skipped by Verify all: account "second" is offline.',
  );
});

test('a key not on this device offers Capture…, never Verify', async () => {
  const remote = makeKey({ label: 'from-ci', custody: 'remote-only', fingerprint: '', hint: '' });
  await renderApp([remote]);
  await act(async () => {
    fireEvent.click(screen.getByRole('row', { name: /from-ci/ }));
  });
  const panel = screen.getByRole('region', { name: 'from-ci' });
  expect(within(panel).getByRole('button', { name: 'Capture…' })).toBeTruthy();
  expect(within(panel).queryByRole('button', { name: 'Verify' })).toBeNull();
  expect(within(panel).queryByRole('button', { name: /^Verify/ })).toBeNull();
});
