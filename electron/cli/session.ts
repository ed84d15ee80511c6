// One CLI invocation's state: the configuration it parsed, the store it opened (whose notices are
// printed once each), its exit code and whether a command keeps the process serving. A session
// is made per run and handed to every command, so no state lives at module level.
import type { Command } from 'commander';
import type { CoreDeps } from '../core/deps.ts';
import type { Store } from '../core/store/types.ts';
import { parseHostConfig, type HostConfig } from '../hosts/config.ts';
import { warn } from './io.ts';

export type CliCore = CoreDeps & { dataDir: string };

/** The two global options; the rest of optsWithGlobals() is the command's own. */
interface GlobalOptions {
  dataDir?: string;
  keychainService?: string;
}

export interface CliSession {
  /** Wires the core from the global options over the environment, and prints the store's notices. */
  openCore(cmd: Command): Promise<CliCore>;
  /** Prints the store's notices (a repaired file, a stale last-good copy) not shown yet. */
  flushNotices(): void;
  /** APEXKEYS_DEBUG=1; false while the environment does not parse. */
  debug(): boolean;
  /** What the process exits with when the command returns normally. */
  exitCode: number;
  /** The environment the invocation was given (the process's own, for the built CLI). */
  readonly env: NodeJS.ProcessEnv;
}

export function createSession(env: NodeJS.ProcessEnv): CliSession {
  // Parsed when first needed, so a command that reads no configuration (help, the sandbox) runs
  // whatever the environment holds; a bad value stops the others as a usage error naming it.
  let config: HostConfig | null = null;
  const hostConfig = (): HostConfig => (config ??= parseHostConfig(env));
  let opened: { store: Store; shown: number } | null = null;

  const session: CliSession = {
    exitCode: 0,
    env,
    flushNotices() {
      if (!opened) return;
      const all = opened.store.notices;
      for (const notice of all.slice(opened.shown)) warn(notice);
      opened.shown = all.length;
    },
    debug() {
      try {
        return hostConfig().debug;
      } catch {
        return false;
      }
    },
    async openCore(cmd) {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const c = hostConfig();
      // Imported here, not at the top: help, --version and the sandbox never load the store,
      // the keychain or the HTTP client.
      const { wireCore } = await import('../core/wire.ts');
      const deps = await wireCore({
        actor: 'cli',
        dataDir: g.dataDir ?? c.dataDir,
        keychainService: g.keychainService ?? c.keychainService,
        http: c.http,
      });
      opened = { store: deps.store, shown: 0 };
      session.flushNotices();
      return deps;
    },
  };
  return session;
}
