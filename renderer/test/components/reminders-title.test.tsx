// Reminders in the window: the title counts the keys due (overdue or within the reminder
// window; Show reminders off: no count), the Due for rotation filter uses the same window, and a
// clicked notification's target (taken from main) opens the key or the due list.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/schemas.ts';
import { makeKey } from '../support/fake-api.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(cleanup);

const DAY = 86_400_000;
const due = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const keys = [
  makeKey({ label: 'late', rotationDueAt: due(-2) }),
  makeKey({ label: 'soon', rotationDueAt: due(5) }),
  makeKey({ label: 'later', rotationDueAt: due(30) }),
  makeKey({ label: 'gone', status: 'revoked', rotationDueAt: due(-9) }),
];

const rowLabels = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.getAttribute('aria-label') ?? r.textContent ?? '');

describe('reminders in the window', () => {
  test('the title counts the due keys; the window setting and Show reminders shape it', async () => {
    const { store } = await renderApp(keys);
    await expect.poll(() => document.title).toBe('ApexVerify Key Manager — 2 due');
    act(() => store.setState({ settings: { ...DEFAULT_SETTINGS, reminderDays: 60 } }));
    expect(document.title).toBe('ApexVerify Key Manager — 3 due');
    act(() => store.setState({ settings: { ...DEFAULT_SETTINGS, reminders: false } }));
    expect(document.title).toBe('ApexVerify Key Manager');
  });

  test('no due keys: the plain title', async () => {
    await renderApp([makeKey({ label: 'later', rotationDueAt: due(30) })]);
    await expect.poll(() => document.title).toBe('ApexVerify Key Manager');
  });

  test('the Due for rotation filter lists the same keys, by the reminder window', async () => {
    const { store } = await renderApp(keys);
    const status = screen.getByRole('combobox', { name: 'Status filter' });
    expect(within(status).getByRole('option', { name: 'Due for rotation' })).toBeTruthy();
    await act(async () => {
      fireEvent.change(status, { target: { value: 'due' } });
    });
    expect(rowLabels().join('\n')).toMatch(/late[\s\S]*soon/);
    expect(rowLabels().some((r) => r.includes('later'))).toBe(false);
    act(() => store.setState({ settings: { ...DEFAULT_SETTINGS, reminderDays: 60 } }));
    expect(rowLabels().some((r) => r.includes('later'))).toBe(true);
    expect(rowLabels().some((r) => r.includes('gone'))).toBe(false);
  });

  test("a clicked notification's key opens when the window takes it", async () => {
    let target: { show: 'key'; keyId: string } | null = { show: 'key', keyId: 'key_soon' };
    await renderApp(keys, {
      takeReminderTarget: () => {
        const t = target;
        target = null;
        return t;
      },
    });
    expect(await screen.findByRole('region', { name: 'soon' })).toBeTruthy();
  });

  test('several due: the list is filtered to Due for rotation, on focus too', async () => {
    let target: { show: 'due' } | null = null;
    const { calls } = await renderApp(keys, {
      takeReminderTarget: () => {
        const t = target;
        target = null;
        return t;
      },
    });
    const status = screen.getByRole('combobox', { name: 'Status filter' }) as HTMLSelectElement;
    expect(status.value).toBe('live');
    target = { show: 'due' };
    await act(async () => {
      window.dispatchEvent(new Event('focus'));
    });
    await expect.poll(() => status.value).toBe('due');
    expect(calls.filter((c) => c.channel === 'takeReminderTarget').length).toBeGreaterThan(1);
  });
});
