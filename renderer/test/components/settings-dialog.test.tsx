// The Settings dialog: every field labelled as the issue names it, Save sends only what changed,
// a bad value is refused at its field with the range (nothing sent), a refusal from the core
// shows at the field it names, and the theme previews at once and reverts on Cancel.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { makeKey } from '../support/fake-api.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(() => {
  cleanup();
  document.documentElement.removeAttribute('data-theme');
});

const keys = [makeKey({ label: 'web', environment: 'staging' })];

async function openSettings(overrides: Parameters<typeof renderApp>[1] = {}) {
  const app = await renderApp(keys, overrides);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
  });
  const dialog = await screen.findByRole('dialog', { name: 'Settings' });
  await within(dialog).findByLabelText('Clear the clipboard after (seconds)');
  return { ...app, dialog };
}

const type = (dialog: HTMLElement, label: string, value: string) =>
  fireEvent.change(within(dialog).getByLabelText(label), { target: { value } });

const saves = (calls: Array<{ channel: string; input: unknown }>) =>
  calls.filter((c) => c.channel === 'saveSettings').map((c) => c.input);

describe('the Settings dialog', () => {
  test('shows every setting with its saved value', async () => {
    const { dialog } = await openSettings();
    const value = (label: string) =>
      (within(dialog).getByLabelText(label) as HTMLInputElement).value;
    expect(value('Clear the clipboard after (seconds)')).toBe('30');
    expect(value('Verify all may use (% of the rate limit)')).toBe('50');
    expect(value('Warn about recent use within (minutes)')).toBe('15');
    expect(value('Rotation period for production (days)')).toBe('90');
    expect(value('Rotation period for staging (days)')).toBe('never');
    expect(value('Remind me about keys due within (days)')).toBe('14');
    expect(within(dialog).getByRole('checkbox', { name: 'Show reminders' })).toHaveProperty(
      'checked',
      true,
    );
    expect(
      within(dialog).getByRole('checkbox', { name: 'Hide the built-in sandbox account' }),
    ).toHaveProperty('checked', false);
    const theme = within(dialog).getByRole('group', { name: 'Theme' });
    expect(within(theme).getByRole('radio', { name: 'System' })).toHaveProperty('checked', true);
    expect(
      within(theme)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['system', 'light', 'dark']);
  });

  test('Save sends only what changed, and the dialog closes', async () => {
    const { dialog, calls, store } = await openSettings();
    type(dialog, 'Clear the clipboard after (seconds)', '45');
    type(dialog, 'Verify all may use (% of the rate limit)', '25');
    type(dialog, 'Rotation period for staging (days)', '30');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Show reminders' }));
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Dark' }));
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    });
    expect(saves(calls)).toEqual([
      {
        clipboardClearSec: 45,
        rateShare: 0.25,
        rotationDays: { staging: 30 },
        reminders: false,
        theme: 'dark',
      },
    ]);
    expect(screen.queryByRole('dialog', { name: 'Settings' })).toBeNull();
    expect(store.getState().settings).toMatchObject({ clipboardClearSec: 45, theme: 'dark' });
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
  });

  test('refuses a bad value at its field with the range, sending nothing', async () => {
    const { dialog, calls } = await openSettings();
    type(dialog, 'Clear the clipboard after (seconds)', '0');
    type(dialog, 'Rotation period for production (days)', 'never');
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    });
    const clip = within(dialog).getByLabelText('Clear the clipboard after (seconds)');
    expect(clip.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByText('Between 1 and 3600 seconds.')).toBeTruthy();
    expect(within(dialog).getByText(/Production keys always have a rotation period/)).toBeTruthy();
    expect(saves(calls)).toEqual([]);
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeTruthy();
  });

  test("shows the core's refusal at the field it names", async () => {
    const { dialog } = await openSettings({
      saveSettings: () => ({
        code: 'BAD_INPUT',
        message: 'Between 1 and 1440 minutes.',
        field: 'recentUseWindowMin',
      }),
    });
    type(dialog, 'Warn about recent use within (minutes)', '20');
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    });
    const field = within(dialog).getByLabelText('Warn about recent use within (minutes)');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByText('Between 1 and 1440 minutes.')).toBeTruthy();
    expect(within(dialog).queryByText(/BAD_INPUT/)).toBeNull();
  });

  test('previews the theme at once and Cancel puts the saved one back', async () => {
    const { dialog, calls } = await openSettings();
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Light' }));
    expect(document.documentElement.getAttribute('data-theme')).toBe('light');
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Dark' }));
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    });
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
    expect(saves(calls)).toEqual([]);
  });
});

describe('the window preferences', () => {
  test('applies the kept filter and sort at start, and saves a change (never the query)', async () => {
    const { store, calls } = await renderApp(keys, {
      getWindowPrefs: () => ({
        accountFilter: '',
        environmentFilter: 'staging',
        statusFilter: 'all',
        sort: { column: 'createdAt', direction: 'descending' },
      }),
    });
    await expect.poll(() => store.getState().statusFilter).toBe('all');
    expect(store.getState()).toMatchObject({
      environmentFilter: 'staging',
      sort: { column: 'createdAt', direction: 'descending' },
    });
    act(() => {
      store.getState().setQuery('avk_pasted_text');
      store.getState().setStatusFilter('due');
    });
    await expect
      .poll(() => calls.filter((c) => c.channel === 'setWindowPrefs').map((c) => c.input))
      .toEqual([expect.objectContaining({ statusFilter: 'due', environmentFilter: 'staging' })]);
    expect(JSON.stringify(calls.filter((c) => c.channel === 'setWindowPrefs'))).not.toContain(
      'avk_pasted',
    );
  });
});
