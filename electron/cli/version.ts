// The CLI's version: package.json's, the one version source. The build (scripts/build-cli.mjs)
// writes it in as a constant; run from source (tsx, in tests) it is read from package.json.
import { readFileSync } from 'node:fs';

declare const __APEXKEYS_VERSION__: string | undefined;

export function cliVersion(): string {
  if (typeof __APEXKEYS_VERSION__ === 'string') return __APEXKEYS_VERSION__;
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
