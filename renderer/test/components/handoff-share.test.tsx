// Share with a teammate… in the window: the recipients checked at the field (naming the bad one),
// a relative path refused before anything is sent, the core's refusal shown at its field, the
// hand-over with its Held by owner prefilled, the result that says what to send, and the key
// held afterwards: Held by in the list and the details, Copy/Reveal/Write to .env unavailable.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import type { KeyView } from '../../../shared/views.ts';
import { snapshotState } from '../../src/state/create-state.ts';
import {
  FAKE_RECIPIENT,
  SECRET_PREFIX,
  makeKey,
  previewStatus,
  type Overrides,
} from '../support/fake-api.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(cleanup);

const OTHER = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';

async function click(el: HTMLElement) {
  await act(async () => {
    fireEvent.click(el);
  });
}

async function openShare(keys: KeyView[], overrides: Overrides = {}) {
  const app = await renderApp(keys, overrides);
  await click(screen.getByRole('row', { name: /dev-john/ }));
  const details = screen.getByRole('region', { name: 'dev-john' });
  await click(within(details).getByRole('button', { name: 'Share with a teammate…' }));
  const dialog = screen.getByRole('dialog', { name: 'Share with a teammate' });
  const recipients = within(dialog).getByRole('textbox', { name: 'Recipients' });
  const file = within(dialog).getByRole('textbox', { name: 'Save to file' });
  return { ...app, details, dialog, recipients, file };
}

const john = () => makeKey({ id: 'key_dev-john', label: 'dev-john', owner: 'John' });

