// `apexkeys sandbox` as a user starts it: prints its URL and a bootstrap key once, honours
// --rpm and --no-key-api, and keeps its state (without secrets) in --state across restarts.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_BIN, newCliEnv, runCli } from '../../helpers/cli.ts';
import { hasTestKeyring } from '../../helpers/keyring.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

const running: ChildProcessWithoutNullStreams[] = [];

/** Starts the sandbox command and waits for the lines it prints at start. */
function startSandboxCli(args: string[]): Promise<{
  url: string;
  key: string | null;
  output: string;
  child: ChildProcessWithoutNullStreams;
}> {
  const child = spawn(process.execPath, [CLI_BIN, 'sandbox', '--port', '0', ...args]);
  running.push(child);
  return new Promise((res, rej) => {
    let output = '';
    const timer = setTimeout(() => rej(new Error(`sandbox did not start: ${output}`)), 20_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      output += d;
      if (!/Admin token/.test(output)) return;
      clearTimeout(timer);
      res({
        url: /Sandbox: (\S+)/.exec(output)?.[1] as string,
        key: /Bootstrap key \(shown once\): (\S+)/.exec(output)?.[1] ?? null,
        output,
        child,
      });
    });
    child.on('exit', (code) => rej(new Error(`sandbox exited with ${code}: ${output}`)));
  });
}

const stop = (child: ChildProcessWithoutNullStreams) =>
  new Promise<number | null>((res) => {
    child.once('exit', (code) => res(code));
    child.kill('SIGINT');
  });

afterEach(() => {
  for (const c of running.splice(0)) c.kill('SIGKILL');
});

describe.skipIf(!hasTestKeyring)('apexkeys sandbox', () => {
  it('serves API mode on 127.0.0.1 with the given rate limit and exits cleanly on Ctrl+C', async () => {
    const sb = await startSandboxCli(['--rpm', '60']);
    expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sb.key).toMatch(/^avk_[A-Za-z0-9]{40}$/);
    const res = await fetch(`${sb.url}/v1/account/credits`, {
      headers: { 'X-Api-Key': sb.key as string },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-ratelimit-limit')).toBe('60');
    const env = newCliEnv('cli-sb');
    const add = await runCli(env, ['account', 'add', '--name', 'sb', '--base-url', sb.url], {
      input: sb.key as string,
    });
    expect(add.stdout.trim()).toBe('api');
    expect(await stop(sb.child)).toBe(0);
  });

  it('--no-key-api serves dashboard mode; --state keeps keys across restarts and shows the key once', async () => {
    const state = join(makeTempDir('sb-state'), 'state.json');
    const first = await startSandboxCli(['--no-key-api', '--state', state]);
    const key = first.key as string;
    const env = newCliEnv('cli-sb-dash');
    const add = await runCli(env, ['account', 'add', '--name', 'dash', '--base-url', first.url], {
      input: key,
    });
    expect(add.stdout.trim()).toBe('dashboard');
    await stop(first.child);
    expect(readFileSync(state, 'utf8')).not.toContain(key);

    const second = await startSandboxCli(['--no-key-api', '--state', state]);
    expect(second.key).toBeNull();
    expect(second.output).toMatch(/not shown again/);
    const res = await fetch(`${second.url}/v1/account/credits`, { headers: { 'X-Api-Key': key } });
    expect(res.status).toBe(200);
    await stop(second.child);
  });

  it('says so in one line when the port is taken', async () => {
    const sb = await startSandboxCli([]);
    const port = new URL(sb.url).port;
    const r = await runCli(newCliEnv('cli-sb-busy'), ['sandbox', '--port', port]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      `apexkeys: Port ${port} on 127.0.0.1 is already in use; choose another with --port.`,
    );
    await stop(sb.child);
  });

  it('refuses a bad port with exit code 2', async () => {
    const r = await runCli(newCliEnv('cli-sb-bad'), ['sandbox', '--port', '70000']);
    expect(r.code).toBe(2);
  });
});
