// npm run bench:verify [-- --keys N --rpm L --share S --concurrency C --inject-429 K]
// Verifies N keys against the sandbox with verify-all paced to a share S of the limit L, and
// prints counts and the ratio of the ideal time to the time taken. The ideal is what the server
// permits: the share of its full bucket at once (S * L, all beyond the reserve (1 - S) * L),
// then S * L / 60 per second: max(0, N - S * L) / (S * L / 60). --inject-429 K answers the
// first K checks with a 429 (Retry-After: 1), which cost their wait and no more: a 429 stops the
// account's traffic for its Retry-After, so the run is also compared with the ideal plus those
// waits (at most one wait per 429 received; fewer when several arrive within one wait).
// Runs inside a throwaway keyring (scripts/with-keyring.sh).
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { addAccount } from '../electron/core/accounts.ts';
import { createApexClient } from '../electron/core/apexverify/index.ts';
import { createAudit } from '../electron/core/audit.ts';
import { systemClock } from '../electron/core/clock.ts';
import type { CoreDeps } from '../electron/core/deps.ts';
import { verifyAll } from '../electron/core/key-verify.ts';
import { importKey } from '../electron/core/keys.ts';
import { openStore } from '../electron/core/store/index.ts';
import { createKeytarVault } from '../electron/core/vault.ts';
import { startSandboxServer } from '../electron/sandbox/server.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { values } = parseArgs({
  options: {
    keys: { type: 'string', default: '300' },
    rpm: { type: 'string', default: '1200' },
    share: { type: 'string', default: '0.5' },
    concurrency: { type: 'string', default: '4' },
    'inject-429': { type: 'string', default: '0' },
  },
});
const N = Number(values.keys);
const L = Number(values.rpm);
const S = Number(values.share);
const C = Number(values.concurrency);
const K = Number(values['inject-429']);
const RETRY_AFTER_S = 1;

const dir = mkdtempSync(join(tmpdir(), 'apexkeys-bench-'));
const service = `apexkeys-bench-${randomUUID()}`;
const sandbox = await startSandboxServer({ rpm: L });
const vault = createKeytarVault({ service });
const deps: CoreDeps = {
  store: await openStore({ dir }),
  vault,
  audit: createAudit({ dir, actor: 'cli', clock: systemClock }),
  clock: systemClock,
  clientFor: (account, opts) =>
    createApexClient({
      baseUrl: account.baseUrl,
      ...(opts?.governor ? { governor: opts.governor } : {}),
    }),
};
try {
  await addAccount(deps, {
    name: 'bench',
    baseUrl: sandbox.url,
    secret: sandbox.bootstrapKey as string,
  });
  for (let i = 0; i < N; i++) {
    const { key } = sandbox.issueKey(`bench-${i}`);
    await importKey(deps, {
      account: 'bench',
      label: `bench-${i}`,
      environment: 'staging',
      secret: key,
      verify: false,
    });
  }
  // Let the server's bucket refill from the setup's requests (adding the account checks the key
  // and the mode), so every run starts with the full bucket the ideal assumes: one token comes
  // back every 60 / L s. (A fixed 1.5 s left it a token or two short at 30 a minute.)
  const spent = sandbox.stats.requests;
  await new Promise((r) => setTimeout(r, (spent * 60_000) / L + 250));
  const before = sandbox.stats;
  if (K > 0)
    sandbox.addFault({
      path: '/v1/account/credits',
      status: 429,
      retryAfter: RETRY_AFTER_S,
      times: K,
    });
  const t0 = performance.now();
  const results = await verifyAll(deps, { rateShare: S, concurrency: C });
  const seconds = (performance.now() - t0) / 1000;
  const rate = (S * L) / 60;
  const burst = S * L;
  const ideal = Math.max(0, N - burst) / rate;
  const failures = results.filter((r) => r.status !== 'ok').length;
  // The limiter's own 429s and the injected ones (every injected fault here is a 429).
  const after = sandbox.stats;
  const got429 = after.rateLimited - before.rateLimited + (after.faulted - before.faulted);
  console.log(`keys verified: ${results.length - failures} of ${N}`);
  console.log(`failures: ${failures}`);
  console.log(`429s received: ${got429} (${K} injected)`);
  console.log(`limit ${L}/min, share ${S}: ${burst} at once, then ${rate.toFixed(2)}/s`);
  console.log(`ideal ${ideal.toFixed(1)} s, took ${seconds.toFixed(1)} s`);
  console.log(`ratio ideal/actual: ${(seconds > 0 ? ideal / seconds : 1).toFixed(3)}`);
  if (got429 > 0) {
    const withWaits = ideal + got429 * RETRY_AFTER_S;
    console.log(
      `ratio (ideal + ${got429} x ${RETRY_AFTER_S} s of Retry-After)/actual: ${(withWaits / seconds).toFixed(3)}`,
    );
  }
  if (failures > 0) process.exitCode = 1;
} finally {
  for (const id of await vault.listIds()) await vault.delete(id);
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
}
