// Wires the core for one CLI invocation from the global options and the environment.
import { createAudit } from '../core/audit.ts';
import { systemClock } from '../core/clock.ts';
import { createApexClient } from '../core/apexverify/index.ts';
import type { CoreDeps } from '../core/deps.ts';
import { DEFAULT_KEYCHAIN_SERVICE, defaultDataDir } from '../core/paths.ts';
import { openStore } from '../core/store.ts';
import { createKeytarVault } from '../core/vault.ts';
import { warn } from './io.ts';

export interface GlobalOptions {
  dataDir?: string;
  keychainService?: string;
}

function envNumber(name: string): number | undefined {
  const v = process.env[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

export async function openCore(g: GlobalOptions): Promise<CoreDeps & { dataDir: string }> {
  const dataDir = g.dataDir ?? process.env.APEXKEYS_DATA_DIR ?? defaultDataDir();
  const service =
    g.keychainService ?? process.env.APEXKEYS_KEYCHAIN_SERVICE ?? DEFAULT_KEYCHAIN_SERVICE;
  const clock = systemClock;
  const store = await openStore({ dir: dataDir, clock });
  for (const notice of store.notices) warn(notice);
  // Tuning knobs for slow links and for tests; the defaults suit the real service.
  const timeoutMs = envNumber('APEXKEYS_HTTP_TIMEOUT_MS');
  const retries = envNumber('APEXKEYS_HTTP_RETRIES');
  const maxRetryAfterSec = envNumber('APEXKEYS_MAX_RETRY_AFTER_SEC');
  return {
    dataDir,
    store,
    clock,
    vault: createKeytarVault({ service }),
    audit: createAudit({ dir: dataDir, actor: 'cli', clock }),
    clientFor: (account, opts) =>
      createApexClient({
        baseUrl: account.baseUrl,
        ...(opts?.governor ? { governor: opts.governor } : {}),
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
        ...(retries !== undefined ? { retries } : {}),
        ...(maxRetryAfterSec !== undefined ? { maxRetryAfterSec } : {}),
      }),
  };
}
