// Teammates' installations (a data dir and keychain service each) driven through the CLI against
// one sandbox, as the hand-off and held-key rotation tests use them.
import { expect } from 'vitest';
import type { Sandbox } from '../../electron/sandbox/server.ts';
import { SECRET_PATTERN, addAccountCli, runCli, type CliEnv, type CliResult } from './cli.ts';

/**
 * CLI runs that fail the test when their output holds a secret: one of the sandbox's shape, or
 * one of `secrets`, which the test adds to as it learns them. K: how the test reads a listed key.
 */
export function secretFreeCli<K = unknown>(secrets: readonly string[] = []) {
  const run = async (env: CliEnv, args: string[]): Promise<CliResult> => {
    const r = await runCli(env, args);
    const out = r.stdout + r.stderr;
    expect(out).not.toMatch(SECRET_PATTERN);
    for (const s of secrets) expect(out).not.toContain(s);
    return r;
  };
  /** A run that must succeed. */
  const ok = async (env: CliEnv, args: string[]): Promise<CliResult> => {
    const r = await run(env, args);
    expect(r.code, r.stderr).toBe(0);
    return r;
  };
  /** Every key the installation lists, revoked ones too. */
  const keys = async (env: CliEnv): Promise<K[]> =>
    JSON.parse((await ok(env, ['key', 'list', '--all', '--json'])).stdout) as K[];
  return { run, ok, keys };
}

/** Each installation adds the sandbox's one account, named as its teammate likes: API mode. */
export async function joinSandbox(
  sandbox: Sandbox,
  teammates: ReadonlyArray<readonly [env: CliEnv, accountName: string]>,
): Promise<void> {
  for (const [env, name] of teammates)
    expect(await addAccountCli(env, name, sandbox.url, `${sandbox.bootstrapKey}\n`)).toBe('api');
}

/** The installation's recipient (age1…), made on first use. */
export async function recipientOf(env: CliEnv): Promise<string> {
  const r = await runCli(env, ['identity', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { recipient: string }).recipient;
}
