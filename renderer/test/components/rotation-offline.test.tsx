// The rotation wizard judges reachability by its own account: a step that needs ApexVerify is
// blocked only while the run's account cannot be reached, with a reason naming that account;
// another account being down leaves it alone.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import type { AccountView, Connection, Reachability } from '../../../shared/views.ts';
import { makeKey, sandboxAccount } from '../support/fake-api.ts';
import { old, openWizard, reasonOf } from '../support/rotation-helpers.tsx';
import { viewAt } from '../support/rotation-views.ts';

afterEach(cleanup);

const second: AccountView = {
  ...sandboxAccount,
  id: 'acc_second',
  name: 'second',
  baseUrl: 'http://127.0.0.1:2',
  isSandbox: false,
};
const online: Reachability = { state: 'online', since: null, reason: null };
const offline = (name: string): Reachability => ({
  state: 'offline',
  since: new Date().toISOString(),
  reason: `account "${name}" cannot be reached (test)`,
});

/** Both accounts checked, `down` the one that cannot be reached. */
const connectionWith = (down: AccountView): Connection => ({
  online: false,
  reason: offline(down.name).reason,
  checkedAt: new Date().toISOString(),
  accounts: [sandboxAccount, second].map((a) => ({
    accountId: a.id,
    name: a.name,
    reachability: a.id === down.id ? offline(a.name) : online,
  })),
});

const keys = [old, makeKey({ label: 'other', account: 'second', accountId: second.id })];
const overrides = (down: AccountView) => ({
  listAccounts: () => [sandboxAccount, second],
  checkConnection: () => connectionWith(down),
});

test("another account being down leaves the run's network steps alone", async () => {
  const { w } = await openWizard(viewAt(old, 'verify'), overrides(second), keys);
  await screen.findByText(/^Offline:/);
  expect(reasonOf(w.getByRole('button', { name: 'Verify new key' }))).toBeNull();
});

test("the run's own account down blocks Verify new key, naming the account", async () => {
  const { w } = await openWizard(viewAt(old, 'verify'), overrides(sandboxAccount), keys);
  await screen.findByText(/^Offline:/);
  expect(reasonOf(w.getByRole('button', { name: 'Verify new key' }))).toMatch(
    /^Unavailable: ApexVerify at http:\/\/127\.0\.0\.1:1 \(account “sandbox”\) cannot be reached/,
  );
});

test('before the run exists, Generate is judged by the key’s own account', async () => {
  const down = await openWizard(null, overrides(sandboxAccount), keys);
  await screen.findByText(/^Offline:/);
  expect(reasonOf(down.w.getByRole('button', { name: 'Generate new key' }))).toMatch(
    /\(account “sandbox”\) cannot be reached/,
  );
  cleanup();
  const up = await openWizard(null, overrides(second), keys);
  await screen.findByText(/^Offline:/);
  expect(reasonOf(up.w.getByRole('button', { name: 'Generate new key' }))).toBeNull();
});
