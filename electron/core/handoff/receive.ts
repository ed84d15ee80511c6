// Receiving a key a teammate shared with this installation (issue 14): decrypt with this
// installation's identity, check the document, find the account by its base URL, then the one
// import path every stored key takes (keys.ts importKey: the server check, linking by proof, the
// duplicate rules). Each check comes before the first write, so a failure leaves nothing behind.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ErrorRule } from '../../../shared/error-rules.ts';
import { AppError, isAppError } from '../../../shared/errors.ts';
import { normaliseBaseUrl, pathProblem } from '../../../shared/input-rules.ts';
import type { Account, StoreData } from '../../../shared/schemas.ts';
import type { KeyView } from '../../../shared/views.ts';
import { findAccount } from '../accounts.ts';
import { recordEvent } from '../audit.ts';
import type { CoreDeps } from '../deps.ts';
import { fingerprint } from '../fingerprint.ts';
import { isLive } from '../key-records.ts';
import { importKey } from '../keys.ts';
import { errnoText } from '../fs/errno.ts';
import { findIdentity } from './identity.ts';
import { decryptFile, notForUs, parseDocument } from './share-document.ts';

export interface ReceiveInput {
  file: string;
  /** The account to import into; default: the one with the document's base URL. */
  account?: string;
  /** Store it under this label instead of the document's. */
  label?: string;
  /** Check the key against the server first (default true). */
  verify?: boolean;
}

export interface ReceiveResult {
  key: KeyView;
  sharedAt: string;
}

// A share file is a few kilobytes; the bound keeps a wrong path (a disk image) from being read.
const MAX_FILE_BYTES = 1024 * 1024;

function readShareFile(file: string): Uint8Array {
  const problem = pathProblem(file, 'the share file');
  if (problem) throw new AppError('BAD_INPUT', problem, { field: 'file' });
  const path = resolve(file);
  try {
    if (statSync(path).size > MAX_FILE_BYTES)
      throw new AppError('BAD_INPUT', `${path} is larger than a share file can be (1 MiB).`);
    return readFileSync(path);
  } catch (e) {
    if (isAppError(e)) throw e;
    throw new AppError('BAD_INPUT', `Could not read the share file ${path}: ${errnoText(e)}.`, {
      field: 'file',
    });
  }
}

const sameBase = (a: string, b: string): boolean => {
  const na = normaliseBaseUrl(a);
  const nb = normaliseBaseUrl(b);
  return 'url' in na && 'url' in nb && na.url.toLowerCase() === nb.url.toLowerCase();
};

function accountFor(data: StoreData, baseUrl: string, named: string | undefined): Account {
  if (named !== undefined) return findAccount(data, named);
  const matches = data.accounts.filter((a) => sameBase(a.baseUrl, baseUrl));
  const shown = baseUrl.slice(0, 200);
  if (matches.length === 0)
    throw new AppError(
      'UNKNOWN_ACCOUNT',
      `No account here has the base URL ${shown}, where this key belongs: add an account with that base URL (with your own account key), or choose another account. Nothing was stored.`,
      { rule: 'receive-no-account' satisfies ErrorRule, field: 'account' },
    );
  if (matches.length > 1)
    throw new AppError(
      'BAD_INPUT',
      `Several accounts have the base URL ${shown} (${matches.map((a) => a.name).join(', ')}): choose the one to import into. Nothing was stored.`,
      { field: 'account' },
    );
  return matches[0] as Account;
}

export async function receiveKey(deps: CoreDeps, input: ReceiveInput): Promise<ReceiveResult> {
  const raw = readShareFile(input.file);
  const id = await findIdentity(deps.vault);
  if (!id) throw notForUs(null);
  const doc = parseDocument(await decryptFile(raw, id.identity, id.recipient));
  const k = doc.key;
  if (fingerprint(k.secret) !== k.fingerprint)
    throw new AppError(
      'BAD_INPUT',
      'The share document is inconsistent: its fingerprint does not match its secret. Nothing was stored; ask for the file again.',
    );
  const data = await deps.store.read();
  const account = accountFor(data, k.account.baseUrl, input.account);
  const label = input.label ?? k.label;
  const view = await importKey(deps, {
    account: account.name,
    secret: k.secret,
    label,
    environment: k.environment,
    service: k.service,
    owner: k.owner,
    notes: k.notes,
    createdAt: k.createdAt,
    verify: input.verify !== false,
  }).catch((e: unknown) => {
    throw duplicateWords(e, data, k.fingerprint);
  });
  await recordEvent(deps, {
    action: 'received',
    keyId: view.id,
    accountId: account.id,
    label: view.label,
    fingerprint: view.fingerprint,
    outcome: 'ok',
    detail: {
      file: resolve(input.file),
      sharedAt: doc.sharedAt,
      sharedFrom: k.account.name,
      verified: input.verify !== false,
    },
  });
  return { key: view, sharedAt: doc.sharedAt };
}

/** importKey's duplicate refusals, said for a receive: which one, and what to do. */
function duplicateWords(e: unknown, data: StoreData, fp: string): unknown {
  if (!isAppError(e, 'DUPLICATE')) return e;
  const held = data.keys.find((x) => isLive(x) && x.fingerprint === fp);
  if (held)
    return new AppError(
      'DUPLICATE',
      `This key is already stored here as "${held.label}" (same fingerprint ${fp}). Nothing was stored.`,
    );
  return new AppError('DUPLICATE', `${e.message} Nothing was stored.`, {
    rule: 'receive-label-taken' satisfies ErrorRule,
    field: 'label',
  });
}
