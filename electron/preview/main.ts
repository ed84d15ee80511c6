// npm run preview: the built renderer and the real core (keychain, store, sandbox account) on
// 127.0.0.1, for development and for the end-to-end tests. Never packaged.
//   APEXKEYS_DATA_DIR, APEXKEYS_KEYCHAIN_SERVICE  where the data and the secrets live
//   APEXKEYS_PREVIEW_PORT                          port (default: any free one)
//   APEXKEYS_PREVIEW_SANDBOX=off                   do not start the built-in sandbox (tests bring their own)
//   APEXKEYS_SANDBOX_PORT, APEXKEYS_SANDBOX_STATE  the sandbox's port and state file
//   APEXKEYS_PREVIEW_RENDERER_DIR                  the built renderer to serve (default out/renderer;
//                                                  tests point it at a stand-in)
import { fileURLToPath } from 'node:url';
import { createHandlers } from '../core/window-api/handlers.ts';
import { createClipboardGuard, memoryClipboard } from '../core/clipboard-guard.ts';
import { wireCore } from '../core/wire.ts';
import { startBuiltInSandbox } from '../sandbox/bootstrap.ts';
import { startPreview } from './server.ts';

const env = process.env;
const rendererDir =
  env.APEXKEYS_PREVIEW_RENDERER_DIR ||
  fileURLToPath(new URL('../../out/renderer', import.meta.url));

const deps = await wireCore({ actor: 'app' });
const closers: Array<() => Promise<void>> = [];
if (env.APEXKEYS_PREVIEW_SANDBOX !== 'off') {
  const { sandbox, message } = await startBuiltInSandbox(deps, deps.dataDir);
  if (sandbox) closers.push(() => sandbox.close());
  process.stderr.write(`${message}\n`);
}
const clipboard = createClipboardGuard({ clipboard: memoryClipboard() });
const handlers = createHandlers({
  deps,
  clipboard,
  // The preview never drives the OS browser; the window shows the URL to open instead.
  openExternal: async () => false,
  transport: 'preview',
  platform: process.platform,
});
const preview = await startPreview({
  rendererDir,
  handlers,
  ...(env.APEXKEYS_PREVIEW_PORT ? { port: Number(env.APEXKEYS_PREVIEW_PORT) } : {}),
});
closers.push(() => preview.close());
process.stdout.write(`Preview: ${preview.url}\n`);

const stop = async () => {
  // Asynchronous since the guard awaits the clipboard: finish it before the process exits.
  await Promise.allSettled([clipboard.clearIfUnchanged(), ...closers.map((c) => c())]);
  process.exit(0);
};
process.on('SIGINT', () => void stop()).on('SIGTERM', () => void stop());
