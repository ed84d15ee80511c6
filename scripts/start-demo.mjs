// npm start (until the desktop window lands): starts the sandbox through the CLI, adds it as the
// "sandbox" account on first start, and prints the commands to try against it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const bin = join(repo, 'bin/apexkeys.mjs');
const stateDir = join(repo, '.tmp');
mkdirSync(stateDir, { recursive: true });
const child = spawn(
  process.execPath,
  [
    bin,
    'sandbox',
    // A fixed port, so the account added against it still works after a restart.
    '--port',
    process.env.APEXKEYS_SANDBOX_PORT ?? '4780',
    '--state',
    join(stateDir, 'sandbox-state.json'),
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);

let banner = '';
let ready = false;
child.stdout.setEncoding('utf8').on('data', (chunk) => {
  if (ready) return void process.stdout.write(chunk);
  banner += chunk;
  // The admin token is the last line the sandbox prints at start.
  if (!/Admin token/.test(banner)) return;
  ready = true;
  const url = /Sandbox: (\S+)/.exec(banner)?.[1] ?? '';
  const key = /Bootstrap key \(shown once\): (\S+)/.exec(banner)?.[1];
  process.stdout.write(
    `${banner.replace(/^Bootstrap key.*\n/m, '').replace(/^Admin token.*\n/m, '')}\n`,
  );
  process.stdout.write(
    `${key ? addAccount(url, key) : 'Sandbox state reused from .tmp/sandbox-state.json (delete it for a fresh sandbox account).\n'}`,
  );
  process.stdout.write(`
The desktop window is not built yet: use the apexkeys CLI against the sandbox, in another terminal:

  npx apexkeys account list
  npx apexkeys key generate --account sandbox --label production-api --env production
  npx apexkeys key list
  npx apexkeys key verify production-api
  npx apexkeys key env production-api --file ./.env
  npx apexkeys run --key production-api -- sh -c 'echo "key is set: \${APEXVERIFY_API_KEY:+yes}"'
  npx apexkeys key revoke production-api --confirm production-api
  npx apexkeys audit

The sandbox listens on ${url} (loopback only) until you press Ctrl+C.
`);
});

/** Stores the bootstrap key as the "sandbox" account, in the keychain; never prints it. */
function addAccount(url, key) {
  const r = spawnSync(
    process.execPath,
    [bin, 'account', 'add', '--name', 'sandbox', '--base-url', url],
    {
      input: key,
      encoding: 'utf8',
    },
  );
  if (r.status === 0)
    return `Added the sandbox as account "sandbox" (${r.stdout.trim()} mode); its key is in the OS keychain.\n`;
  const why = (r.stderr || '').trim().split('\n')[0] ?? '';
  // The key is shown once, like the dashboard does: without a keychain the user needs it to add the account later.
  return `Could not add the sandbox account automatically: ${why.replace(/^apexkeys: /, '')}
Bootstrap key (shown once): ${key}
Once a keychain is available, add the account with:
  printf '%s' '<bootstrap key>' | npx apexkeys account add --name sandbox --base-url ${url}
On a machine without a desktop session, "bash scripts/with-keyring.sh bash" opens a shell with a throwaway keyring.
`;
}

const stop = () => child.kill('SIGINT');
process.on('SIGINT', stop).on('SIGTERM', stop);
child.on('exit', (code) => process.exit(code ?? 0));
