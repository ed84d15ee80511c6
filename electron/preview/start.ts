// The preview host's start, apart from its process: compose the host from a parsed configuration
// and serve it. main.ts (npm run preview) runs it in a process of its own; the end-to-end tests
// run it inside their worker, where starting a Node process and compiling the bundle for every
// test was most of each test's fixed cost.
import { fileURLToPath } from 'node:url';
import { createClipboardGuard, memoryClipboard } from '../core/clipboard-guard.ts';
import { openWindowPrefsFile } from '../core/window-prefs-file.ts';
import { composeHost } from '../hosts/compose.ts';
import type { HostConfig } from '../hosts/config.ts';
import { startPreview } from './server.ts';

export interface PreviewHost {
  url: string;
  /** Stops serving and closes the host (clipboard, sandbox, change feed). Never rejects. */
  close(): Promise<void>;
}

/** `notice` receives the host's console lines as soon as they are known, before it serves. */
export async function startPreviewHost(
  config: HostConfig,
  notice: (line: string) => void = () => undefined,
): Promise<PreviewHost> {
  const rendererDir =
    config.preview.rendererDir ?? fileURLToPath(new URL('../../out/renderer', import.meta.url));
  const host = await composeHost({
    transport: 'preview',
    clipboard: createClipboardGuard({ clipboard: memoryClipboard() }),
    // The preview never drives the OS browser; the window shows the URL to open instead.
    openExternal: async () => false,
    config,
    // The list's filter and sort, in a small file beside the store (Electron uses electron-store).
    windowPrefs: openWindowPrefsFile(config.dataDir),
  });
  for (const line of host.notices) notice(line);
  const preview = await startPreview({
    rendererDir,
    handlers: host.handlers,
    ...(config.preview.port !== undefined ? { port: config.preview.port } : {}),
  }).catch(async (e: unknown) => {
    // A port in use: what the host started (the built-in sandbox) must not outlive it.
    await host.close();
    throw e;
  });
  return {
    url: preview.url,
    close: async () => {
      // Asynchronous since the guard awaits the clipboard: finish it before the caller goes on.
      await Promise.allSettled([host.close(), preview.close()]);
    },
  };
}
