// Wires the core for one CLI invocation from the global options and the environment.
import type { CoreDeps } from '../core/deps.ts';
import type { Store } from '../core/store-types.ts';
import { wireCore } from '../core/wire.ts';
import { warn } from './io.ts';

export interface GlobalOptions {
  dataDir?: string;
  keychainService?: string;
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
  // Only the two globals: optsWithGlobals() also carries the command's own options (e.g. --env).
  const deps = await wireCore({
    ...(g.dataDir !== undefined ? { dataDir: g.dataDir } : {}),
    ...(g.keychainService !== undefined ? { keychainService: g.keychainService } : {}),
    actor: 'cli',
  });
  opened = { store: deps.store, shown: 0 };
  flushNotices();
  return deps;
}
