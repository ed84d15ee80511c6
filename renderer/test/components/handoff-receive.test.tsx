// Receive a key… and this installation's recipient in Settings: the shared file checked at its
// field, the account and label passed on when chosen, the server check on by default, a file made
// for another installation refused at the field with this installation's recipient, the received
// key in the list; Settings shows the recipient with Copy; a held key's revocation proof in words.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { KeyView } from '../../../shared/views.ts';
import { FAKE_RECIPIENT, makeKey, type Overrides } from '../support/fake-api.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function click(el: HTMLElement) {
  await act(async () => {
    fireEvent.click(el);
  });
}

async function openReceive(keys: KeyView[] = [], overrides: Overrides = {}) {
  const app = await renderApp(keys, overrides);
  await click(screen.getByRole('button', { name: 'Receive a key…' }));
  const dialog = screen.getByRole('dialog', { name: 'Receive a key' });
  const file = within(dialog).getByRole('textbox', { name: 'Shared file' });
  return { ...app, dialog, file };
}

describe('Receive a key', () => {
  test('checks the path first, then receives with the server check on by default', async () => {
    const { dialog, file, calls } = await openReceive();
    const verify = within(dialog).getByRole('checkbox', { name: 'Check the key with the server' });
    expect((verify as HTMLInputElement).checked).toBe(true);
    await click(within(dialog).getByRole('button', { name: 'Receive' }));
    expect(file.getAttribute('aria-invalid')).toBe('true');
    expect(dialog.textContent).toContain('Give the full path of the shared file.');
    expect(calls.some((c) => c.channel === 'receiveKey')).toBe(false);

    fireEvent.change(file, { target: { value: '/home/john/dev-john.age' } });
    await click(within(dialog).getByRole('button', { name: 'Receive' }));
    expect(calls.find((c) => c.channel === 'receiveKey')?.input).toEqual({
      path: '/home/john/dev-john.age',
      verify: true,
    });
    expect(within(dialog).getByRole('status').textContent).toContain(
      'Received “dev-john” into account “sandbox”',
    );
    await click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.getByRole('row', { name: /dev-john/ })).toBeTruthy();
  });

  test('passes the chosen account, the label and an unticked server check', async () => {
    const { dialog, file, calls } = await openReceive();
    fireEvent.change(file, { target: { value: '/home/john/dev-john.age' } });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Account' }), {
      target: { value: 'acc_sandbox' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Label (optional)' }), {
      target: { value: ' john-laptop ' },
    });
    await click(within(dialog).getByRole('checkbox', { name: 'Check the key with the server' }));
    await click(within(dialog).getByRole('button', { name: 'Receive' }));
    expect(calls.find((c) => c.channel === 'receiveKey')?.input).toEqual({
      path: '/home/john/dev-john.age',
      accountId: 'acc_sandbox',
      label: 'john-laptop',
      verify: false,
    });
    expect(within(dialog).getByRole('status').textContent).toContain(
      'It was not checked with the server.',
    );
  });

  test('a file for another installation is refused at the field, with our recipient', async () => {
    const { dialog, file } = await openReceive([], {
      receiveKey: () => ({
        code: 'REFUSED',
        message: `This file is not encrypted for this installation, so it cannot be opened here. Nothing was stored. Ask for a file encrypted to this installation's recipient: ${FAKE_RECIPIENT}`,
        rule: 'share-not-for-this-installation',
      }),
    });
    fireEvent.change(file, { target: { value: '/home/john/other.age' } });
    await click(within(dialog).getByRole('button', { name: 'Receive' }));
    expect(file.getAttribute('aria-invalid')).toBe('true');
    const problem = document.getElementById(
      (file.getAttribute('aria-describedby') ?? '').split(' ')[0] ?? '',
    );
    expect(problem?.textContent).toContain('not encrypted for this installation');
    expect(problem?.textContent).toContain(FAKE_RECIPIENT);
    expect(dialog.textContent).not.toContain('REFUSED');
    // Editing the path clears the refusal.
    fireEvent.change(file, { target: { value: '/home/john/dev-john.age' } });
    expect(file.getAttribute('aria-invalid')).toBeNull();
  });

  test('a missing account is said at the Account field; other failures as an alert', async () => {
    let answer: 'account' | 'offline' = 'account';
    const { dialog, file } = await openReceive([], {
      receiveKey: () =>
        answer === 'account'
          ? {
              code: 'UNKNOWN_ACCOUNT',
              message:
                'No account here has the base URL http://127.0.0.1:9, where this key belongs.',
              field: 'account',
            }
          : { code: 'NETWORK', message: 'ApexVerify could not be reached.' },
    });
    fireEvent.change(file, { target: { value: '/home/john/dev-john.age' } });
    await click(within(dialog).getByRole('button', { name: 'Receive' }));
    const account = within(dialog).getByRole('combobox', { name: 'Account' });
    expect(account.getAttribute('aria-invalid')).toBe('true');
    expect(dialog.textContent).toContain('No account here has the base URL http://127.0.0.1:9');
    answer = 'offline';
    await click(within(dialog).getByRole('button', { name: 'Receive' }));
    expect(within(dialog).getByRole('alert').textContent).toContain('Receiving the key failed');
  });
});

describe("This installation's recipient in Settings", () => {
  test('shows the recipient and copies it with the window clipboard', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    await renderApp([]);
    await click(screen.getByRole('button', { name: 'Settings' }));
    const dialog = await screen.findByRole('dialog', { name: 'Settings' });
    const field = await within(dialog).findByRole('textbox', {
      name: 'This installation’s recipient',
    });
    expect((field as HTMLInputElement).value).toBe(FAKE_RECIPIENT);
    expect(dialog.textContent).toContain('files encrypted to it open only in this installation');
    await click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(FAKE_RECIPIENT);
    await waitFor(() => expect(dialog.textContent).toContain('Copied the recipient.'));
  });
});

describe('Revoking a held key', () => {
  test('says the server no longer lists it, and why the app had no copy to try', async () => {
    const held = makeKey({ label: 'dev-john', custody: 'held', heldBy: 'John' });
    await renderApp([held], {
      revokeKey: () => ({
        key: { ...held, status: 'revoked', revokedAt: new Date().toISOString() },
        proof: { status: 404, checkedAt: new Date().toISOString() },
        secretRemoved: true,
      }),
    });
    await click(screen.getByRole('row', { name: /dev-john/ }));
    const details = screen.getByRole('region', { name: 'dev-john' });
    await click(within(details).getByRole('button', { name: 'Revoke…' }));
    const dialog = screen.getByRole('alertdialog');
    fireEvent.change(within(dialog).getByLabelText('Type the label to confirm'), {
      target: { value: 'dev-john' },
    });
    await click(within(dialog).getByRole('button', { name: 'Revoke' }));
    expect(dialog.textContent).toContain(
      'The server no longer lists the key (it was held by John, so the app had no copy to try)',
    );
    expect(dialog.textContent).not.toContain('Unauthorized');
  });
});
