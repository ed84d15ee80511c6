// `key generate` (API mode): a new key on the server, its secret in the keychain, its record in
// the store. The intent is written first (generate-intent.ts), so a process killed between the
// server's answer and the record's write leaves no live server key the app cannot see: the next
// generate for the account adopts or revokes it.
import { randomUUID } from 'node:crypto';
import type { ErrorRule } from '../../shared/error-rules.ts';
import { AppError } from '../../shared/errors.ts';
import type { Account, GenerateIntent } from '../../shared/schemas.ts';
import { accountKey, findAccount } from './accounts.ts';
import { recordEvent } from './audit.ts';
import type { CoreDeps } from './deps.ts';
import { claimIntent, dropIntent, settleIntents, type AdoptRecord } from './generate-intent.ts';
import type { KeyView } from '../../shared/views.ts';
import { toView } from './key-records.ts';
import {
  assertLabelFree,
  checkMeta,
  keyRecorded,
  newRecord,
  persistNew,
  type KeyMeta,
} from './keys.ts';
import { checkpoint, type RotationHooks } from './rotation/deps.ts';

export type GenerateInput = KeyMeta & { account: string };

/** The core's deps, plus the crash tests' kill points (named "key-generate:…"). */
export type GenerateDeps = CoreDeps & RotationHooks;

const adopter =
  (deps: CoreDeps, account: Account): AdoptRecord =>
  (intent, secret, remote) =>
    newRecord(deps, account, intent, secret, remote, intent.keyId);

export async function generateKey(deps: GenerateDeps, input: GenerateInput): Promise<KeyView> {
  checkMeta(input);
  const account = findAccount(await deps.store.read(), input.account);
  if (account.mode !== 'api')
    throw new AppError(
      'WRONG_MODE',
      `Account "${account.name}" is in dashboard mode: generate the key at ${account.dashboardUrl} (Settings → API Keys), then store it as an existing key.`,
      { rule: 'generate-in-dashboard' satisfies ErrorRule },
    );
  // An earlier generate killed midway: the same command run again finishes it.
  const adopted = await settleIntents(deps, account, adopter(deps, account));
  const same = adopted.find((r) => r.label === input.label);
  if (same) return toView(await deps.store.read(), same);

  const intent: GenerateIntent = {
    keyId: `key_${randomUUID()}`,
    accountId: account.id,
    label: input.label,
    environment: input.environment,
    service: input.service ?? '',
    owner: input.owner ?? '',
    notes: input.notes ?? '',
    rotationPeriodDays: input.rotationPeriodDays ?? null,
    pid: process.pid,
    startedAt: deps.clock.now().toISOString(),
  };
  const release = claimIntent(intent.keyId);
  try {
    await deps.store.update((data) => {
      assertLabelFree(data, account.id, input.label);
      data.generating.push(intent);
    });
    await checkpoint(deps, 'key-generate:reserved');
    return await createAndStore(deps, account, input, intent);
  } finally {
    release();
  }
}

async function createAndStore(
  deps: GenerateDeps,
  account: Account,
  input: GenerateInput,
  intent: GenerateIntent,
): Promise<KeyView> {
  const client = deps.clientFor(account);
  const acct = await accountKey(deps, account);
  let created;
  try {
    created = await client.createKey(acct, input.label);
  } catch (e) {
    // The server may have made the key before the answer was lost: settled now when it
    // answers again, else left to the next generate.
    await settleIntents(deps, account, adopter(deps, account)).catch(() => undefined);
    throw e;
  }
  await checkpoint(deps, 'key-generate:created');
  const record = newRecord(deps, account, input, created.secret, created.key, intent.keyId);
  let view: KeyView;
  try {
    view = await persistNew(deps, record, created.secret, {
      afterVault: () => checkpoint(deps, 'key-generate:vaulted'),
      alsoIn: (data) => dropIntent(data, intent.keyId),
    });
  } catch (e) {
    // The secret is shown once: if it cannot be kept, a key nobody holds must not stay live.
    if (!(await keyRecorded(deps, record.id))) {
      await client.deleteKey(acct, created.key.id).catch(() => undefined);
      await deps.store.update((d) => dropIntent(d, intent.keyId)).catch(() => undefined);
    }
    throw e;
  }
  await checkpoint(deps, 'key-generate:stored');
  await recordEvent(deps, {
    action: 'generated',
    keyId: view.id,
    accountId: account.id,
    label: view.label,
    fingerprint: view.fingerprint,
    outcome: 'ok',
    detail: { remoteId: created.key.id },
  });
  return view;
}
