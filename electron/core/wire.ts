// Builds the core's dependencies from a data folder, a keychain service name and HTTP tuning:
// one wiring for the CLI, the preview host and the Electron shell. It reads no environment: each
// host parses its configuration once (electron/hosts/config.ts) and passes the values in.
import type { Account } from '../../shared/schemas.ts';
import { createApexClient } from './apexverify/index.ts';
import type { ApexClientOptions } from './apexverify/types.ts';
import { createAudit } from './audit.ts';
import { systemClock } from './clock.ts';
import type { CoreDeps } from './deps.ts';
import { DEFAULT_KEYCHAIN_SERVICE, defaultDataDir } from './paths.ts';
import { openStore } from './store/index.ts';
import { createKeytarVault } from './vault.ts';

/** Tuning knobs for slow links and for tests; unset, the client's defaults suit the real service. */
export type HttpTuning = Pick<ApexClientOptions, 'timeoutMs' | 'retries' | 'maxRetryAfterSec'>;

export interface WireOptions {
  actor: 'cli' | 'app';
  /** Default: the app's user-data folder. */
  dataDir?: string;
  /** Default: the product's keychain service. */
  keychainService?: string;
  http?: HttpTuning;
}

function pickTuning(http: HttpTuning = {}): HttpTuning {
  const { timeoutMs, retries, maxRetryAfterSec } = http;
  return {
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(retries !== undefined ? { retries } : {}),
    ...(maxRetryAfterSec !== undefined ? { maxRetryAfterSec } : {}),
  };
}

export async function wireCore(opts: WireOptions): Promise<CoreDeps & { dataDir: string }> {
  const dataDir = opts.dataDir ?? defaultDataDir();
  const service = opts.keychainService ?? DEFAULT_KEYCHAIN_SERVICE;
  const clock = systemClock;
  const store = await openStore({ dir: dataDir, clock });
  return {
    dataDir,
    store,
    clock,
    vault: createKeytarVault({ service }),
    audit: createAudit({ dir: dataDir, actor: opts.actor, clock }),
    clientFor: (account: Account, o) =>
      createApexClient({
        baseUrl: account.baseUrl,
        ...(o?.governor ? { governor: o.governor } : {}),
        ...(o?.signal ? { signal: o.signal } : {}),
        // Only the three knobs; an unset one is left to the client's own default.
        ...pickTuning(opts.http),
      }),
  };
}
