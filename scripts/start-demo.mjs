// Starts the sandbox through the CLI and prints the commands to try against it.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const stateDir = join(repo, '.tmp');
mkdirSync(stateDir, { recursive: true });
const child = spawn(
  process.execPath,
  [
    join(repo, 'bin/apexkeys.mjs'),
    'sandbox',
    // A fixed port, so an account added against it still works after a restart.
    '--port',
    process.env.APEXKEYS_SANDBOX_PORT ?? '4780',
    '--state',
    join(stateDir, 'sandbox-state.json'),
  ],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
let buffered = '';
child.stdout.setEncoding('utf8').on('data', (chunk) => {
  process.stdout.write(chunk);
  buffered += chunk;
  const url = /Sandbox: (\S+)/.exec(buffered)?.[1];
  if (!url || buffered.includes('__guide_printed__')) return;
  buffered += '__guide_printed__';
  const fresh = /Bootstrap key \(shown once\)/.test(buffered);
  process.stdout.write(`
The desktop window is not built yet: this is the sandbox account and the apexkeys CLI.
In another terminal (the account key is read from stdin, never from arguments):

  ${fresh ? 'npx apexkeys account add --name sandbox --base-url ' + url + '   # paste the bootstrap key above' : '# the sandbox state is kept in .tmp/sandbox-state.json; its bootstrap key was shown on first start\n  # (delete that file to start a fresh sandbox account)'}
  npx apexkeys key generate --account sandbox --label production-api --env production
  npx apexkeys key list
  npx apexkeys key verify production-api
  npx apexkeys key env production-api --file ./.env
  npx apexkeys run --key production-api -- sh -c 'echo "key is set: \${APEXVERIFY_API_KEY:+yes}"'
  npx apexkeys key revoke production-api --confirm production-api
  npx apexkeys audit

The sandbox listens on 127.0.0.1 only and uses port ${new URL(url).port} until you press Ctrl+C.
`);
});
const stop = () => child.kill('SIGINT');
process.on('SIGINT', stop).on('SIGTERM', stop);
child.on('exit', (code) => process.exit(code ?? 0));
