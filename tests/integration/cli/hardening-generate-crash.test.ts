// Issue 9, defect 4: a `key generate` killed (SIGKILL) at each checkpoint between writing its
// intent and writing the record, then the same command run again through the CLI. Afterwards:
// at most one live server key for the label, none without a record, no orphan keychain entry.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { accountVaultId } from '../../../electron/core/accounts.ts';
import { writeFileAtomic } from '../../../electron/core/fs/atomic-write.ts';
import { wireCore } from '../../../electron/core/wire.ts';
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';
import { loadState } from '../../../electron/sandbox/state.ts';
import { addAccountCli, newCliEnv, runCli, type CliEnv } from '../../helpers/cli.ts';
import { hasTestKeyring } from '../../helpers/keyring.ts';
import { REPO_ROOT } from '../../helpers/repo-root.ts';
import { makeTempDir } from '../../helpers/tmp.ts';
import { fixture } from '../../helpers/fixture-bundles.ts';

const CHILD = fixture('generate-crash-child');

/** In the order generate passes them. */
const KILL_POINTS = [
  'key-generate:reserved', // intent written, nothing sent
  'key-generate:created', // server made the key, its secret not yet in the keychain
  'key-generate:vaulted', // secret in the keychain, record not yet written
  'key-generate:stored', // record written, audit not yet
];

function runChild(env: CliEnv, label: string, killAt: string) {
  return new Promise<{ signal: NodeJS.Signals | null; stderr: string }>((done, fail) => {
    const child = spawn(process.execPath, [CHILD, env.dataDir, env.service, label, killAt], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (_code, signal) => done({ signal, stderr }));
  });
}

describe.skipIf(!hasTestKeyring).concurrent('key generate survives SIGKILL', () => {
  let sandbox: Sandbox;
  const stateFile = join(makeTempDir('gen-crash-sandbox'), 'state.json');
  beforeAll(async () => {
    sandbox = await startSandboxServer({
      rpm: 1_000_000,
      state: { file: stateFile, writeAtomic: writeFileAtomic },
    });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  for (const point of KILL_POINTS) {
    it(`killed at ${point}, then run again`, async ({ expect }) => {
      const env = newCliEnv('gen-crash');
      await addAccountCli(env, 'sb', sandbox.url, sandbox.bootstrapKey as string);
      const label = `kg-${point.split(':')[1]}`;
      const killed = await runChild(env, label, point);
      expect(killed.signal, killed.stderr).toBe('SIGKILL');

      const again = await runCli(env, [
        'key',
        'generate',
        '--account',
        'sb',
        '--label',
        label,
        '--env',
        'staging',
      ]);
      if (point === 'key-generate:stored') {
        // The first run finished its change: the label is taken, and the rerun says so.
        expect(again.code).toBe(1);
        expect(again.stderr).toMatch(/already has a live key labelled/);
      } else expect(again.code, again.stderr).toBe(0);

      const core = await wireCore({
        dataDir: env.dataDir,
        keychainService: env.service,
        actor: 'cli',
      });
      const data = await core.store.read();
      const live = (loadState(stateFile) ?? []).filter((k) => k.label === label && !k.revokedAt);
      expect(live, 'live server keys for the label').toHaveLength(1);
      const records = data.keys.filter((k) => k.label === label);
      expect(records.map((k) => k.remoteId)).toEqual([live[0]?.id]);
      expect(data.generating).toEqual([]);
      const expected = [
        ...data.keys.map((k) => k.id),
        ...data.accounts.map((a) => accountVaultId(a.id)),
      ];
      expect((await core.vault.listIds()).sort()).toEqual(expected.sort());
    });
  }
});
