// Issue 14 item 2: a key handed over to a teammate is rotated in API mode. Two installations (a
// lead and John: a store and a vault each) on one sandbox over HTTP. The lead rotates "dev-john",
// held by John: the new key reaches John in a share file he receives and verifies; the old key is
// revoked, proven by the server no longer listing it; the lead's vault ends with neither secret
// and the new key held by John. Also: the refusals of the held branch, an abort after the share
// file (it names the file), and a finish interrupted after its record (no secret left behind).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../../../electron/core/accounts.ts';
import { ensureIdentity } from '../../../../electron/core/handoff/identity.ts';
import { receiveKey } from '../../../../electron/core/handoff/receive.ts';
import { shareKey } from '../../../../electron/core/handoff/share.ts';
import { verifyKey } from '../../../../electron/core/key-verify.ts';
import {
  abortRotation,
  confirmDeployed,
  finishRotation,
  replaceInAllLocations,
  replaceOldKeyInEnvFiles,
  startRotation,
  verifyNewKey,
} from '../../../../electron/core/rotation/index.ts';
import { startSandboxServer, type Sandbox } from '../../../../electron/sandbox/server.ts';
import { SECRET_PATTERN } from '../../../helpers/cli.ts';
import { makeCore } from '../../../helpers/core.ts';
import { answers, apiWorld, runOf, serverKeys, type World } from '../../../helpers/rotation.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';

