import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'ApexVerify Key Manager';
export const DEFAULT_KEYCHAIN_SERVICE = 'apexverify-key-manager';

/** The folder Electron's app.getPath('userData') gives for this product, so app and CLI share files. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), PRODUCT_NAME);
}
