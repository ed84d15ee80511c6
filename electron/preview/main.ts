// npm run preview: the built renderer and the real core (keychain, store, sandbox account) on
// 127.0.0.1, for development and for the end-to-end tests. Never packaged. Its environment is the
// hosts' one configuration (electron/hosts/config.ts, the README's "Environment variables"):
// APEXKEYS_PREVIEW_PORT and APEXKEYS_PREVIEW_RENDERER_DIR are its own, the rest it shares.
import { parseHostConfig, type HostConfig } from '../hosts/config.ts';
import { startPreviewHost } from './start.ts';

let config: HostConfig;
try {
  config = parseHostConfig(process.env);
} catch (e) {
  // The message names the variable and its allowed values; a bad setting is a usage error.
  process.stderr.write(`preview: ${(e as Error).message}\n`);
  process.exit(2);
}

const host = await startPreviewHost(config, (notice) => process.stderr.write(`${notice}\n`));
process.stdout.write(`Preview: ${host.url}\n`);

const stop = async () => {
  await host.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop()).on('SIGTERM', () => void stop());
