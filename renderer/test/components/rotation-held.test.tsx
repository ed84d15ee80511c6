// The rotation wizard for a key held by a teammate (issue 14): the deploy step is the Share
// dialog's fields (the holder's recipient prefilled from the core), with no Copy, Reveal, .env or
// Replace in all; the path is checked before anything is sent, the core's refusal lands at its
// field, and one action writes the share file and confirms. The revoke step says the holder must
// have deployed the new key first; the outcome names the listing proof and the new holder.
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import type { RotationView } from '../../../shared/rotation-view.ts';
import { FAKE_RECIPIENT, makeKey, sandboxAccount } from '../support/fake-api.ts';
import { renderApp } from '../support/render-app.tsx';
import { called, click, openWizard } from '../support/rotation-helpers.tsx';
import { viewAt } from '../support/rotation-views.ts';

afterEach(cleanup);

const heldOld = makeKey({ id: 'key_old', label: 'prod-api', custody: 'held', heldBy: 'John' });
const SKIPPED = 'The old key is held by a teammate: no copy of its secret here.';

function heldAt(step: RotationView['step'], over: Partial<RotationView> = {}): RotationView {
  return viewAt(heldOld, step, {
    held: {
      holder: 'John',
      knownRecipients: [FAKE_RECIPIENT],
      shares: [],
      locationsSkipped: SKIPPED,
    },
    ...over,
  });
}

describe('rotating a key held by a teammate', () => {
  test('deploy: the share fields, prefilled, and no helper that needs a running copy', async () => {
    const { w, calls } = await openWizard(heldAt('deploy'), {}, [heldOld]);
    expect(w.getByText(/“prod-api” is held by John/)).toBeTruthy();
    const recipients = w.getByRole('textbox', { name: 'Recipients' }) as HTMLTextAreaElement;
    expect(recipients.value).toBe(FAKE_RECIPIENT);
    expect(w.getByText(SKIPPED)).toBeTruthy();
    for (const name of [
      'Copy new key',
      'Reveal new key',
      'Replace in .env files…',
      'Replace in all',
    ])
      expect(w.queryByRole('button', { name })).toBeNull();
    expect(w.queryByRole('button', { name: 'I have deployed the new key' })).toBeNull();
    // No path yet: refused at the field, nothing sent.
    await click(w.getByRole('button', { name: 'Write share file and confirm deployed' }));
    const file = w.getByRole('textbox', { name: 'Save to file' });
    expect(file.getAttribute('aria-invalid')).toBe('true');
    expect(called(calls, 'confirmDeployed')).toEqual([]);
  });

  test('writes the share file and confirms in one call; a refusal about the file shows at it', async () => {
    let answer: unknown = {
      code: 'BAD_INPUT',
      message: '/tmp/taken.age already exists.',
      field: 'file',
    };
    const { w, calls } = await openWizard(
      heldAt('deploy'),
      {
        confirmDeployed: () => answer as RotationView,
      },
      [heldOld],
    );
    const file = w.getByRole('textbox', { name: 'Save to file' });
    fireEvent.change(file, { target: { value: '/tmp/taken.age' } });
    await click(w.getByRole('button', { name: 'Write share file and confirm deployed' }));
    expect(file.getAttribute('aria-invalid')).toBe('true');
    expect(w.getByText('/tmp/taken.age already exists.')).toBeTruthy();
    expect(w.queryByRole('alert')).toBeNull();

    answer = heldAt('verify', {
      held: {
        holder: 'John',
        knownRecipients: [FAKE_RECIPIENT],
        shares: [
          { file: '/tmp/new.age', recipients: [FAKE_RECIPIENT], begunAt: 'x', writtenAt: 'y' },
        ],
        locationsSkipped: SKIPPED,
      },
    });
    fireEvent.change(file, { target: { value: '/tmp/new.age' } });
    await click(w.getByRole('button', { name: 'Write share file and confirm deployed' }));
    expect(called(calls, 'confirmDeployed').at(-1)).toEqual({
      id: 'key_old',
      share: { recipients: [FAKE_RECIPIENT], path: '/tmp/new.age' },
    });
    expect(await screen.findByRole('button', { name: 'Verify new key' })).toBeTruthy();
  });

  test('revoke: the holder must have deployed the new key; done: the listing proof and the holder', async () => {
    const notice = '"prod-api" is held by John: revoke it only once John has deployed the new key.';
    const done = heldAt('done');
    const finished: RotationView = {
      ...done,
      newKey: makeKey({ id: 'key_new', label: 'prod-api', custody: 'held', heldBy: 'John' }),
      evidence: {
        ...done.evidence,
        revoke: done.evidence.revoke && {
          ...done.evidence.revoke,
          proof: { status: 404, checkedAt: done.updatedAt },
        },
      },
    };
    const { w, calls } = await openWizard(
      heldAt('revoke', { notice }),
      { finishRotation: () => finished },
      [heldOld],
    );
    expect(
      w.getByText(/John must have received the share file and deployed the new key first/),
    ).toBeTruthy();
    // The core's notice says the same: not shown twice.
    expect(w.queryByText(notice)).toBeNull();
    fireEvent.change(w.getByLabelText("Type the old key's label to confirm"), {
      target: { value: 'prod-api' },
    });
    await click(w.getByRole('button', { name: 'Revoke old key' }));
    expect(called(calls, 'finishRotation')).toEqual([{ id: 'key_old', confirmLabel: 'prod-api' }]);
    const outcome = w.getByRole('status').textContent ?? '';
    expect(outcome).toContain('ApexVerify no longer lists it');
    expect(outcome).toContain('held by John: its secret was removed from this keychain');
    expect(outcome).not.toContain('401');
  });

  test('in dashboard mode, Rotate… is blocked and says why', async () => {
    await renderApp([heldOld], {
      listAccounts: () => [{ ...sandboxAccount, mode: 'dashboard' }],
      listRotations: () => [],
    });
    await click(screen.getByRole('row', { name: /prod-api/ }));
    const panel = screen.getByRole('region', { name: 'prod-api' });
    const rotate = within(panel).getByRole('button', { name: 'Rotate…' });
    expect(rotate.getAttribute('aria-disabled')).toBe('true');
    expect(panel.textContent).toContain('this account is in dashboard mode');
  });
});
