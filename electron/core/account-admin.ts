// Renaming and removing accounts. Records point at accounts by id, so a rename changes one field
// and every key, run and audit event keeps working; a remove deletes the account's secrets from
// the keychain, then its records and rotation runs from the store, and keeps the audit trail.
import { AppError } from '../../shared/errors.ts';
import { accountNameProblem } from '../../shared/input-rules.ts';
import { isLoopbackName } from '../../shared/loopback.ts';
import { describeStep, isOpenStep } from '../../shared/rotation.ts';
import type { Account, StoreData } from '../../shared/schemas.ts';
import { accountVaultId, findAccount } from './accounts.ts';
import { recordEvent } from './audit.ts';
import type { CoreDeps } from './deps.ts';
import { RotationRefused } from './rotation/lookup.ts';

/**
 * The name the hosts give the sandbox account they add on first start
 * (electron/hosts/sandbox-account.ts, which finds it again by this name; the renderer's
 * isBuiltInSandbox uses the same rule).
 */
export const BUILT_IN_SANDBOX_NAME = 'sandbox';

/** A server at one of the loopback names the app's own servers use: "a server on this machine". */
export const runsOnThisMachine = (a: Account): boolean =>
  isLoopbackName(new URL(a.baseUrl).hostname);

// The built-in sandbox is the account the host bootstraps: named "sandbox" on a loopback server.
// The name alone would also match a real account someone called "sandbox"; the server alone
// would match every local test server. Both together are what only the host creates.
export const isBuiltInSandbox = (a: Account): boolean =>
  a.name === BUILT_IN_SANDBOX_NAME && runsOnThisMachine(a);

export type AccountRef = { name: string } | { id: string };

function resolve(data: StoreData, ref: AccountRef): Account {
  if (!('id' in ref)) return findAccount(data, ref.name);
  const account = data.accounts.find((a) => a.id === ref.id);
  if (!account)
    throw new AppError(
      'UNKNOWN_ACCOUNT',
      'That account no longer exists (it may have been removed meanwhile). Nothing was changed.',
    );
  return account;
}

function checkNewName(data: StoreData, account: Account, newName: string): void {
  const problem = accountNameProblem(newName);
  if (problem) throw new AppError('BAD_INPUT', problem, { field: 'name' });
  if (account.name === newName) return;
  // The hosts find the built-in sandbox by its name: renaming it would make them add a second
  // one, and taking its name would make another account pass for it.
  if (isBuiltInSandbox(account))
    throw new AppError(
      'REFUSED',
      `"${account.name}" is the built-in sandbox account and keeps its name. Nothing was renamed.`,
    );
  if (newName === BUILT_IN_SANDBOX_NAME)
    throw new AppError(
      'BAD_INPUT',
      `The name "${BUILT_IN_SANDBOX_NAME}" is kept for the built-in sandbox account; choose another. Nothing was renamed.`,
      { field: 'name' },
    );
  if (data.accounts.some((a) => a.name === newName))
    throw new AppError(
      'DUPLICATE',
      `An account named "${newName}" already exists; choose another name. Nothing was renamed.`,
      { field: 'name' },
    );
}

/** Renames the account; renaming to its own name changes nothing and records nothing. */
export async function renameAccount(
  deps: CoreDeps,
  ref: AccountRef,
  newName: string,
): Promise<Account> {
  const data = await deps.store.read();
  const before = resolve(data, ref);
  checkNewName(data, before, newName);
  if (before.name === newName) return before;
  // Checked again under the lock: another process may have taken the name meanwhile.
  const renamed = await deps.store.update((d) => {
    const account = resolve(d, { id: before.id });
    checkNewName(d, account, newName);
    const from = account.name;
    account.name = newName;
    return { account: { ...account }, from };
  });
  await recordEvent(deps, {
    action: 'account-renamed',
    keyId: null,
    accountId: renamed.account.id,
    label: newName,
    fingerprint: renamed.account.keyFingerprint,
    outcome: 'ok',
    detail: { from: renamed.from, to: newName },
  });
  return renamed.account;
}

export interface RemoveAccountResult {
  name: string;
  keysRemoved: number;
  /** Keychain entries deleted: the account key and the secrets of its keys. */
  secretsRemoved: number;
  /** Entries the keychain refused to delete; a store notice names them. */
  secretsLeft: number;
}

