// Verify all explains itself (issue 11, items 10 and 11): keys waiting read "Queued" and the one
// in hand "Checking…"; results and Last used arrive in the rows as the job is polled, without a
// reload; the bar says the time left and why the run is paced; a 429 wait is one message with one
// live countdown; the summary of the last run stays until dismissed.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import type { VerifyJob } from '../../../shared/views.ts';
import { makeKey } from '../support/fake-api.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(cleanup);

const keys = ['first', 'second', 'third'].map((label) => makeKey({ label }));
const [first, second, third] = keys as [(typeof keys)[0], (typeof keys)[0], (typeof keys)[0]];
const reason =
  "paced to half of the account's rate limit (90 requests a minute), so other traffic on it keeps the rest";

function running(over: Partial<VerifyJob>): VerifyJob {
  return {
    jobId: 'job_1',
    state: 'running',
    done: 0,
    total: 3,
    ok: 0,
    failed: 0,
    results: [],
    skipped: [],
    error: null,
    checking: [],
    queued: keys.map((k) => k.id),
    pacing: { share: 0.5, perMinute: 90, reason },
    secondsLeft: 40,
    rateWait: null,
    ...over,
  };
}

const verified = (id: string, label: string) => ({
  keyId: id,
  label,
  account: 'sandbox',
  status: 'ok' as const,
  checkedAt: new Date().toISOString(),
});

const outcomeOf = (label: string) =>
  within(screen.getByRole('row', { name: new RegExp(label) })).queryByText(
    /^(Queued|Checking…|Verified)$/,
  )?.textContent;

/** The text of a row's Last used cell, found by its header's aria-colindex. */
function lastUsedOf(label: string): string {
  const header = screen.getByRole('columnheader', { name: /Last used/ });
  const at = header.getAttribute('aria-colindex');
  const row = screen.getByRole('row', { name: new RegExp(label) });
  const cell = within(row)
    .getAllByRole('gridcell')
    .find((c) => c.getAttribute('aria-colindex') === at);
  return cell?.querySelector('time, .muted')?.textContent ?? '';
}

test('queued keys read Queued, results arrive in the rows, and the bar says why it is paced', async () => {
  let job = running({ checking: [first.id], queued: [second.id, third.id] });
  const { calls } = await renderApp(keys, {
    startVerifyAll: () => job,
    getVerifyAll: () => job,
  });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Verify all' }));
  });
  expect(outcomeOf('first')).toBe('Checking…');
  expect(outcomeOf('second')).toBe('Queued');
  expect(outcomeOf('third')).toBe('Queued');
  const bar = screen.getByRole('group', { name: 'Verify all' });
  expect(bar.textContent).toContain('0 of 3');
  expect(bar.textContent).toContain(`About 40 s left · ${reason}.`);
  expect(lastUsedOf('first')).toBe('Never');

  // The next poll: the first key answered, the second in hand. No list reload in between.
  const reloads = calls.filter((c) => c.channel === 'listKeys').length;
  job = running({
    done: 1,
    ok: 1,
    results: [verified(first.id, 'first')],
    checking: [second.id],
    queued: [third.id],
    secondsLeft: 130,
  });
  // The window polls every 250 ms; a busy machine may take longer than waitFor's default second.
  await waitFor(() => expect(outcomeOf('first')).toBe('Verified'), { timeout: 10_000 });
  expect(outcomeOf('second')).toBe('Checking…');
  expect(outcomeOf('third')).toBe('Queued');
  // Last used moves with the result: the server was just called by this app's own check.
  expect(lastUsedOf('first')).toBe('App check');
  expect(bar.textContent).toContain('About 2 min left');
  expect(calls.filter((c) => c.channel === 'listKeys').length).toBe(reloads);
});

test('a 429 wait is one message with one live countdown, in place of the pace', async () => {
  const until = new Date(Date.now() + 50_000).toISOString();
  const job = running({ checking: [first.id], rateWait: { account: 'sandbox', until } });
  await renderApp(keys, { startVerifyAll: () => job, getVerifyAll: () => job });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Verify all' }));
  });
  const bar = screen.getByRole('group', { name: 'Verify all' });
  // The seconds left of the 50, however long rendering took on a busy machine.
  const left = /ApexVerify asked to slow down: continuing in (\d+) s\./.exec(bar.textContent ?? '');
  expect(Number(left?.[1])).toBeGreaterThan(0);
  expect(Number(left?.[1])).toBeLessThanOrEqual(50);
  expect(bar.textContent).not.toContain('paced to');
  // One number, said once: nowhere else in the window.
  expect(document.body.textContent?.match(/\d+ s\b/g)).toHaveLength(1);
  expect(screen.queryByText(/try again/)).toBeNull();
});

test('the summary of the last run stays until Dismiss', async () => {
  const done: VerifyJob = {
    ...running({}),
    state: 'done',
    done: 3,
    ok: 3,
    results: keys.map((k) => verified(k.id, k.label)),
    queued: [],
    secondsLeft: null,
  };
  const { store } = await renderApp(keys, { startVerifyAll: () => done });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Verify all' }));
  });
  const bar = screen.getByRole('group', { name: 'Verify all' });
  expect(bar.textContent).toContain('Verify all finished');
  expect(bar.textContent).toContain('3 of 3 · 3 OK · 0 failed');
  expect(bar.textContent).not.toContain('left');
  // The list reloads with the run's results, and other work goes on: the summary stays.
  await act(async () => {
    await store.getState().loadKeys();
    await store.getState().checkConnection();
  });
  expect(screen.getByRole('group', { name: 'Verify all' }).textContent).toContain(
    'Verify all finished',
  );
  await act(async () => {
    fireEvent.click(within(bar).getByRole('button', { name: 'Dismiss' }));
  });
  expect(screen.queryByRole('group', { name: 'Verify all' })).toBeNull();
});