describe('Share with a teammate', () => {
  test('checks every recipient and the path at their fields before sending anything', async () => {
    const { dialog, recipients, file, calls } = await openShare([john()]);
    // The preview host has no chooser: the path field only.
    expect(within(dialog).queryByRole('button', { name: 'Choose…' })).toBeNull();
    fireEvent.change(recipients, { target: { value: `${FAKE_RECIPIENT}, age1nope` } });
    fireEvent.change(file, { target: { value: 'dev-john.age' } });
    await click(within(dialog).getByRole('button', { name: 'Share' }));
    expect(recipients.getAttribute('aria-invalid')).toBe('true');
    expect(dialog.textContent).toContain('"age1nope" is not an age recipient');
    expect(file.getAttribute('aria-invalid')).toBe('true');
    expect(dialog.textContent).toContain('not a relative one ("dev-john.age")');
    expect(calls.some((c) => c.channel === 'shareKey')).toBe(false);
  });

  test('a plain share to two recipients says what was written and what to send', async () => {
    const { dialog, recipients, file, calls, store } = await openShare([john()]);
    fireEvent.change(recipients, { target: { value: `${FAKE_RECIPIENT}\n${OTHER}\n` } });
    fireEvent.change(file, { target: { value: '/home/lead/dev-john.age' } });
    await click(within(dialog).getByRole('button', { name: 'Share' }));
    expect(calls.find((c) => c.channel === 'shareKey')?.input).toEqual({
      id: 'key_dev-john',
      recipients: [FAKE_RECIPIENT, OTHER],
      path: '/home/lead/dev-john.age',
      handover: false,
    });
    const result = within(dialog).getByRole('status');
    expect(result.textContent).toContain(
      'Wrote “dev-john”, encrypted to 2 recipients, to /home/lead/dev-john.age.',
    );
    expect(result.textContent).toContain('Receive a key…');
    expect(result.textContent).not.toContain('Handed over');
    expect(JSON.stringify(snapshotState(store))).not.toContain(SECRET_PREFIX);
    await click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  test('hand-over: Held by is prefilled, and afterwards the key is held by its owner', async () => {
    const { dialog, recipients, file, calls, details } = await openShare([john()]);
    fireEvent.change(recipients, { target: { value: FAKE_RECIPIENT } });
    fireEvent.change(file, { target: { value: '/home/lead/dev-john.age' } });
    expect(within(dialog).queryByRole('textbox', { name: 'Held by' })).toBeNull();
    await click(
      within(dialog).getByRole('checkbox', { name: 'Hand over: remove my copy of the secret' }),
    );
    const owner = within(dialog).getByRole('textbox', { name: 'Held by' });
    expect((owner as HTMLInputElement).value).toBe('John');
    expect(dialog.textContent).toContain('the secret is removed from this keychain');
    fireEvent.change(owner, { target: { value: 'John Doe' } });
    await click(within(dialog).getByRole('button', { name: 'Share and hand over' }));
    expect(calls.find((c) => c.channel === 'shareKey')?.input).toMatchObject({
      handover: true,
      owner: 'John Doe',
    });
    expect(within(dialog).getByRole('status').textContent).toContain(
      'is now listed as held by John Doe',
    );
    await click(within(dialog).getByRole('button', { name: 'Close' }));

    expect(screen.getByRole('row', { name: /dev-john/ }).textContent).toContain('Held by John Doe');
    expect(details.textContent).toContain('Held by John Doe');
    for (const name of ['Copy', 'Reveal', 'Write to .env…', 'Share with a teammate…']) {
      const b = within(details).getByRole('button', { name });
      expect(b.getAttribute('aria-disabled'), name).toBe('true');
      expect(b.getAttribute('title'), name).toContain('no longer on this device');
    }
    // Nothing here to verify with either.
    expect(within(details).queryByRole('button', { name: 'Verify' })).toBeNull();
    await click(within(details).getByRole('button', { name: 'Reveal' }));
    expect(calls.some((c) => c.channel === 'revealKey' || c.channel === 'copyKey')).toBe(false);
  });

  test("the core's refusal lands at its field, in words and without a code", async () => {
    const { dialog, recipients, file } = await openShare([john()], {
      shareKey: () => ({
        code: 'BAD_INPUT',
        message: `"${OTHER}" is not a valid age recipient (its checksum does not match): copy it again.`,
        field: 'to',
      }),
    });
    fireEvent.change(recipients, { target: { value: OTHER } });
    fireEvent.change(file, { target: { value: '/tmp/x.age' } });
    await click(within(dialog).getByRole('button', { name: 'Share' }));
    expect(recipients.getAttribute('aria-invalid')).toBe('true');
    expect(dialog.textContent).toContain('its checksum does not match');
    expect(dialog.textContent).not.toContain('BAD_INPUT');
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  test('a refusal about the whole share is an alert that names what failed', async () => {
    const { dialog, recipients, file } = await openShare([john()], {
      shareKey: () => ({
        code: 'REFUSED',
        message: '"dev-john" is pending: its rotation has not made it live yet.',
      }),
    });
    fireEvent.change(recipients, { target: { value: FAKE_RECIPIENT } });
    fireEvent.change(file, { target: { value: '/tmp/x.age' } });
    await click(within(dialog).getByRole('button', { name: 'Share' }));
    const alert = within(dialog).getByRole('alert');
    expect(alert.textContent).toContain('Sharing “dev-john” failed');
    expect(alert.textContent).toContain('is pending');
    expect(alert.textContent).not.toContain('REFUSED');
  });

  test('in Electron, Choose… fills the file with the path the save dialog gave', async () => {
    const { dialog, file, calls } = await openShare([john()], {
      getStatus: () => ({ ...previewStatus, transport: 'electron' }),
      chooseFiles: () => ({ supported: true, paths: ['/home/lead/Desktop/dev-john.age'] }),
    });
    await click(within(dialog).getByRole('button', { name: 'Choose…' }));
    expect(calls.find((c) => c.channel === 'chooseFiles')?.input).toEqual({
      kind: 'save',
      title: 'Share “dev-john”',
      defaultName: 'dev-john.age',
    });
    expect((file as HTMLInputElement).value).toBe('/home/lead/Desktop/dev-john.age');
  });
});
