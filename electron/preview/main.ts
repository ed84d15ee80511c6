// npm run preview: the built renderer and the real core (keychain, store, sandbox account) on
// 127.0.0.1, for development and for the end-to-end tests. Never packaged. Its environment is the
// hosts' one configuration (electron/hosts/config.ts, the README's "Environment variables"):
// APEXKEYS_PREVIEW_PORT and APEXKEYS_PREVIEW_RENDERER_DIR are its own, the rest it shares.
import { fileURLToPath } from 'node:url';
import { createClipboardGuard, memoryClipboard } from '../core/clipboard-guard.ts';
import { openWindowPrefsFile } from '../core/window-prefs-file.ts';
import { composeHost } from '../hosts/compose.ts';
import { parseHostConfig, type HostConfig } from '../hosts/config.ts';
import { startPreview } from './server.ts';

let config: HostConfig;
try {
  config = parseHostConfig(process.env);
} catch (e) {
  // The message names the variable and its allowed values; a bad setting is a usage error.
  process.stderr.write(`preview: ${(e as Error).message}\n`);
  process.exit(2);
}
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
for (const notice of host.notices) process.stderr.write(`${notice}\n`);
const preview = await startPreview({
  rendererDir,
  handlers: host.handlers,
  ...(config.preview.port !== undefined ? { port: config.preview.port } : {}),
});
process.stdout.write(`Preview: ${preview.url}\n`);

const stop = async () => {
  // Asynchronous since the guard awaits the clipboard: finish it before the process exits.
  await Promise.allSettled([host.close(), preview.close()]);
  process.exit(0);
};
process.on('SIGINT', () => void stop()).on('SIGTERM', () => void stop());
