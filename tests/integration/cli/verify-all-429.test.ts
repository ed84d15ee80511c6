// Verify all meets a few 429s: each costs its Retry-After and no more. Before the fix every 429
// (which reports remaining: 0) put the pacing about a minute into debt per retry, so 33 keys
// with three injected 429s took over 200 s; now they finish in seconds, far inside the budget.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../../electron/core/accounts.ts';
import { importKey } from '../../../electron/core/keys.ts';
import { wireCore } from '../../../electron/core/wire.ts';
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';
import { newCliEnv, runCli, type CliEnv } from '../../helpers/cli.ts';
import { hasTestKeyring } from '../../helpers/keyring.ts';

const KEYS = 33;
// Three 429s at one minute of debt each would need 180 s; their Retry-After needs 3 s.
const BUDGET_MS = 120_000;

describe.skipIf(!hasTestKeyring)('verify all under 429s', () => {
  let sandbox: Sandbox;
  let env: CliEnv;

  beforeAll(async () => {
    sandbox = await startSandboxServer({ rpm: 180 });
    env = newCliEnv('cli-verify-429');
    const deps = await wireCore({
      dataDir: env.dataDir,
      keychainService: env.service,
      actor: 'cli',
    });
    await addAccount(deps, {
      name: 'acme',
      baseUrl: sandbox.url,
      secret: sandbox.bootstrapKey as string,
    });
    for (let i = 0; i < KEYS; i++) {
      const { key } = sandbox.issueKey(`k${i}`);
      await importKey(deps, {
        account: 'acme',
        label: `k${i}`,
        environment: 'staging',
        secret: key,
        verify: false,
      });
    }
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it(
    'three 429s with Retry-After: 1 cost their wait, not a minute of pacing each',
    async () => {
      sandbox.addFault({ path: '/v1/account/credits', status: 429, retryAfter: 1, times: 3 });
      const r = await runCli(env, ['key', 'verify', '--all', '--json'], { timeoutMs: BUDGET_MS });
      expect(r.code, r.stderr).toBe(0);
      const results = JSON.parse(r.stdout) as Array<{ status: string }>;
      expect(results).toHaveLength(KEYS);
      expect(results.every((x) => x.status === 'ok')).toBe(true);
    },
    BUDGET_MS + 30_000,
  );
});
