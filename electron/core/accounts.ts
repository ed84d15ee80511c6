import { randomUUID } from 'node:crypto';
import type { ErrorRule } from '../../shared/error-rules.ts';
import { AppError } from '../../shared/errors.ts';
import { accountNameProblem, normaliseBaseUrl, secretProblem } from '../../shared/input-rules.ts';
import type { Account, StoreData } from '../../shared/schemas.ts';
import type { CoreDeps } from './deps.ts';
import { fingerprint } from './fingerprint.ts';
import { recordEvent } from './audit.ts';
import { proveRemoteId } from './remote-link.ts';

export const DEFAULT_DASHBOARD_URL = 'https://app.apexverify.com';

/** Account keys are secrets too: they live in the keychain under this id. */
export const accountVaultId = (accountId: string): string => `account:${accountId}`;

export function findAccount(data: StoreData, name: string): Account {
  const account = data.accounts.find((a) => a.name === name);
  if (!account) {
    const none = data.accounts.length === 0;
    const known = none ? 'none yet' : data.accounts.map((a) => a.name).join(', ');
    throw new AppError(
      'UNKNOWN_ACCOUNT',
      `There is no account named "${name.slice(0, 64)}" (accounts: ${known}).`,
      none ? { rule: 'no-accounts' satisfies ErrorRule } : {},
    );
  }
  return account;
}

export function accountById(data: StoreData, id: string): Account {
  const account = data.accounts.find((a) => a.id === id);
  if (!account)
    throw new AppError('UNKNOWN_ACCOUNT', 'The key belongs to an account that no longer exists.');
  return account;
}

export function accountKey(deps: CoreDeps, account: Account): Promise<string> {
  return deps.vault.get(accountVaultId(account.id));
}

const duplicate = (name: string) =>
  new AppError(
    'DUPLICATE',
    `An account named "${name}" already exists; choose another name. Nothing was stored.`,
    { field: 'name' },
  );

// A server that cannot be reached, or answers as no ApexVerify server would, concerns the base
// URL: the form shows the message beside it. Other errors (429, 5xx) concern the request.
const SERVER_CODES: readonly string[] = ['NETWORK', 'TIMEOUT', 'BAD_RESPONSE', 'NOT_FOUND'];
function aboutServer(e: unknown): unknown {
  if (!(e instanceof AppError) || !SERVER_CODES.includes(e.code) || e.field) return e;
  const { retryAfterSec, status, rule } = e;
  return new AppError(e.code, e.message, {
    field: 'baseUrl',
    ...(retryAfterSec === undefined ? {} : { retryAfterSec }),
    ...(status === undefined ? {} : { status }),
    ...(rule === undefined ? {} : { rule }),
  });
}

export interface AddAccountInput {
  name: string;
  baseUrl: string;
  secret: string;
  dashboardUrl?: string;
}

/** Probes the server with the account key (which must be accepted), then stores key and account. */
export async function addAccount(deps: CoreDeps, input: AddAccountInput): Promise<Account> {
  const nameProblem = accountNameProblem(input.name);
  if (nameProblem) throw new AppError('BAD_INPUT', nameProblem, { field: 'name' });
  const base = normaliseBaseUrl(input.baseUrl);
  if ('problem' in base) throw new AppError('BAD_INPUT', base.problem, { field: 'baseUrl' });
  const dash = normaliseBaseUrl(input.dashboardUrl ?? DEFAULT_DASHBOARD_URL);
  if ('problem' in dash)
    throw new AppError('BAD_INPUT', `Dashboard URL: ${dash.problem}`, { field: 'dashboardUrl' });
  const secretIssue = secretProblem(input.secret);
  if (secretIssue) throw new AppError('BAD_INPUT', secretIssue, { field: 'secret' });
  const existing = await deps.store.read();
  if (existing.accounts.some((a) => a.name === input.name)) throw duplicate(input.name);

  const account: Account = {
    id: `acc_${randomUUID()}`,
    name: input.name,
    baseUrl: base.url,
    dashboardUrl: dash.url,
    mode: 'api',
    keyFingerprint: fingerprint(input.secret),
    createdAt: deps.clock.now().toISOString(),
    lastSyncAt: null,
    keyRemoteId: null,
  };
  try {
    const client = deps.clientFor(account);
    account.mode = await client.probe(input.secret);
    // A 404 on the probe says nothing about the key: prove it on the documented endpoint.
    if (
      account.mode === 'dashboard' &&
      (await client.checkKey(input.secret)).status === 'unauthorized'
    )
      throw new AppError('UNAUTHORIZED', 'rejected', { status: 401 });
    // Which listed key is the account key: proven now, while nothing else uses it, for sync.
    // A proof that fails costs nothing but a later one (sync proves it again when needed).
    if (account.mode === 'api')
      account.keyRemoteId =
        (await proveRemoteId(client, input.secret).catch(() => null))?.id ?? null;
  } catch (e) {
    if (e instanceof AppError && e.code === 'UNAUTHORIZED')
      throw new AppError(
        'UNAUTHORIZED',
        `${base.url} rejected the account key (401). Check that you pasted an enabled key of this account. Nothing was stored.`,
        { status: 401, field: 'secret' },
      );
    throw aboutServer(e);
  }
  // Keychain first: a record never exists without its secret.
  await deps.vault.set(accountVaultId(account.id), input.secret);
  try {
    await deps.store.update((data) => {
      if (data.accounts.some((a) => a.name === account.name)) throw duplicate(account.name);
      data.accounts.push(account);
    });
  } catch (e) {
    // Undo only when the account was not saved; if that cannot be told, keep the secret.
    const saved = await deps.store.read().then(
      (d) => d.accounts.some((a) => a.id === account.id),
      () => true,
    );
    if (!saved) await deps.vault.delete(accountVaultId(account.id)).catch(() => false);
    throw e;
  }
  await recordEvent(deps, {
    action: 'account-added',
    keyId: null,
    accountId: account.id,
    label: account.name,
    fingerprint: account.keyFingerprint,
    outcome: 'ok',
    detail: { mode: account.mode, baseUrl: account.baseUrl },
  });
  return account;
}

export async function listAccounts(deps: CoreDeps): Promise<Account[]> {
  return (await deps.store.read()).accounts;
}
