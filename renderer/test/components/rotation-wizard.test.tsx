import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import type { RotationView } from '../../../shared/rotation-view.ts';
import { snapshotState } from '../../src/state/create-state.ts';
import { SECRET_PREFIX, sandboxAccount } from '../support/fake-api.ts';
import { called, click, old, openWizard, reasonOf } from '../support/rotation-helpers.tsx';
import { refused, viewAt } from '../support/rotation-views.ts';

afterEach(cleanup);

const currentOf = (w: ReturnType<typeof within>) =>
  within(w.getByRole('list', { name: 'Rotation steps' }))
    .getAllByRole('listitem')
    .map((li) => `${li.getAttribute('aria-current') ?? '-'}:${li.textContent}`);

describe('the rotation wizard', () => {
  test('starts at Generate; Generate new key starts the run and the stepper moves on', async () => {
    let view: RotationView | null = null;
    const { w, calls } = await openWizard(null, {
      getRotation: () => view,
      startRotation: () => (view = viewAt(old, 'deploy')),
    });
    expect(currentOf(w)).toEqual(['step:1Generate', '-:2Deploy', '-:3Verify', '-:4Revoke old key']);
    const generate = w.getByRole('button', { name: 'Generate new key' });
    expect(reasonOf(generate)).toBeNull();
    await click(generate);
    expect(called(calls, 'startRotation')).toEqual([{ id: 'key_old' }]);
    expect(currentOf(w)).toEqual([
      '-:✓Generate (completed)',
      'step:2Deploy',
      '-:3Verify',
      '-:4Revoke old key',
    ]);
    expect(w.getByRole('button', { name: 'I have deployed the new key' })).toBeTruthy();
  });

  test("a confirm button the rules refuse is blocked, with the core's reason beside it", async () => {
    const why = 'Refused at step 2 of 4 (deploy) of rotation rot_1: the new key is not readable.';
    const base = viewAt(old, 'deploy');
    const { w, calls } = await openWizard({
      ...base,
      actions: { ...base.actions, deployed: refused(why) },
    });
    const confirm = w.getByRole('button', { name: 'I have deployed the new key' });
    expect(reasonOf(confirm)).toBe(why);
    await click(confirm);
    expect(called(calls, 'confirmDeployed')).toEqual([]);
  });

  test('offline, Verify new key is blocked: it needs ApexVerify', async () => {
    const { w } = await openWizard(viewAt(old, 'verify'), {
      checkConnection: () => ({
        online: false,
        reason: 'down',
        checkedAt: new Date().toISOString(),
      }),
    });
    await screen.findByText(/^Offline/);
    expect(reasonOf(w.getByRole('button', { name: 'Verify new key' }))).toMatch(/offline/);
  });

  test('the second confirmation shows only while a recent use of the old key holds Verify', async () => {
    const base = viewAt(old, 'verify');
    const held: RotationView = {
      ...base,
      evidence: {
        ...base.evidence,
        verify: {
          check: base.evidence.generate.check as NonNullable<typeof base.evidence.generate.check>,
          lastUsed: { listedAt: base.startedAt, old: base.startedAt, new: null, oldListed: true },
          recentUse: true,
          acceptedRecentUse: false,
          confirmedAt: null,
        },
      },
      notice: 'The old key "prod-api" was used 1 min ago, within the last 15 min.',
    };
    let view = base;
    const { w, calls } = await openWizard(view, {
      getRotation: () => view,
      verifyRotation: (i) => (view = i.acceptRecentUse ? viewAt(old, 'revoke') : held),
    });
    const second = () => w.queryByRole('button', { name: 'Confirm anyway: traffic has moved' });
    expect(second()).toBeNull();
    await click(w.getByRole('button', { name: 'Verify new key' }));
    expect(w.getByRole('alert').textContent).toMatch(/used 1 min ago/);
    expect(w.getByRole('heading', { name: 'Step 3 of 4: Verify' })).toBeTruthy();
    await click(second() as HTMLElement);
    expect(called(calls, 'verifyRotation')).toEqual([
      { id: 'key_old' },
      { id: 'key_old', acceptRecentUse: true },
    ]);
    expect(w.getByRole('heading', { name: 'Step 4 of 4: Revoke old key' })).toBeTruthy();
  });

  test('Revoke old key waits for the exact label, then shows the 401 proof', async () => {
    const { w, calls } = await openWizard(viewAt(old, 'revoke'), {
      finishRotation: () => viewAt(old, 'done'),
    });
    expect(w.getByText(/Revocation is immediate and irreversible/)).toBeTruthy();
    const revoke = w.getByRole('button', { name: 'Revoke old key' });
    const field = w.getByLabelText("Type the old key's label to confirm");
    fireEvent.change(field, { target: { value: 'prod-ap' } });
    expect(reasonOf(revoke)).toMatch(/Type the old key's label exactly/);
    await click(revoke);
    expect(called(calls, 'finishRotation')).toEqual([]);
    fireEvent.change(field, { target: { value: 'prod-api' } });
    expect(reasonOf(revoke)).toBeNull();
    await click(revoke);
    expect(called(calls, 'finishRotation')).toEqual([{ id: 'key_old', confirmLabel: 'prod-api' }]);
    expect(w.getByRole('status').textContent).toMatch(/Rotation complete.*401 Unauthorized/);
    expect(w.getByRole('button', { name: 'Done' })).toBeTruthy();
  });

  test("with the label typed, Revoke old key still follows the core's rule", async () => {
    const why = 'Refused at step 4 of 4 (revoke): needs a confirmed verification.';
    const base = viewAt(old, 'revoke');
    const { w } = await openWizard({ ...base, actions: { ...base.actions, finish: refused(why) } });
    fireEvent.change(w.getByLabelText("Type the old key's label to confirm"), {
      target: { value: 'prod-api' },
    });
    expect(reasonOf(w.getByRole('button', { name: 'Revoke old key' }))).toBe(why);
  });

  test('dashboard mode: Save new key waits for the pasted key, which never enters the store', async () => {
    const pasted = `${SECRET_PREFIX}pasted-from-dashboard`;
    const { w, calls, store } = await openWizard(null, {
      listAccounts: () => [{ ...sandboxAccount, mode: 'dashboard' }],
      startRotation: () => ({ ...viewAt(old, 'deploy'), mode: 'dashboard' }),
    });
    expect(w.getByRole('button', { name: 'Open dashboard' })).toBeTruthy();
    const save = w.getByRole('button', { name: 'Save new key' });
    expect(reasonOf(save)).toMatch(/Paste the key the dashboard showed/);
    fireEvent.change(w.getByLabelText('Paste the new key'), { target: { value: pasted } });
    expect(reasonOf(save)).toBeNull();
    await click(save);
    expect(called(calls, 'startRotation')).toEqual([{ id: 'key_old', newSecret: pasted }]);
    expect(JSON.stringify(snapshotState(store))).not.toContain(SECRET_PREFIX);
    expect(document.body.innerHTML).not.toContain(SECRET_PREFIX);
  });

  test('Reveal new key shows the pending key in the wizard only; Hide drops it', async () => {
    const { w, store } = await openWizard(viewAt(old, 'deploy'), {
      revealPendingKey: () => ({ secret: `${SECRET_PREFIX}new` }),
    });
    await click(w.getByRole('button', { name: 'Reveal new key' }));
    expect(w.getByText(`${SECRET_PREFIX}new`)).toBeTruthy();
    expect(JSON.stringify(snapshotState(store))).not.toContain(SECRET_PREFIX);
    await click(w.getByRole('button', { name: 'Hide' }));
    expect(document.body.innerHTML).not.toContain(SECRET_PREFIX);
  });

  test("a refused call shows the core's message inline, as an alert", async () => {
    const message =
      'Refused at step 2 of 4 (deploy) of rotation rot_1: the deployment was already confirmed.';
    const { w } = await openWizard(viewAt(old, 'deploy'), {
      confirmDeployed: () => ({ code: 'REFUSED', message }),
    });
    await click(w.getByRole('button', { name: 'I have deployed the new key' }));
    const alert = w.getByRole('alert');
    expect(alert.textContent).toContain('Confirming the deployment failed.');
    expect(alert.textContent).toContain(message);
  });

  test("Abort offers the view's choices with their meaning, and aborts with the chosen one", async () => {
    const aborted = viewAt(old, 'aborted');
    aborted.evidence.abort = {
      requestedAt: aborted.startedAt,
      choice: 'keep-new',
      proof: null,
      keptLabel: 'prod-api-new',
      completedAt: aborted.startedAt,
    };
    const { w, calls } = await openWizard(viewAt(old, 'deploy'), { abortRotation: () => aborted });
    await click(w.getByRole('button', { name: 'Abort rotation' }));
    const radios = w.getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('value'))).toEqual(['revoke-new', 'keep-new']);
    const keep = w.getByRole('radio', { name: 'Keep the new key as a separate key' });
    expect(keep.getAttribute('aria-describedby')).toBe('abort-keep-new-meaning');
    await click(keep);
    await click(w.getByRole('button', { name: 'Confirm abort' }));
    expect(called(calls, 'abortRotation')).toEqual([{ id: 'key_old', choice: 'keep-new' }]);
    expect(w.getByRole('status').textContent).toMatch(/Rotation aborted.*“prod-api-new”/);
  });

  test('once revocation has begun, Abort rotation is blocked with the reason', async () => {
    const { w } = await openWizard(viewAt(old, 'revoke'));
    expect(reasonOf(w.getByRole('button', { name: 'Abort rotation' }))).toBe('Too late to abort.');
  });
});
