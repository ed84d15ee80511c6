// The app and the CLI may write the same store at once: several CLI processes import keys in
// parallel and every record must survive.
import { describe, expect, it } from 'vitest';
import { startSandboxServer } from '../../../electron/sandbox/server.ts';
import { addAccountCli, newCliEnv, runCli } from '../../helpers/cli.ts';
import { hasTestKeyring } from '../../helpers/keyring.ts';

describe.skipIf(!hasTestKeyring)('concurrent CLI processes on one store', () => {
  it('loses no record when 6 processes import 4 keys each at the same time', async () => {
    const sandbox = await startSandboxServer({ rpm: 100_000 });
    try {
      const env = newCliEnv('cli-conc');
      await addAccountCli(env, 'acme', sandbox.url, sandbox.bootstrapKey as string);
      const workers = Array.from({ length: 6 }, async (_, w) => {
        for (let i = 0; i < 4; i++) {
          const label = `w${w}-k${i}`;
          const r = await runCli(
            env,
            ['key', 'import', '--account', 'acme', '--label', label, '--env', 'staging'],
            { input: sandbox.issueKey(label).key },
          );
          expect(r.stderr).not.toMatch(/warning|error|apexkeys:/i);
          expect(r.code).toBe(0);
        }
      });
      await Promise.all(workers);
      const list = JSON.parse((await runCli(env, ['key', 'list', '--json'])).stdout) as Array<{
        label: string;
      }>;
      expect(list).toHaveLength(24);
      expect(new Set(list.map((k) => k.label)).size).toBe(24);
    } finally {
      await sandbox.close();
    }
  });
});
