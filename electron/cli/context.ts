// Wires the core for one CLI invocation from the global options and the environment.
import { createAudit } from '../core/audit.ts';
import { systemClock } from '../core/clock.ts';
import { createApexClient } from '../core/apexverify/index.ts';
import type { CoreDeps } from '../core/deps.ts';
import { DEFAULT_KEYCHAIN_SERVICE, defaultDataDir } from '../core/paths.ts';
import { openStore } from '../core/store.ts';
import type { Store } from '../core/store-types.ts';
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

let opened: { store: Store; shown: number } | null = null;

/** Prints the store's notices (a repaired file, a stale last-good copy) not shown yet. */
export function flushNotices(): void {
  if (!opened) return;
  const all = opened.store.notices;
  for (const notice of all.slice(opened.shown)) warn(notice);
  opened.shown = all.length;
}

export async function openCore(g: GlobalOptions): Promise<CoreDeps & { dataDir: string }> {
  const dataDir = g.dataDir ?? process.env.APEXKEYS_DATA_DIR ?? defaultDataDir();
  const service =
    g.keychainService ?? process.env.APEXKEYS_KEYCHAIN_SERVICE ?? DEFAULT_KEYCHAIN_SERVICE;
  const clock = systemClock;
  const store = await openStore({ dir: dataDir, clock });
  opened = { store, shown: 0 };
  flushNotices();
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
