// The share file's format on its own (electron/core/handoff/share-document.ts): recipients are
// checked one by one and named when bad; a file opens for each recipient and no one else; a flipped
// byte, a cut file and a document of another version each fail in words that quote no value.
import { Encrypter, armor, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.ts';
import type { ShareDocument } from '../../../shared/handoff.ts';
import {
  checkRecipients,
  decryptFile,
  encryptDocument,
  parseDocument,
} from '../../../electron/core/handoff/share-document.ts';
import { fakeSecret } from '../../helpers/cli.ts';

interface Party {
  identity: string;
  recipient: string;
}
const party = async (): Promise<Party> => {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
};

const failure = async (p: Promise<unknown>): Promise<AppError> => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
};

describe('share documents', () => {
  const secret = fakeSecret();
  const doc: ShareDocument = {
    format: 'apexkeys-share',
    version: 1,
    key: {
      secret,
      label: 'dev-john',
      account: { name: 'acme', baseUrl: 'https://api.apexverify.com' },
      environment: 'development',
      service: '',
      owner: 'John',
      notes: '',
      createdAt: '2026-01-02T03:04:05.000Z',
      fingerprint: 'abcdef012345',
    },
    sharedAt: '2026-01-03T00:00:00.000Z',
  };
  let john: Party;
  let mary: Party;
  let eve: Party;
  beforeAll(async () => {
    [john, mary, eve] = await Promise.all([party(), party(), party()]);
  });

  it('checks each recipient and names the bad one; repeats count once', () => {
    expect(checkRecipients([john.recipient, ` ${john.recipient}`, mary.recipient])).toEqual([
      john.recipient,
      mary.recipient,
    ]);
    expect(() => checkRecipients([])).toThrow('Give at least one recipient');
    expect(() => checkRecipients([john.recipient, 'age1short'])).toThrow(
      '"age1short" is not an age recipient',
    );
    // Right shape, wrong checksum: age itself rejects it.
    const typo = `${john.recipient.slice(0, -1)}${john.recipient.endsWith('q') ? 'p' : 'q'}`;
    expect(() => checkRecipients([typo])).toThrow(`"${typo}" is not a valid age recipient`);
  });

  it('armors the file; it opens for every recipient, and another says so with its recipient', async () => {
    const text = await encryptDocument(doc, [john.recipient, mary.recipient]);
    expect(text.startsWith('-----BEGIN AGE ENCRYPTED FILE-----\n')).toBe(true);
    expect(text).not.toContain(secret);
    const raw = Buffer.from(text);
    for (const p of [john, mary])
      expect(parseDocument(await decryptFile(raw, p.identity, p.recipient))).toEqual(doc);
    const e = await failure(decryptFile(raw, eve.identity, eve.recipient));
    expect(e.message).toContain('not encrypted for this installation');
    expect(e.message).toContain(eve.recipient);
  });

  it('reads a binary file too, and words a flipped byte, a cut file and a non-age file', async () => {
    const e = new Encrypter();
    e.addRecipient(john.recipient);
    const binary = await e.encrypt(JSON.stringify(doc));
    expect(parseDocument(await decryptFile(binary, john.identity, john.recipient))).toEqual(doc);

    const flipped = Uint8Array.from(binary);
    flipped[flipped.length - 5] = (flipped[flipped.length - 5] as number) ^ 1;
    const cut = binary.slice(0, binary.length - 20);
    const armoredCut = armor.encode(binary).slice(0, 120);
    for (const bad of [flipped, cut, Buffer.from(armoredCut)]) {
      const err = await failure(decryptFile(bad, john.identity, john.recipient));
      expect(err.message).toContain('The share file is damaged');
    }
    const plain = await failure(decryptFile(Buffer.from('{"format":1}'), john.identity, ''));
    expect(plain.message).toContain('This is not an age-encrypted file');
  });

  it('refuses another version, another format and bad fields, without quoting a value', () => {
    expect(() => parseDocument(JSON.stringify({ ...doc, version: 2 }))).toThrow(
      'This share document is version 2; this app reads version 1',
    );
    expect(() => parseDocument(JSON.stringify({ ...doc, format: 'other' }))).toThrow(
      'not a share document of this app',
    );
    expect(() => parseDocument('not json')).toThrow('is not JSON');
    const bad = { ...doc, key: { ...doc.key, fingerprint: secret, createdAt: 'yesterday' } };
    let message = '';
    try {
      parseDocument(JSON.stringify(bad));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('(check: key.createdAt, key.fingerprint)');
    expect(message).not.toContain(secret);
  });
});