describe('rotating a key held by a teammate (API mode)', () => {
  let sandbox: Sandbox;
  const files = makeTempDir('held-rotation-files');
  beforeAll(async () => {
    sandbox = await startSandboxServer({ rpm: 100_000 });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  /** John's installation: his own account on the same server, and his recipient. */
  async function johnsApp(prefix: string) {
    const core = await makeCore(prefix);
    await addAccount(core, {
      name: 'team',
      baseUrl: sandbox.url,
      secret: sandbox.bootstrapKey as string,
    });
    return { core, recipient: (await ensureIdentity(core.vault)).recipient };
  }

  /** The lead's key, handed over to John (share with hand-over), and John's received copy. */
  async function handedOver(prefix: string, label: string) {
    const lead: World = await apiWorld(sandbox, `${prefix}-lead`, label);
    const john = await johnsApp(`${prefix}-john`);
    const first = join(files, `${prefix}-first.age`);
    await shareKey(lead.core, {
      ref: { label },
      recipients: [john.recipient],
      file: first,
      handover: true,
      owner: 'John',
    });
    await receiveKey(john.core, { file: first });
    expect(lead.core.vault.entries.has(lead.old.id)).toBe(false);
    return { lead, john };
  }

  /** Nothing the lead's installation wrote holds a secret in the clear. */
  function noSecretIn(dir: string, secrets: string[]) {
    for (const name of readdirSync(dir)) {
      const text = readFileSync(join(dir, name), 'utf8');
      expect(text.match(SECRET_PATTERN), name).toBeNull();
      for (const s of secrets) expect(text, name).not.toContain(s);
    }
  }

  it('end to end: share file to the holder, verify, revoke proven by the listing, handed over', async () => {
    const { lead, john } = await handedOver('held-e2e', 'dev-john');
    const ref = { label: 'dev-john' };
    let v = await startRotation(lead.core, ref);
    expect(v.step).toBe('deploy');
    // The recipient John was handed the key with is known, for the share step to prefill.
    expect(v.held).toMatchObject({ holder: 'John', knownRecipients: [john.recipient], shares: [] });
    expect(v.held?.locationsSkipped).toMatch(/no copy of its secret/);
    const newId = v.newKey?.id as string;
    expect(lead.core.vault.entries.has(newId)).toBe(true);

    // No .env file for a held key; Replace in all is skipped, not failed; a share is needed.
    await expect(
      replaceOldKeyInEnvFiles(lead.core, ref, [join(files, 'app.env')]),
    ).rejects.toMatchObject({ code: 'REFUSED', rule: 'held-no-env-files' });
    expect(await replaceInAllLocations(lead.core, ref)).toEqual([]);
    await expect(confirmDeployed(lead.core, ref, { allLocations: true })).rejects.toMatchObject({
      rule: 'held-needs-share',
    });

    const second = join(files, 'dev-john-new.age');
    v = await confirmDeployed(lead.core, ref, {
      share: { recipients: [john.recipient], file: second },
    });
    expect(v.step).toBe('verify');
    expect(v.held?.shares).toEqual([
      expect.objectContaining({ file: second, recipients: [john.recipient] }),
    ]);
    expect(v.held?.shares[0]?.writtenAt).toEqual(expect.any(String));

    // John's installation opens the file and the new key works (his old copy still does too).
    const got = await receiveKey(john.core, { file: second, label: 'dev-john-2' });
    expect(got.key.fingerprint).toBe(v.newKey?.fingerprint);
    expect((await verifyKey(john.core, { label: 'dev-john-2' })).status).toBe('ok');
    const johnsNew = john.core.vault.entries.get(got.key.id) as string;
    expect(await answers(sandbox, johnsNew)).toBe(200);

    // John's receive checked the old key a moment ago: traffic, as far as the lead can tell.
    v = await verifyNewKey(lead.core, ref);
    expect(v.evidence.verify?.recentUse).toBe(true);
    v = await verifyNewKey(lead.core, ref, { acceptRecentUse: true });
    expect(v.step).toBe('revoke');
    expect(v.notice).toMatch(/John has received the share file and deployed the new key/);

    v = await finishRotation(lead.core, ref, { confirmLabel: 'dev-john' });
    expect(v.step).toBe('done');
    expect(v.evidence.revoke?.proof?.status).toBe(404);
    expect(v.oldKey?.status).toBe('revoked');
    expect(v.newKey).toMatchObject({ label: 'dev-john', status: 'active', custody: 'held' });
    expect(v.newKey?.heldBy).toBe('John');
    // Neither secret is in the lead's vault; the server lists the new key, not the old one.
    expect(lead.core.vault.entries.has(lead.old.id)).toBe(false);
    expect(lead.core.vault.entries.has(newId)).toBe(false);
    const listed = (await serverKeys(sandbox)).map((k) => k.id);
    expect(listed).not.toContain(lead.oldRemoteId);
    expect(listed).toContain(v.newKey?.remoteId);
    // John's old copy now answers 401; the one he received works.
    expect(await answers(sandbox, lead.oldSecret)).toBe(401);
    expect(await answers(sandbox, johnsNew)).toBe(200);

    const trail = await lead.core.audit.list();
    const revoke = trail.find((e) => e.action === 'rotation-step' && e.detail?.step === 'revoke');
    expect(revoke?.detail).toMatchObject({ proof: '404', proofKind: 'unlisted', heldBy: 'John' });
    const deploy = trail.find((e) => e.action === 'rotation-step' && e.detail?.step === 'deploy');
    expect(deploy?.detail).toMatchObject({ heldBy: 'John', shareFiles: second });
    expect(trail.some((e) => e.action === 'shared' && e.keyId === newId)).toBe(true);
    noSecretIn(lead.core.dataDir, [lead.oldSecret, johnsNew]);

    // Rotating the new held key again: John's recipient is known from this share; abort before
    // deploy revokes the new key as for any rotation.
    v = await startRotation(lead.core, ref);
    expect(v.held?.knownRecipients).toEqual([john.recipient]);
    const third = v.newKey?.id as string;
    v = await abortRotation(lead.core, ref, { choice: 'revoke-new' });
    expect(v.step).toBe('aborted');
    expect(v.notice).toBeNull();
    expect(lead.core.vault.entries.has(third)).toBe(false);
    expect(await answers(sandbox, johnsNew)).toBe(200);
  });

  it('abort after the share file was written: the new key is revoked, and the file is named', async () => {
    const { lead, john } = await handedOver('held-abort', 'dev-abort');
    const ref = { label: 'dev-abort' };
    const started = await startRotation(lead.core, ref);
    const newId = started.newKey?.id as string;
    const newSecret = lead.core.vault.entries.get(newId) as string;
    const file = join(files, 'dev-abort-new.age');
    await confirmDeployed(lead.core, ref, { share: { recipients: [john.recipient], file } });
    const v = await abortRotation(lead.core, ref, { choice: 'revoke-new' });
    expect(v.step).toBe('aborted');
    expect(v.notice).toContain(file);
    expect(v.notice).toMatch(/now revoked/);
    expect(await answers(sandbox, newSecret)).toBe(401);
    expect(lead.core.vault.entries.has(newId)).toBe(false);
    // The old key, held by John, is untouched.
    expect(await answers(sandbox, lead.oldSecret)).toBe(200);
    expect(v.oldKey).toMatchObject({ status: 'active', custody: 'held' });
  });

  it('a finish interrupted after its record completes on the next finish, leaving no secret', async () => {
    const { lead, john } = await handedOver('held-crash', 'dev-crash');
    const ref = { label: 'dev-crash' };
    const started = await startRotation(lead.core, ref);
    const newId = started.newKey?.id as string;
    const file = join(files, 'dev-crash-new.age');
    await confirmDeployed(lead.core, ref, { share: { recipients: [john.recipient], file } });
    expect((await verifyNewKey(lead.core, ref, { acceptRecentUse: true })).step).toBe('revoke');
    const killed = {
      ...lead.core,
      checkpoint: (name: string) => {
        if (name === 'revoke:recorded') throw new Error('killed');
      },
    };
    await expect(finishRotation(killed, ref, { confirmLabel: 'dev-crash' })).rejects.toThrow(
      'killed',
    );
    const run = await runOf(lead.core, lead.old.id);
    expect(run.step).toBe('revoke');
    expect(lead.core.vault.entries.has(newId)).toBe(true);
    const v = await finishRotation(lead.core, ref, { confirmLabel: 'dev-crash' });
    expect(v.step).toBe('done');
    expect(v.newKey).toMatchObject({ custody: 'held', heldBy: 'John', label: 'dev-crash' });
    expect(lead.core.vault.entries.has(newId)).toBe(false);
    expect((await runOf(lead.core, lead.old.id)).held?.handedOverAt).toEqual(expect.any(String));
  });

  it('a share whose file exists is refused and leaves no record; dashboard mode is refused', async () => {
    const { lead, john } = await handedOver('held-refuse', 'dev-refuse');
    const ref = { label: 'dev-refuse' };
    await startRotation(lead.core, ref);
    const taken = join(files, 'held-refuse-first.age');
    expect(existsSync(taken)).toBe(true);
    await expect(
      confirmDeployed(lead.core, ref, { share: { recipients: [john.recipient], file: taken } }),
    ).rejects.toThrow();
    expect((await runOf(lead.core, lead.old.id)).held?.shares).toEqual([]);
    await abortRotation(lead.core, ref, { choice: 'revoke-new' });

    // The same held key, its account now in dashboard mode: refused before any run exists.
    await lead.core.store.update((d) => {
      const a = d.accounts[0];
      if (a) a.mode = 'dashboard';
    });
    const runs = (await lead.core.store.read()).rotations.length;
    await expect(startRotation(lead.core, ref, { newSecret: 'x' })).rejects.toMatchObject({
      code: 'WRONG_MODE',
      message: expect.stringMatching(/held by John .* dashboard mode/),
    });
    expect((await lead.core.store.read()).rotations).toHaveLength(runs);
  });
});
