// Back up…, Restore… and Export inventory… in the window: the toolbar's Data menu (a menu button
// with its keys) and the Ctrl shortcuts the File menu replays; the backup's rule and warning said
// before the first try, its checks, and the passphrase kept out of the state store and cleared
// once answered; a restore's refusals at their field and its result in words with the list
// reloaded; the inventory's format passed on and its answer said.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import type { OutputOf } from '../../../shared/ipc/contract.ts';
import { makeKey, type Overrides } from '../support/fake-api.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(cleanup);

const PASSPHRASE = 'tall purple window 42';

async function click(el: HTMLElement) {
  await act(async () => {
    fireEvent.click(el);
  });
}
const type = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });

async function openFromMenu(item: string, dialogName: string, overrides: Overrides = {}) {
  const app = await renderApp([makeKey()], overrides);
  await click(screen.getByRole('button', { name: 'Data' }));
  await click(screen.getByRole('menuitem', { name: item }));
  return { ...app, dialog: screen.getByRole('dialog', { name: dialogName }) };
}

const restored: OutputOf<'restoreData'> = {
  file: '/home/me/apexkeys-backup.age',
  backupCreatedAt: '2026-12-01T10:00:00.000Z',
  noOp: false,
  accounts: { added: 1, updated: 0, skipped: 0 },
  keys: { added: 2, updated: 1, skipped: 3 },
  rotations: { added: 0, updated: 0, skipped: 0 },
  secretsRestored: 3,
  settingsApplied: [],
  notes: [],
};

