// The rotation wizard with known locations (issue 12): step 2 lists where the old key is and
// replaces it in all; step 4 lists the files that still hold it and revokes only after a second
// confirmation; an abort offers its choices with their consequences, none chosen, puts files
// back, and asks again before revoking a new key some file could not give back.
import { cleanup, fireEvent, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import type { OutputOf } from '../../../shared/ipc/contract.ts';
import type { LocationState } from '../../../shared/locations.ts';
import type { RotationView } from '../../../shared/rotation-view.ts';
import { called, click, old, openWizard, reasonOf } from '../support/rotation-helpers.tsx';
import { viewAt } from '../support/rotation-views.ts';

afterEach(cleanup);

const SHOP = '/home/ana/shop/.env';
const LOCAL = '/home/ana/shop/.env.local';
const VAR = 'APEXVERIFY_API_KEY';

type Places = OutputOf<'keyLocations'>;
const place = (path: string, state: LocationState): Places[number] => ({
  path,
  variable: VAR,
  recordedAt: new Date(Date.now() - 3_600_000).toISOString(),
  via: 'env',
  state,
});

/** keyLocations answering from a table by key id, which the test changes as files change. */
function placesBy(table: Record<string, Places>) {
  return ({ id }: { id: string }) => table[id] ?? [];
}

const listItems = (list: HTMLElement) =>
  within(list)
    .getAllByRole('listitem')
    .map((li) => li.textContent);

describe('step 2 with known locations', () => {
  test('lists where the old key is, replaces it in all, shows each file, and checks again', async () => {
    const table: Record<string, Places> = {
      key_old: [place(SHOP, 'holds'), place(LOCAL, 'file-missing')],
    };
    const { w, calls } = await openWizard(viewAt(old, 'deploy'), {
      keyLocations: placesBy(table),
      replaceInAllLocations: () => {
        table.key_old = [place(SHOP, 'other-value'), place(LOCAL, 'file-missing')];
        table.key_new = [{ ...place(SHOP, 'holds'), via: 'rotation' }];
        return [
          { path: SHOP, changed: true, variables: [VAR], backup: `${SHOP}.bak`, gitTracked: false },
        ];
      },
    });
    const known = await w.findByRole('list', { name: 'Known locations of the old key' });
    expect(listItems(known)).toEqual([
      `${SHOP} ${VAR}: holds this key`,
      `${LOCAL} ${VAR}: file missing`,
    ]);
    expect(called(calls, 'keyLocations')).toContainEqual({ id: 'key_old', check: true });
    const all = w.getByRole('button', { name: 'Replace in all' });
    expect(reasonOf(all)).toBeNull();
    // The helper for files the app does not know of stays.
    expect(w.getByRole('button', { name: 'Replace in .env files…' })).toBeTruthy();

    await click(all);
    expect(called(calls, 'replaceInAllLocations')).toEqual([{ id: 'key_old' }]);
    expect(listItems(w.getByRole('list', { name: '.env files' }))).toEqual([
      `${SHOP}: changed (${VAR}), backup ${SHOP}.bak`,
    ]);
    await waitFor(() =>
      expect(listItems(w.getByRole('list', { name: 'Known locations of the old key' }))).toEqual([
        `${SHOP} ${VAR}: holds another value (the new key)`,
        `${LOCAL} ${VAR}: file missing`,
      ]),
    );
    expect(reasonOf(w.getByRole('button', { name: 'Replace in all' }))).toBe(
      'No known location holds the old key now.',
    );
  });

  test('with no known location, Replace in all is blocked and says what to use instead', async () => {
    const { w } = await openWizard(viewAt(old, 'deploy'));
    await w.findByText(/The app knows of no file holding the old key\./);
    expect(reasonOf(w.getByRole('button', { name: 'Replace in all' }))).toMatch(
      /name the files with “Replace in \.env files…”/,
    );
  });
});

const stillDeployed = (files: string[]) => ({
  code: 'REFUSED' as const,
  rule: 'old-key-still-deployed',
  message: [
    `Refused at step 4 of 4 (revoke) of rotation rot_1: ${files.length} known location(s) still hold the old key, and revoking it would break them. Nothing was revoked.`,
    ...files.map((f) => `${f} (${VAR}) still holds the old key`),
  ].join('\n'),
  files: files.map((path) => ({ path, variable: VAR })),
});

describe('step 4 while a known file still holds the old key', () => {
  test('lists the files and revokes only after "Revoke anyway"; the evidence shows the check', async () => {
    const done = viewAt(old, 'done');
    done.evidence.locationCheck = {
      at: done.startedAt,
      checked: 2,
      stillHeld: [{ path: LOCAL, variable: VAR }],
      ignored: true,
    };
    const { w, calls } = await openWizard(viewAt(old, 'revoke'), {
      finishRotation: (i) => (i.ignoreLocations ? done : stillDeployed([LOCAL])),
    });
    fireEvent.change(w.getByLabelText("Type the old key's label to confirm"), {
      target: { value: 'prod-api' },
    });
    const revoke = w.getByRole('button', { name: 'Revoke old key' });
    await click(revoke);
    const box = w.getByRole('group', { name: /Nothing was revoked: one known file still holds/ });
    expect(
      listItems(within(box).getByRole('list', { name: 'Files still holding the old key' })),
    ).toEqual([`${LOCAL} ${VAR}`]);
    // The box says it; no second, generic error alert repeats it.
    expect(w.getAllByRole('alert')).toHaveLength(1);
    // Without the second confirmation, the button only asks the core again.
    await click(revoke);
    expect(called(calls, 'finishRotation')).toEqual([
      { id: 'key_old', confirmLabel: 'prod-api' },
      { id: 'key_old', confirmLabel: 'prod-api' },
    ]);
    const anyway = w.getByRole('checkbox', {
      name: 'Revoke anyway: these files will stop working',
    });
    expect((anyway as HTMLInputElement).checked).toBe(false);
    await click(anyway);
    await click(revoke);
    expect(called(calls, 'finishRotation').at(-1)).toEqual({
      id: 'key_old',
      confirmLabel: 'prod-api',
      ignoreLocations: true,
    });
    expect(w.getByRole('status').textContent).toMatch(/Rotation complete/);
    const evidence = w.getByRole('region', { name: 'Evidence' });
    expect(evidence.textContent).toMatch(
      new RegExp(
        `Location check2 known location\\(s\\) of the old key read .*; 1 still held it, revoked anyway: ${LOCAL} \\(${VAR}\\)`,
      ),
    );
  });

  test('Check again after fixing the file by hand drops the hold', async () => {
    const table: Record<string, Places> = { key_old: [place(LOCAL, 'holds')] };
    const { w } = await openWizard(viewAt(old, 'revoke'), {
      keyLocations: placesBy(table),
      finishRotation: () => stillDeployed([LOCAL]),
    });
    fireEvent.change(w.getByLabelText("Type the old key's label to confirm"), {
      target: { value: 'prod-api' },
    });
    await click(w.getByRole('button', { name: 'Revoke old key' }));
    expect(w.getByRole('list', { name: 'Files still holding the old key' })).toBeTruthy();
    table.key_old = [place(LOCAL, 'other-value')];
    await click(w.getByRole('button', { name: 'Check again' }));
    expect(w.queryByRole('list', { name: 'Files still holding the old key' })).toBeNull();
    expect(w.queryByRole('checkbox')).toBeNull();
  });
});

const abortedWith = (restored: NonNullable<RotationView['evidence']['abort']>['restored']) => {
  const v = viewAt(old, 'aborted');
  v.evidence.abort = {
    requestedAt: v.startedAt,
    choice: 'revoke-new',
    proof: { status: 401, checkedAt: v.startedAt },
    keptLabel: null,
    restored,
    completedAt: v.startedAt,
  };
  return v;
};

describe('aborting after a deploy', () => {
  test('no choice is preselected, each says what happens to the files holding the new key', async () => {
    const { w, calls } = await openWizard(viewAt(old, 'verify'), {
      keyLocations: placesBy({ key_new: [place(SHOP, 'holds')] }),
    });
    await click(w.getByRole('button', { name: 'Abort rotation' }));
    for (const r of w.getAllByRole('radio')) expect((r as HTMLInputElement).checked).toBe(false);
    const confirm = w.getByRole('button', { name: 'Confirm abort' });
    expect(reasonOf(confirm)).toBe('Choose what happens to the new key.');
    await click(confirm);
    expect(called(calls, 'abortRotation')).toEqual([]);
    const meaning = (name: string) =>
      document.getElementById(w.getByRole('radio', { name }).getAttribute('aria-describedby') ?? '')
        ?.textContent;
    await waitFor(() =>
      expect(meaning('Revoke the new key now')).toContain(
        `First the app writes the old key back into the files that hold the new key (${SHOP})`,
      ),
    );
    expect(meaning('Revoke the new key now')).toMatch(
      /Anything else you gave the new key .* stops working/,
    );
    expect(meaning('Keep the new key as a separate key')).toContain(
      `The files stay as they are: ${SHOP} keep the new key.`,
    );
  });

  test('a file that cannot get the old key back: listed, and the new key is revoked only when confirmed again', async () => {
    const refusal = {
      code: 'REFUSED' as const,
      rule: 'locations-not-restored',
      message: [
        'Refused at step 3 of 4 (verify) of rotation rot_1: 1 file(s) the rotation changed cannot be given the old key back, so the new key was kept (not revoked).',
        `${LOCAL}: not restored (Cannot write ${LOCAL}: the file is read-only. Nothing was changed.)`,
      ].join('\n'),
      files: [
        {
          path: LOCAL,
          reason: `Cannot write ${LOCAL}: the file is read-only. Nothing was changed.`,
        },
      ],
    };
    const aborted = abortedWith([
      { path: SHOP, outcome: 'restored', reason: null },
      { path: LOCAL, outcome: 'not-restored', reason: 'the file is read-only' },
    ]);
    const { w, calls } = await openWizard(viewAt(old, 'verify'), {
      abortRotation: (i) => (i.revokeUnrestored ? aborted : refusal),
    });
    await click(w.getByRole('button', { name: 'Abort rotation' }));
    await click(w.getByRole('radio', { name: 'Revoke the new key now' }));
    const confirm = w.getByRole('button', { name: 'Confirm abort' });
    await click(confirm);
    const box = w.getByRole('group', { name: /The new key was not revoked/ });
    expect(listItems(within(box).getByRole('list', { name: 'Files not restored' }))).toEqual([
      `${LOCAL}: not restored (Cannot write ${LOCAL}: the file is read-only. Nothing was changed.)`,
    ]);
    await click(
      w.getByRole('checkbox', {
        name: 'Revoke the new key anyway: these files will stop working',
      }),
    );
    await click(confirm);
    expect(called(calls, 'abortRotation')).toEqual([
      { id: 'key_old', choice: 'revoke-new' },
      { id: 'key_old', choice: 'revoke-new', revokeUnrestored: true },
    ]);
    const outcome = w.getByRole('status');
    expect(outcome.className).toContain('outcome--aborted');
    expect(
      listItems(within(outcome).getByRole('list', { name: 'Files the rotation changed' })),
    ).toEqual([
      `${SHOP}: the old key was written back`,
      `${LOCAL}: not restored: it holds the revoked new key (the file is read-only)`,
    ]);
  });

  test('keeping the new key says which files hold it', async () => {
    const kept = viewAt(old, 'aborted');
    kept.evidence.abort = {
      requestedAt: kept.startedAt,
      choice: 'keep-new',
      proof: null,
      keptLabel: 'prod-api-new',
      completedAt: kept.startedAt,
    };
    const { w } = await openWizard(viewAt(old, 'verify'), {
      keyLocations: placesBy({ key_new: [place(SHOP, 'holds')] }),
      abortRotation: () => kept,
    });
    await click(w.getByRole('button', { name: 'Abort rotation' }));
    await click(w.getByRole('radio', { name: 'Keep the new key as a separate key' }));
    await click(w.getByRole('button', { name: 'Confirm abort' }));
    const held = await w.findByRole('list', { name: 'Files holding the kept key' });
    expect(listItems(held)).toEqual([`${SHOP} ${VAR}`]);
    expect(w.getByRole('status').textContent).toContain('these hold “prod-api-new”');
  });
});
