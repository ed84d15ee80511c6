// This installation's age X25519 identity (issue 14): what teammates encrypt keys to. It is a
// secret, so it lives in the keychain beside the keys, under one fixed id, and never in the store.
// The id is neither a key record's ("key_…") nor an account's ("account:…"), so no cleanup that
// deletes secrets by id (revoke's sweep, account removal, an aborted generate) can reach it.
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { AppError, isAppError } from '../../../shared/errors.ts';
import type { Vault } from '../vault-types.ts';
import { writeNewFile } from './new-file.ts';

export const IDENTITY_VAULT_ID = 'installation-identity:age-x25519';

export interface InstallationIdentity {
  /** AGE-SECRET-KEY-1…: a secret; only `identity export` lets it leave the keychain. */
  identity: string;
  /** age1…: public; given to whoever shares keys with this installation. */
  recipient: string;
}

const IDENTITY_SHAPE = /^AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}$/;

async function fromSecret(identity: string): Promise<InstallationIdentity> {
  if (!IDENTITY_SHAPE.test(identity))
    throw new AppError(
      'INTERNAL',
      `The keychain entry "${IDENTITY_VAULT_ID}" does not hold an age identity; it was changed outside the app. Remove it to have a new identity made (files shared with the old one can no longer be opened here).`,
    );
  return { identity, recipient: await identityToRecipient(identity) };
}

/** The identity, or null when this installation has none yet. Writes nothing but the canary. */
export async function findIdentity(vault: Vault): Promise<InstallationIdentity | null> {
  // The probe makes a fresh keychain's "missing" provable (a null read means locked otherwise).
  await vault.probe?.();
  try {
    return await fromSecret(await vault.get(IDENTITY_VAULT_ID));
  } catch (e) {
    if (isAppError(e, 'SECRET_MISSING')) return null;
    throw e;
  }
}

/** The identity, made and stored on first use. */
export async function ensureIdentity(vault: Vault): Promise<InstallationIdentity> {
  const found = await findIdentity(vault);
  if (found) return found;
  await vault.set(IDENTITY_VAULT_ID, await generateX25519Identity());
  // Read back: had another process made one at the same moment, the stored one is the one used.
  return fromSecret(await vault.get(IDENTITY_VAULT_ID));
}

/** Writes the identity (age's identity file format) to a new file, mode 0600. */
export async function exportIdentity(
  vault: Vault,
  file: string,
  now: Date,
): Promise<InstallationIdentity> {
  const id = await ensureIdentity(vault);
  const text = `# created: ${now.toISOString()} (exported by apexkeys)\n# public key: ${id.recipient}\n${id.identity}\n`;
  writeNewFile(file, text, 'the identity file');
  return id;
}