describe('the Data menu and its shortcuts', () => {
  test('opens from the keyboard on its first item, moves with the arrows, and Esc returns', async () => {
    await renderApp([makeKey()]);
    const button = screen.getByRole('button', { name: 'Data' });
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    button.focus();
    await act(async () => {
      fireEvent.keyDown(button, { key: 'ArrowDown' });
    });
    const menu = screen.getByRole('menu', { name: 'Data' });
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual([
      'Back up…Ctrl+B',
      'Restore…Ctrl+O',
      'Export inventory…Ctrl+E',
    ]);
    expect(document.activeElement).toBe(items[0]);
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[1]);
    fireEvent.keyDown(menu, { key: 'ArrowUp' });
    fireEvent.keyDown(menu, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(items[2]);
    fireEvent.keyDown(menu, { key: 'Home' });
    expect(document.activeElement).toBe(items[0]);
    await act(async () => {
      fireEvent.keyDown(menu, { key: 'Escape' });
    });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  test.each([
    ['b', 'Back up'],
    ['o', 'Restore'],
    ['e', 'Export inventory'],
  ])('Ctrl+%s opens %s, and does nothing over another dialog', async (key, name) => {
    await renderApp([makeKey()]);
    const press = () => {
      const e = new KeyboardEvent('keydown', {
        key,
        ctrlKey: true,
        bubbles: true,
        cancelable: true,
      });
      act(() => {
        window.dispatchEvent(e);
      });
      return e;
    };
    expect(press().defaultPrevented).toBe(true);
    const dialog = screen.getByRole('dialog', { name });
    await click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await click(screen.getByRole('button', { name: 'Settings' }));
    expect(press().defaultPrevented).toBe(true);
    expect(screen.queryByRole('dialog', { name })).toBeNull();
  });
});

describe('Back up', () => {
  test('says what the file holds and the passphrase rule first, then checks before sending', async () => {
    const { dialog, calls } = await openFromMenu('Back up…', 'Back up');
    expect(dialog.textContent).toContain('every secret (account keys and key secrets)');
    expect(dialog.textContent).toContain('the file cannot be opened without it');
    const pass = within(dialog).getByLabelText('Passphrase');
    expect(pass.getAttribute('type')).toBe('password');
    expect(pass.getAttribute('aria-describedby')).toBeTruthy();
    expect(dialog.textContent).toContain('At least 12 characters.');

    await click(within(dialog).getByRole('button', { name: 'Back up' }));
    expect(dialog.textContent).toContain('Give the full path of the backup file.');
    expect(dialog.textContent).toContain('Give a passphrase for the backup.');
    type(within(dialog).getByRole('textbox', { name: 'Save to file' }), '/home/me/b.age');
    type(pass, 'too short');
    expect(dialog.textContent).toContain('The passphrase is 9 characters long');
    type(pass, PASSPHRASE);
    type(within(dialog).getByLabelText('Passphrase again'), `${PASSPHRASE}!`);
    await click(within(dialog).getByRole('button', { name: 'Back up' }));
    expect(dialog.textContent).toContain('The two passphrases differ.');
    expect(calls.some((c) => c.channel === 'backupData')).toBe(false);
  });

  test('sends the passphrase once, clears it, keeps it out of the store, and says what it wrote', async () => {
    const { dialog, calls, store } = await openFromMenu('Back up…', 'Back up', {
      backupData: ({ path }) => ({
        file: path,
        createdAt: '2026-12-02T10:00:00.000Z',
        accounts: 1,
        keys: 2,
        rotations: 0,
        secrets: 3,
        missing: [
          { kind: 'key', name: 'old-ci', account: 'sandbox', reason: 'not in the keychain' },
        ],
      }),
    });
    type(within(dialog).getByRole('textbox', { name: 'Save to file' }), ' /home/me/b.age ');
    type(within(dialog).getByLabelText('Passphrase'), PASSPHRASE);
    type(within(dialog).getByLabelText('Passphrase again'), PASSPHRASE);
    expect(JSON.stringify(store.getState())).not.toContain(PASSPHRASE);
    await click(within(dialog).getByRole('button', { name: 'Back up' }));
    expect(calls.find((c) => c.channel === 'backupData')?.input).toEqual({
      path: '/home/me/b.age',
      passphrase: PASSPHRASE,
    });
    const status = within(dialog).getByRole('status');
    expect(status.textContent).toContain(
      'Backed up 1 account, 2 keys, 0 rotation runs, the settings and 3 secrets to /home/me/b.age.',
    );
    expect(status.textContent).toContain(
      'The secret of “old-ci” (account sandbox) is not in the keychain',
    );
    expect(document.body.innerHTML).not.toContain(PASSPHRASE);
    expect(JSON.stringify(store.getState())).not.toContain(PASSPHRASE);
  });

  test('an existing file is refused at the file field, and the passphrases are cleared', async () => {
    const { dialog } = await openFromMenu('Back up…', 'Back up', {
      backupData: () => ({
        code: 'REFUSED',
        message: '/home/me/b.age already exists; a backup never replaces a file.',
        field: 'file',
      }),
    });
    const file = within(dialog).getByRole('textbox', { name: 'Save to file' });
    type(file, '/home/me/b.age');
    type(within(dialog).getByLabelText('Passphrase'), PASSPHRASE);
    type(within(dialog).getByLabelText('Passphrase again'), PASSPHRASE);
    await click(within(dialog).getByRole('button', { name: 'Back up' }));
    expect(file.getAttribute('aria-invalid')).toBe('true');
    expect(dialog.textContent).toContain('already exists');
    expect((within(dialog).getByLabelText('Passphrase') as HTMLInputElement).value).toBe('');
    expect((within(dialog).getByLabelText('Passphrase again') as HTMLInputElement).value).toBe('');
  });
});

describe('Restore', () => {
  test('a wrong passphrase is said at its field, in words, and cleared', async () => {
    const { dialog } = await openFromMenu('Restore…', 'Restore', {
      restoreData: () => ({
        code: 'BAD_INPUT',
        message:
          'The passphrase does not open this backup (or the file was changed). Nothing was changed.',
        field: 'passphrase',
      }),
    });
    type(within(dialog).getByRole('textbox', { name: 'Backup file' }), '/home/me/b.age');
    const pass = within(dialog).getByLabelText('Passphrase') as HTMLInputElement;
    type(pass, 'wrong passphrase here');
    await click(within(dialog).getByRole('button', { name: 'Restore' }));
    expect(pass.getAttribute('aria-invalid')).toBe('true');
    expect(pass.value).toBe('');
    expect(dialog.textContent).toContain('The passphrase does not open this backup');
    expect(dialog.textContent).not.toContain('BAD_INPUT');
  });

  test('a damaged file is said at the file field', async () => {
    const { dialog } = await openFromMenu('Restore…', 'Restore', {
      restoreData: () => ({
        code: 'BAD_INPUT',
        message: 'The backup file is damaged or truncated. Nothing was changed.',
        field: 'file',
      }),
    });
    const file = within(dialog).getByRole('textbox', { name: 'Backup file' });
    type(file, '/home/me/b.age');
    type(within(dialog).getByLabelText('Passphrase'), PASSPHRASE);
    await click(within(dialog).getByRole('button', { name: 'Restore' }));
    expect(file.getAttribute('aria-invalid')).toBe('true');
    expect(dialog.textContent).toContain('damaged or truncated');
  });

  test('says what was added, updated and skipped, and reloads the list', async () => {
    const { dialog, calls, store } = await openFromMenu('Restore…', 'Restore', {
      restoreData: () => restored,
    });
    type(within(dialog).getByRole('textbox', { name: 'Backup file' }), '/home/me/b.age');
    type(within(dialog).getByLabelText('Passphrase'), PASSPHRASE);
    const listed = calls.filter((c) => c.channel === 'listKeys').length;
    await click(within(dialog).getByRole('button', { name: 'Restore' }));
    expect(calls.find((c) => c.channel === 'restoreData')?.input).toEqual({
      path: '/home/me/b.age',
      passphrase: PASSPHRASE,
    });
    const status = within(dialog).getByRole('status');
    expect(status.textContent).toContain('Keys: 2 added, 1 updated, 3 skipped.');
    expect(status.textContent).toContain('Accounts: 1 added, 0 updated, 0 skipped.');
    expect(status.textContent).toContain('3 secrets put in the keychain.');
    expect(calls.filter((c) => c.channel === 'listKeys').length).toBe(listed + 1);
    expect(JSON.stringify(store.getState())).not.toContain(PASSPHRASE);
  });

  test('a backup with nothing new says so, with what was skipped and why', async () => {
    const note = 'The backup\'s built-in "sandbox" account was skipped, with its keys.';
    const none = { added: 0, updated: 0, skipped: 0 };
    const { dialog } = await openFromMenu('Restore…', 'Restore', {
      restoreData: () => ({
        ...restored,
        noOp: true,
        accounts: { ...none, skipped: 1 },
        keys: { ...none, skipped: 2 },
        secretsRestored: 0,
        notes: [note],
      }),
    });
    type(within(dialog).getByRole('textbox', { name: 'Backup file' }), '/home/me/b.age');
    type(within(dialog).getByLabelText('Passphrase'), PASSPHRASE);
    await click(within(dialog).getByRole('button', { name: 'Restore' }));
    expect(within(dialog).getByRole('status').textContent).toContain(
      'Nothing to restore: nothing in /home/me/apexkeys-backup.age',
    );
    expect(within(dialog).getByRole('status').textContent).toContain(
      'Keys: 0 added, 0 updated, 2 skipped.',
    );
    expect(within(dialog).getByRole('status').textContent).toContain(note);
  });
});

describe('Export inventory', () => {
  test('says it holds no secrets, passes the format chosen, and says what it wrote', async () => {
    const { dialog, calls } = await openFromMenu('Export inventory…', 'Export inventory', {
      exportInventory: ({ path, format }) => ({ file: path, format, rows: 4 }),
    });
    expect(dialog.textContent).toContain('It holds no secrets.');
    const file = within(dialog).getByRole('textbox', { name: 'Save to file' });
    type(file, '/home/me/keys.csv');
    await click(within(dialog).getByRole('radio', { name: 'JSON' }));
    expect((file as HTMLInputElement).value).toBe('/home/me/keys.json');
    await click(within(dialog).getByRole('button', { name: 'Export' }));
    expect(calls.find((c) => c.channel === 'exportInventory')?.input).toEqual({
      path: '/home/me/keys.json',
      format: 'json',
    });
    expect(within(dialog).getByRole('status').textContent).toContain(
      'Wrote the inventory of 4 keys (JSON, no secrets) to /home/me/keys.json.',
    );
  });
});
