// The one start sequence of the window's hosts (Electron main and the preview host): wire the
// core from the parsed configuration, start the built-in sandbox account, create the window's
// handlers over the host's clipboard and browser, and collect what has to be closed on the way
// out. Each host keeps only what is its own: Electron's lifecycle, or the preview's HTTP server.
import { createChangeFeed } from '../core/change-feed.ts';
import type { ClipboardGuard } from '../core/clipboard-guard.ts';
import type { CoreDeps } from '../core/deps.ts';
import { createHandlers, type Handlers } from '../core/window-api/handlers.ts';
import type { AppContext } from '../core/window-api/context.ts';
import type { WindowPrefsStore } from '../core/window-prefs-file.ts';
import { wireCore } from '../core/wire.ts';
import type { HostConfig } from './config.ts';
import { startBuiltInSandbox } from './sandbox-account.ts';

export interface ComposeInput {
  transport: AppContext['transport'];
  /** The host's clipboard guard (the system clipboard in Electron, memory in the preview). */
  clipboard: ClipboardGuard;
  openExternal: AppContext['openExternal'];
  config: Pick<HostConfig, 'dataDir' | 'keychainService' | 'http' | 'sandbox'> &
    Partial<Pick<HostConfig, 'demo'>>;
  /** Default process.platform. */
  platform?: NodeJS.Platform;
  /** Where the window's filter and sort are kept (electron-store, or the preview's file). */
  windowPrefs?: WindowPrefsStore;
  /** Native file and folder choosers (Electron's dialog); none in the preview host. */
  dialogs?: AppContext['dialogs'];
}

export interface ComposedHost {
  handlers: Handlers;
  deps: CoreDeps & { dataDir: string };
  /** Lines for the host's console (what became of the built-in sandbox); never a secret. */
  notices: string[];
  /**
   * Clears the clipboard if it still holds what the app wrote, and stops the built-in sandbox.
   * Never rejects: on the way out every closer gets its turn.
   */
  close(): Promise<void>;
}

export async function composeHost(input: ComposeInput): Promise<ComposedHost> {
  const { config, clipboard } = input;
  const deps = await wireCore({
    actor: 'app',
    dataDir: config.dataDir,
    keychainService: config.keychainService,
    http: config.http,
  });
  const notices: string[] = [];
  // Only while it still holds what the app wrote: text copied elsewhere since is left alone.
  const closers: Array<() => Promise<unknown>> = [() => clipboard.clearIfUnchanged()];
  if (config.sandbox.enabled) {
    const { sandbox, message } = await startBuiltInSandbox(deps, deps.dataDir, config.sandbox);
    if (sandbox) closers.push(() => sandbox.close());
    notices.push(message);
  }
  // Outside changes (the CLI, another window) reach the window through waitForChange.
  const changes = createChangeFeed({ dir: deps.dataDir });
  closers.push(async () => changes.close());
  const handlers = createHandlers({
    deps,
    clipboard,
    openExternal: input.openExternal,
    transport: input.transport,
    platform: input.platform ?? process.platform,
    demo: config.demo ?? false,
    changes,
    ...(input.windowPrefs ? { windowPrefs: input.windowPrefs } : {}),
    ...(input.dialogs ? { dialogs: input.dialogs } : {}),
  });
  return {
    handlers,
    deps,
    notices,
    close: async () => {
      await Promise.allSettled(closers.map(async (close) => close()));
    },
  };
}