/** Refuses while the account is the built-in sandbox or one of its keys is in an open rotation. */
function refuseRemoval(data: StoreData, account: Account): void {
  if (isBuiltInSandbox(account))
    throw new AppError(
      'REFUSED',
      `"${account.name}" is the built-in sandbox account, which the app keeps; it cannot be removed. Nothing was removed.`,
    );
  const run = data.rotations.find((r) => r.accountId === account.id && isOpenStep(r.step));
  if (run) {
    const label = data.keys.find((k) => k.id === run.oldKeyId)?.label ?? run.oldKeyId;
    throw new RotationRefused(
      'key-in-rotation',
      `Refused: the rotation of "${label}" (account "${account.name}", run ${run.id}) is open at ${describeStep(run.step)}; finish or abort it before removing the account. Nothing was removed.`,
    );
  }
}

const entries = (n: number): string => `${n} keychain ${n === 1 ? 'entry' : 'entries'}`;

/** Every keychain id the account may hold: its key, its keys' secrets, its runs' and intents'. */
function vaultIdsOf(data: StoreData, account: Account): string[] {
  const ids = new Set<string>([accountVaultId(account.id)]);
  for (const k of data.keys) if (k.accountId === account.id) ids.add(k.id);
  for (const r of data.rotations) if (r.accountId === account.id) ids.add(r.newKeyId);
  for (const g of data.generating) if (g.accountId === account.id) ids.add(g.keyId);
  return [...ids];
}

/**
 * Removes the account once `confirmName` is its exact name. Secrets first, then the records in
 * one update: a failed update after the deletes is reported as such (the records stay, without
 * their secrets), so a record whose secret is gone is never left unsaid. The keys on the server
 * are not touched: removing an account only makes this app forget it.
 */
export async function removeAccount(
  deps: CoreDeps,
  ref: AccountRef,
  confirmName: string,
): Promise<RemoveAccountResult> {
  const data = await deps.store.read();
  const account = resolve(data, ref);
  refuseRemoval(data, account);
  if (confirmName !== account.name)
    throw new AppError(
      'CONFIRMATION_MISMATCH',
      `Type the account's name exactly to confirm its removal (expected "${account.name}"). Nothing was removed.`,
      { field: 'confirmName' },
    );

  let secretsRemoved = 0;
  const left: string[] = [];
  for (const id of vaultIdsOf(data, account)) {
    const removed = await deps.vault.delete(id).then(
      (r) => r,
      () => null,
    );
    if (removed === null) left.push(id);
    else if (removed) secretsRemoved++;
  }

  let keysRemoved: number;
  try {
    keysRemoved = await deps.store.update((d) => {
      const current = d.accounts.find((a) => a.id === account.id);
      // Another process removed it meanwhile: these deletes only finished that removal.
      if (!current) return 0;
      // A rotation started by another process since the check above.
      refuseRemoval(d, current);
      const before = d.keys.length;
      d.accounts = d.accounts.filter((a) => a.id !== account.id);
      d.keys = d.keys.filter((k) => k.accountId !== account.id);
      d.rotations = d.rotations.filter((r) => r.accountId !== account.id);
      d.generating = d.generating.filter((g) => g.accountId !== account.id);
      return before - d.keys.length;
    });
  } catch (e) {
    const known = e instanceof AppError ? e : null;
    throw new AppError(
      known?.code ?? 'STORE_IO',
      `Deleted ${entries(secretsRemoved)} of account "${account.name}", but the account could not be removed from the store: ${known?.message ?? 'the store could not be written.'} Its records are still there without those secrets; remove the account again to finish.`,
      known?.rule === undefined ? {} : { rule: known.rule },
    );
  }

  if (left.length > 0)
    deps.store.notify(
      `Account "${account.name}" was removed, but the keychain refused to delete ${left.length} of its keychain entries (${left.join(', ')}); they remain in the keychain until deleted there.`,
    );
  await recordEvent(deps, {
    action: 'account-removed',
    keyId: null,
    accountId: account.id,
    label: account.name,
    fingerprint: account.keyFingerprint,
    outcome: 'ok',
    detail: { keysRemoved, secretsRemoved, secretsLeft: left.length },
  });
  return { name: account.name, keysRemoved, secretsRemoved, secretsLeft: left.length };
}
