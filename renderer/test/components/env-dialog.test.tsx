// Write to .env in the window: the target is checked before the key is written; a file tracked by
// git or readable by others is said first, with Write anyway and "Make the file private (0600)"
// (checked by default); a relative path or a refused target is explained at the field; Choose…
// (the system's save dialog) only where the host has one.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import type { Channel } from '../../../shared/ipc/contract.ts';
import { makeKey, previewStatus, type Overrides } from '../support/fake-api.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(cleanup);

const FILE = '/home/me/shop/.env';
const readable = { exists: true, gitTracked: true, readableByOthers: 0o644 } as const;

async function click(el: HTMLElement) {
  await act(async () => {
    fireEvent.click(el);
  });
}

async function openEnv(overrides: Overrides = {}) {
  const app = await renderApp([makeKey({ id: 'key_web', label: 'web' })], overrides);
  await click(screen.getByRole('row', { name: /web/ }));
  const panel = screen.getByRole('region', { name: 'web' });
  await click(within(panel).getByRole('button', { name: 'Write to .env…' }));
  const dialog = screen.getByRole('dialog', { name: 'Write to .env' });
  const path = within(dialog).getByRole('textbox', { name: 'File path' });
  const inputsOf = (channel: Channel) =>
    app.calls.filter((c) => c.channel === channel).map((c) => c.input);
  return { ...app, dialog, path, inputsOf };
}

