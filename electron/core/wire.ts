// Builds the core's dependencies from a data folder and a keychain service name: one wiring for
// the CLI, the preview host and the Electron shell.
import type { Account } from '../../shared/schemas.ts';
import { createApexClient } from './apexverify/index.ts';
import { createAudit } from './audit.ts';
import { systemClock } from './clock.ts';
import type { CoreDeps } from './deps.ts';
import { DEFAULT_KEYCHAIN_SERVICE, defaultDataDir } from './paths.ts';
import { openStore } from './store.ts';
import { createKeytarVault } from './vault.ts';

export interface WireOptions {
  dataDir?: string;
  keychainService?: string;
  actor: 'cli' | 'app';
}

function envNumber(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const v = env[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

export async function wireCore(opts: WireOptions): Promise<CoreDeps & { dataDir: string }> {
  const env = process.env;
  const dataDir = opts.dataDir ?? env.APEXKEYS_DATA_DIR ?? defaultDataDir();
  const service = opts.keychainService ?? env.APEXKEYS_KEYCHAIN_SERVICE ?? DEFAULT_KEYCHAIN_SERVICE;
  const clock = systemClock;
  const store = await openStore({ dir: dataDir, clock });
  // Tuning knobs for slow links and for tests; the defaults suit the real service.
  const timeoutMs = envNumber(env, 'APEXKEYS_HTTP_TIMEOUT_MS');
  const retries = envNumber(env, 'APEXKEYS_HTTP_RETRIES');
  const maxRetryAfterSec = envNumber(env, 'APEXKEYS_MAX_RETRY_AFTER_SEC');
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
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
        ...(retries !== undefined ? { retries } : {}),
        ...(maxRetryAfterSec !== undefined ? { maxRetryAfterSec } : {}),
      }),
  };
}
