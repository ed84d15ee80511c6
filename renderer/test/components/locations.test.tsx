// "Where this key is" and Find copies… in the window: the empty state, the list by file, Check's
// state words, Forget by accessible name, a revoked key read-only, and the Find copies dialog
// (the path field; Choose folders… only where the host has a chooser; the live count with
// Cancel; the summary; a folder the core cannot read shown on the field). No secret in state.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import type { OutputOf } from '../../../shared/ipc/contract.ts';
import type { KeyLocation } from '../../../shared/locations.ts';
import type { KeyView } from '../../../shared/views.ts';
import { snapshotState } from '../../src/state/create-state.ts';
import { SECRET_PREFIX, makeKey, type Overrides } from '../support/fake-api.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(cleanup);

type Job = OutputOf<'getFindCopies'>;

const at = new Date(Date.now() - 3_600_000).toISOString();
const loc = (path: string, variable = 'APEXVERIFY_API_KEY'): KeyLocation => ({
  path,
  variable,
  recordedAt: at,
  via: 'env',
});
const SHOP = '/home/me/shop/.env';
const API = '/home/me/api/.env.local';

const job = (over: Partial<Job> = {}): Job => ({
  jobId: 'job-1',
  keyId: 'key_web',
  state: 'running',
  read: 0,
  skipped: { ignoredDirs: 0, tooLarge: 0, binary: 0, symlinks: 0, unreadable: 0 },
  hits: [],
  limitHit: null,
  added: 0,
  ...over,
});

async function openWeb(keys: KeyView[], overrides: Overrides = {}) {
  const app = await renderApp(keys, overrides);
  // Revoked keys too (the list hides them by default).
  act(() => app.store.getState().setStatusFilter('all'));
  await act(async () => {
    fireEvent.click(screen.getByRole('row', { name: /web/ }));
  });
  const section = screen.getByRole('group', { name: 'Where this key is' });
  return { ...app, section };
}

async function click(el: HTMLElement) {
  await act(async () => {
    fireEvent.click(el);
  });
}

describe('Where this key is', () => {
  test('says how to record a location when there is none', async () => {
    const { section } = await openWeb([makeKey({ label: 'web' })]);
    expect(section.textContent).toContain(
      'No known locations. Write to .env or Find copies… to record one.',
    );
    expect(within(section).getByRole('button', { name: 'Find copies…' })).toBeTruthy();
    expect(
      within(section).getByRole('button', { name: 'Check' }).getAttribute('aria-disabled'),
    ).toBe('true');
  });

  test('lists each file, Check shows each state in words, Forget removes the file', async () => {
    let locations = [loc(SHOP), loc(API, 'API_KEY')];
    const keys = () => [makeKey({ label: 'web', locations })];
    const { section, calls, store } = await openWeb(keys(), {
      listKeys: () => keys(),
      keyLocations: ({ check }) =>
        locations.map((l, i) => ({
          ...l,
          ...(check ? { state: i === 0 ? ('holds' as const) : ('file-missing' as const) } : {}),
        })),
      forgetLocation: ({ path }) => (locations = locations.filter((l) => l.path !== path)),
    });
    const list = within(section).getByRole('list', { name: 'Files holding web' });
    expect(list.textContent).toContain(SHOP);
    expect(list.textContent).toContain('API_KEY');

    await click(within(section).getByRole('button', { name: 'Check' }));
    expect(calls.find((c) => c.channel === 'keyLocations')?.input).toEqual({
      id: 'key_web',
      check: true,
    });
    const items = within(list)
      .getAllByRole('listitem')
      .filter((li) => li.matches('.location'));
    expect(items[0]?.textContent).toContain('holds this key');
    expect(items[1]?.textContent).toContain('file missing');
    expect(within(section).getByRole('status').textContent).toBe(
      'Last check: holds this key (1), file missing (1).',
    );

    await click(within(section).getByRole('button', { name: `Forget ${API}` }));
    expect(calls.find((c) => c.channel === 'forgetLocation')?.input).toEqual({
      id: 'key_web',
      path: API,
    });
    await waitFor(() => expect(list.textContent).not.toContain(API));
    expect(within(section).queryByRole('button', { name: `Forget ${API}` })).toBeNull();
    expect(within(section).getByRole('status').textContent).toBe('Last check: holds this key (1).');
    expect(JSON.stringify(snapshotState(store))).not.toContain(SECRET_PREFIX);
  });

  test('a revoked key shows its locations read-only', async () => {
    const revoked = makeKey({
      label: 'web',
      status: 'revoked',
      revokedAt: at,
      locations: [loc(SHOP)],
    });
    const { section } = await openWeb([revoked]);
    expect(section.textContent).toContain(SHOP);
    expect(within(section).queryAllByRole('button')).toEqual([]);
  });

  test('paths may break after each separator', async () => {
    const { section } = await openWeb([makeKey({ label: 'web', locations: [loc(SHOP)] })]);
    expect(section.querySelectorAll('.location__path wbr')).toHaveLength(4);
  });
});