describe('Write to .env', () => {
  test('a file with nothing to warn of is checked, then written at once', async () => {
    const { dialog, path, inputsOf } = await openEnv();
    fireEvent.change(path, { target: { value: FILE } });
    await click(within(dialog).getByRole('button', { name: 'Write' }));
    expect(inputsOf('checkEnvTarget')).toEqual([{ path: FILE }]);
    expect(inputsOf('writeKeyToEnv')).toEqual([
      { id: 'key_web', path: FILE, variable: 'APEXVERIFY_API_KEY' },
    ]);
    expect(within(dialog).getByRole('status').textContent).toContain(
      `Written. Created ${FILE} with APEXVERIFY_API_KEY.`,
    );
  });

  test('a relative path is explained at the field, and nothing is asked of the host', async () => {
    const { dialog, path, inputsOf } = await openEnv();
    fireEvent.change(path, { target: { value: '.env' } });
    await click(within(dialog).getByRole('button', { name: 'Write' }));
    expect(path.getAttribute('aria-invalid')).toBe('true');
    const described = (path.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');
    expect(described).toContain('Give the full path, such as /home/me/project/.env.');
    expect(described).toContain('taken from the folder the app was started in');
    expect(inputsOf('checkEnvTarget')).toEqual([]);
    expect(inputsOf('writeKeyToEnv')).toEqual([]);
  });

  test('a file tracked by git and readable by others: warned before the write, then made private', async () => {
    const { dialog, path, inputsOf } = await openEnv({ checkEnvTarget: () => readable });
    fireEvent.change(path, { target: { value: FILE } });
    await click(within(dialog).getByRole('button', { name: 'Write' }));
    const warning = within(dialog).getByRole('alert');
    expect(warning.textContent).toContain('This file is tracked by git');
    expect(warning.textContent).toContain(
      'Other users on this computer can read this file (mode 644)',
    );
    expect(warning.textContent).toContain('Nothing has been written yet.');
    expect(inputsOf('writeKeyToEnv')).toEqual([]);
    const box = within(dialog).getByRole('checkbox', { name: 'Make the file private (0600)' });
    expect((box as HTMLInputElement).checked).toBe(true);

    await click(within(dialog).getByRole('button', { name: 'Write anyway' }));
    expect(inputsOf('checkEnvTarget')).toHaveLength(1);
    expect(inputsOf('writeKeyToEnv')).toEqual([
      { id: 'key_web', path: FILE, variable: 'APEXVERIFY_API_KEY', makePrivate: true },
    ]);
    expect(within(dialog).getByRole('status').textContent).toContain(
      'The file is now private (mode 600): only you can read it.',
    );
  });

  test('unticked, the mode is left as it is and the result still warns', async () => {
    const { dialog, path, inputsOf } = await openEnv({
      checkEnvTarget: () => ({ ...readable, gitTracked: false }),
      writeKeyToEnv: ({ path: p }) => ({
        path: p,
        created: false,
        backup: `${p}.bak`,
        replaced: 1,
        gitTracked: false,
        readableByOthers: 0o644,
      }),
    });
    fireEvent.change(path, { target: { value: FILE } });
    await click(within(dialog).getByRole('button', { name: 'Write' }));
    expect(within(dialog).getByRole('alert').textContent).not.toContain('git');
    await click(within(dialog).getByRole('checkbox', { name: 'Make the file private (0600)' }));
    await click(within(dialog).getByRole('button', { name: 'Write anyway' }));
    expect(inputsOf('writeKeyToEnv')).toEqual([
      { id: 'key_web', path: FILE, variable: 'APEXVERIFY_API_KEY' },
    ]);
    expect(within(dialog).getByRole('alert').textContent).toContain(
      'other users on this computer can read this file (mode 644)',
    );
  });

  test('another path drops the warnings: it is checked afresh', async () => {
    const { dialog, path, inputsOf } = await openEnv({ checkEnvTarget: () => readable });
    fireEvent.change(path, { target: { value: FILE } });
    await click(within(dialog).getByRole('button', { name: 'Write' }));
    expect(within(dialog).queryByRole('alert')).not.toBeNull();
    fireEvent.change(path, { target: { value: '/home/me/api/.env' } });
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(within(dialog).queryByRole('button', { name: 'Write anyway' })).toBeNull();
    await click(within(dialog).getByRole('button', { name: 'Write' }));
    expect(inputsOf('checkEnvTarget')).toEqual([{ path: FILE }, { path: '/home/me/api/.env' }]);
    expect(inputsOf('writeKeyToEnv')).toEqual([]);
  });

  test('a target the core refuses is explained at the field; a failed check writes nothing', async () => {
    const problem = `Cannot write ${FILE}: it is a directory. Nothing was changed.`;
    let answer: Overrides['checkEnvTarget'] = () => ({ ...readable, problem });
    const { dialog, path, inputsOf } = await openEnv({
      checkEnvTarget: (i) => answer?.(i) ?? readable,
    });
    fireEvent.change(path, { target: { value: FILE } });
    await click(within(dialog).getByRole('button', { name: 'Write' }));
    expect(path.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByText(problem)).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Write anyway' })).toBeNull();

    answer = () => ({ code: 'INTERNAL', message: 'The host stopped answering.' });
    fireEvent.change(path, { target: { value: '/srv/.env' } });
    await click(within(dialog).getByRole('button', { name: 'Write' }));
    expect(within(dialog).getByRole('alert').textContent).toContain('Checking /srv/.env failed');
    expect(inputsOf('writeKeyToEnv')).toEqual([]);
  });

  test('Choose… is not offered where the host has no file chooser', async () => {
    const { dialog } = await openEnv();
    expect(within(dialog).queryByRole('button', { name: 'Choose…' })).toBeNull();
  });

  test('in Electron, Choose… asks for a save dialog and puts the chosen file in the field', async () => {
    const { dialog, path, inputsOf } = await openEnv({
      getStatus: () => ({ ...previewStatus, transport: 'electron' }),
      chooseFiles: () => ({ supported: true, paths: [FILE] }),
    });
    await click(within(dialog).getByRole('button', { name: 'Choose…' }));
    expect(inputsOf('chooseFiles')).toEqual([
      { kind: 'save', title: 'Write the key to a .env file', defaultName: '.env' },
    ]);
    expect((path as HTMLInputElement).value).toBe(FILE);
  });
});
