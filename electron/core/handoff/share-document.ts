// A share file: the versioned JSON document of shared/handoff.ts, encrypted with age to one or more
// X25519 recipients and armored (text, so it survives mail and chat). Reading accepts armored and
// binary files alike: `age -r` without -a writes binary. Every failure is worded for the user and
// never carries the secret or the decrypted text.
import { Decrypter, Encrypter, armor } from 'age-encryption';
import type { ErrorRule } from '../../../shared/error-rules.ts';
import { AppError } from '../../../shared/errors.ts';
import {
  SHARE_FORMAT,
  SHARE_VERSION,
  recipientProblem,
  shareDocumentSchema,
  type ShareDocument,
} from '../../../shared/handoff.ts';

const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
const BINARY_MAGIC = 'age-encryption.org/v1\n';

/** Each recipient checked on its own (age's checksum included), so the error names the bad one. */
export function checkRecipients(recipients: string[]): string[] {
  const unique = [...new Set(recipients.map((r) => r.trim()))];
  if (unique.length === 0)
    throw new AppError('BAD_INPUT', 'Give at least one recipient (an age1… public key).', {
      field: 'to',
    });
  for (const r of unique) {
    const problem = recipientProblem(r);
    try {
      if (problem) throw new Error(problem);
      new Encrypter().addRecipient(r);
    } catch {
      throw new AppError(
        'BAD_INPUT',
        problem ??
          `"${r}" is not a valid age recipient (its checksum does not match): copy it again.`,
        { field: 'to' },
      );
    }
  }
  return unique;
}

export async function encryptDocument(doc: ShareDocument, recipients: string[]): Promise<string> {
  const e = new Encrypter();
  for (const r of recipients) e.addRecipient(r);
  return armor.encode(await e.encrypt(`${JSON.stringify(doc, null, 2)}\n`));
}

function damaged(how: string): AppError {
  return new AppError(
    'BAD_INPUT',
    `The share file is damaged (${how}): it was changed or cut short on the way. Nothing was stored; ask for the file again.`,
  );
}

/** The raw age file from what was read: armored text decoded, binary taken as it is. */
function ageBytes(raw: Uint8Array): Uint8Array {
  const text = Buffer.from(raw).toString('latin1');
  if (text.trimStart().startsWith(ARMOR_BEGIN)) {
    try {
      return armor.decode(text);
    } catch {
      throw damaged('its armored text is incomplete or altered');
    }
  }
  if (text.startsWith(BINARY_MAGIC)) return raw;
  throw new AppError(
    'BAD_INPUT',
    'This is not an age-encrypted file (it starts with neither "age-encryption.org/v1" nor an armor line). Nothing was stored.',
  );
}

/** Decrypts with `identity`; `recipient` (this installation's) goes into the not-for-us error. */
export async function decryptFile(
  raw: Uint8Array,
  identity: string,
  recipient: string,
): Promise<string> {
  const bytes = ageBytes(raw);
  const d = new Decrypter();
  d.addIdentity(identity);
  try {
    return await d.decrypt(bytes, 'text');
  } catch (e) {
    const why = e instanceof Error ? e.message : '';
    if (why.includes('no identity matched')) throw notForUs(recipient);
    throw damaged(why.includes('HMAC') ? 'its header was altered' : 'it does not decrypt whole');
  }
}

export function notForUs(recipient: string | null): AppError {
  const ask =
    recipient === null
      ? 'This installation has no identity yet, so nothing can have been encrypted for it: make one, and give its recipient to whoever shares keys with you.'
      : `Ask for a file encrypted to this installation's recipient: ${recipient}`;
  return new AppError(
    'REFUSED',
    `This file is not encrypted for this installation, so it cannot be opened here. Nothing was stored. ${ask}`,
    { rule: 'share-not-for-this-installation' satisfies ErrorRule },
  );
}

/** The decrypted text as a share document, checked field by field. */
export function parseDocument(text: string): ShareDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError(
      'BAD_INPUT',
      'The file decrypts, but what it holds is not JSON: it is not a share file of this app. Nothing was stored.',
    );
  }
  const head = json as { format?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== SHARE_FORMAT)
    throw new AppError(
      'BAD_INPUT',
      `The file decrypts, but it is not a share document of this app (its "format" is not "${SHARE_FORMAT}"). Nothing was stored.`,
    );
  if (head.version !== SHARE_VERSION)
    throw new AppError(
      'BAD_INPUT',
      `This share document is version ${String(head.version).slice(0, 16)}; this app reads version ${SHARE_VERSION}. Update the app, or ask for a file it can read. Nothing was stored.`,
    );
  const parsed = shareDocumentSchema.safeParse(json);
  if (!parsed.success) {
    // Only the field's path: a message must not quote the document's values (the secret is one).
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.')))].join(', ');
    throw new AppError(
      'BAD_INPUT',
      `The share document is incomplete or malformed (check: ${fields}). Nothing was stored.`,
    );
  }
  return parsed.data;
}
