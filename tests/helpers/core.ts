// Wires the core in-process for tests: a real store and audit in a temp dir, a real client
// against the sandbox, and an in-memory vault whose calls a test can make fail.
import { AppError } from '../../shared/errors.ts';
import { createApexClient } from '../../electron/core/apexverify/index.ts';
import { createAudit } from '../../electron/core/audit.ts';
import { systemClock } from '../../electron/core/clock.ts';
import type { CoreDeps } from '../../electron/core/deps.ts';
import { openStore } from '../../electron/core/store/index.ts';
import type { Vault } from '../../electron/core/vault-types.ts';
import { makeTempDir } from './tmp.ts';

export interface MemoryVault extends Vault {
  readonly entries: Map<string, string>;
  /** Makes the next calls of this method fail with KEYCHAIN_DENIED. */
  failing: Set<'set' | 'get' | 'delete'>;
}

export function memoryVault(): MemoryVault {
  const entries = new Map<string, string>();
  const failing = new Set<'set' | 'get' | 'delete'>();
  const deny = (op: 'set' | 'get' | 'delete') => {
    if (failing.has(op)) throw new AppError('KEYCHAIN_DENIED', 'The keychain is locked (test).');
  };
  return {
    entries,
    failing,
    async set(id, secret) {
      deny('set');
      entries.set(id, secret);
    },
    async get(id) {
      deny('get');
      const v = entries.get(id);
      if (v === undefined) throw new AppError('SECRET_MISSING', 'Not in the keychain (test).');
      return v;
    },
    async delete(id) {
      deny('delete');
      return entries.delete(id);
    },
    async listIds() {
      return [...entries.keys()];
    },
  };
}

export async function makeCore(
  prefix: string,
): Promise<CoreDeps & { vault: MemoryVault; dataDir: string }> {
  const dataDir = makeTempDir(prefix);
  return {
    dataDir,
    store: await openStore({ dir: dataDir }),
    vault: memoryVault(),
    audit: createAudit({ dir: dataDir, actor: 'cli', clock: systemClock }),
    clock: systemClock,
    clientFor: (account, opts) =>
      createApexClient({
        baseUrl: account.baseUrl,
        retries: 0,
        ...(opts?.governor ? { governor: opts.governor } : {}),
        ...(opts?.signal ? { signal: opts.signal } : {}),
      }),
  };
}