describe('the Find copies dialog', () => {
  const openDialog = async (section: HTMLElement) => {
    await click(within(section).getByRole('button', { name: 'Find copies…' }));
    return screen.getByRole('dialog', { name: 'Find copies' });
  };

  test('in the preview host: a path field, a live count with Cancel, then the summary', async () => {
    const answers = [
      job({ read: 3 }),
      job({
        state: 'cancelled',
        read: 5,
        skipped: { ignoredDirs: 2, tooLarge: 1, binary: 0, symlinks: 1, unreadable: 0 },
        hits: [{ path: '/srv/app/config/.env', variables: ['SHOP_KEY'] }],
        limitHit: 'cancelled',
        added: 1,
      }),
    ];
    let locations: KeyLocation[] = [];
    const keys = () => [makeKey({ label: 'web', locations })];
    const { section, calls } = await openWeb(keys(), {
      listKeys: () => keys(),
      startFindCopies: () => job(),
      getFindCopies: () => {
        const next = answers.length > 1 ? (answers.shift() as Job) : (answers[0] as Job);
        if (next.state !== 'running') locations = [loc('/srv/app/config/.env', 'SHOP_KEY')];
        return next;
      },
      cancelFindCopies: () => job({ read: 3 }),
    });
    const dialog = await openDialog(section);
    expect(within(dialog).queryByRole('button', { name: 'Choose folders…' })).toBeNull();
    const field = within(dialog).getByRole('textbox', { name: 'Folders to search' });

    fireEvent.change(field, { target: { value: 'relative/path' } });
    await click(within(dialog).getByRole('button', { name: 'Search' }));
    expect(within(dialog).getByText(/not a relative one \("relative\/path"\)/)).toBeTruthy();
    expect(calls.some((c) => c.channel === 'startFindCopies')).toBe(false);

    fireEvent.change(field, { target: { value: '/srv/app\n\n  /srv/other  \n' } });
    await click(within(dialog).getByRole('button', { name: 'Search' }));
    expect(calls.find((c) => c.channel === 'startFindCopies')?.input).toEqual({
      id: 'key_web',
      dirs: ['/srv/app', '/srv/other'],
    });
    const status = within(dialog).getByRole('status');
    await waitFor(() => expect(status.textContent).toBe('Searching… 3 files read so far.'));
    await click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(calls.find((c) => c.channel === 'cancelFindCopies')?.input).toEqual({
      jobId: 'job-1',
    });
    await waitFor(() =>
      expect(status.textContent).toBe('Search cancelled: 5 files read, 1 new location recorded.'),
    );
    expect(within(dialog).queryByRole('button', { name: 'Cancel' })).toBeNull();
    const text = dialog.textContent ?? '';
    expect(text).toContain('2 node_modules or .git folders, 1 file over 1 MiB, 0 binary files');
    expect(text).toContain('1 link out of the folder');
    expect(text).toContain('Cancelled before the end');
    expect(text).toContain('/srv/app/config/.env · SHOP_KEY');
    await waitFor(() => expect(section.textContent).toContain('/srv/app/config/.env'));

    await click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog', { name: 'Find copies' })).toBeNull();
  });

  test('a folder the core cannot read is shown on the field, in words', async () => {
    const { section } = await openWeb([makeKey({ label: 'web' })], {
      startFindCopies: () => job(),
      getFindCopies: () =>
        job({
          state: 'failed',
          error: {
            code: 'BAD_INPUT',
            message: 'Cannot read a folder to scan (ENOENT); name an existing folder.',
            field: 'dir',
          },
        }),
    });
    const dialog = await openDialog(section);
    const field = within(dialog).getByRole('textbox', { name: 'Folders to search' });
    fireEvent.change(field, { target: { value: '/nope' } });
    await click(within(dialog).getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(dialog.textContent).toContain('name an existing folder.');
    expect(dialog.textContent).not.toContain('BAD_INPUT');
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  test('in Electron, Choose folders… adds the chosen folders to the field', async () => {
    const { section, calls } = await openWeb([makeKey({ label: 'web' })], {
      getStatus: () => ({
        keychain: { state: 'ok', message: null },
        platform: 'linux',
        notices: [],
        storeError: null,
        clipboardClearSec: 30,
        transport: 'electron',
        demo: false,
      }),
      chooseFiles: () => ({ supported: true, paths: ['/srv/a', '/srv/b'] }),
    });
    const dialog = await openDialog(section);
    const field = within(dialog).getByRole('textbox', { name: 'Folders to search' });
    fireEvent.change(field, { target: { value: '/srv/a' } });
    await click(within(dialog).getByRole('button', { name: 'Choose folders…' }));
    expect(calls.find((c) => c.channel === 'chooseFiles')?.input).toEqual({
      kind: 'folder',
      title: 'Folders to search',
      multiple: true,
    });
    expect((field as HTMLTextAreaElement).value).toBe('/srv/a\n/srv/b');
  });
});
