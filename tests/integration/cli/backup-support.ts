// Shared by the backup, restore and inventory suites: a store's data read straight from its file
// (opening the store would write), the keychain's entries of one service as the app sees them,
// the secret checks, and Debian's age driven through a pseudo-terminal.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { STORE_FILE } from '../../../electron/core/store/index.ts';
import { createKeytarVault } from '../../../electron/core/vault.ts';
import type { StoreData } from '../../../shared/schemas.ts';
import { CLI_COMMAND_BUDGET_MS, SECRET_PATTERN, type CliResult } from '../../helpers/cli.ts';

export const PASSPHRASE = 'correct horse battery staple';

export const readStore = (dataDir: string): StoreData =>
  JSON.parse(readFileSync(join(dataDir, STORE_FILE), 'utf8')) as StoreData;

/** Every keychain entry of the service, id → secret (the canary excluded). */
export async function keychainEntries(service: string): Promise<Map<string, string>> {
  const vault = createKeytarVault({ service });
  const out = new Map<string, string>();
  for (const id of (await vault.listIds()).sort()) out.set(id, await vault.get(id));
  return out;
}

/** Neither the sandbox's key shape nor any of `secrets` appears in `text`. */
export function expectNoSecret(text: string, secrets: Iterable<string>): void {
  expect(text).not.toMatch(SECRET_PATTERN);
  for (const s of secrets) expect(text.includes(s), 'a secret in the clear').toBe(false);
}

export const expectQuiet = (r: CliResult, secrets: Iterable<string>): void =>
  expectNoSecret(`${r.stdout}\n${r.stderr}`, secrets);

// Debian's age reads a passphrase from the terminal (/dev/tty), never from stdin, so the tests
// give it one: util-linux `script` runs it on a pseudo-terminal whose input is script's stdin.
const hasTool = (tool: string, arg: string) =>
  spawnSync(tool, [arg], { stdio: 'ignore', timeout: 10_000 }).status === 0;
const AGE = '/usr/bin/age';
export const ageSkipReason = !hasTool(AGE, '--version')
  ? "skipped: Debian's age is not installed at /usr/bin/age (apt-get install age)"
  : !hasTool('script', '--version')
    ? 'skipped: util-linux "script" is missing, and age reads its passphrase from a terminal only'
    : null;

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Runs /usr/bin/age with `args` on a pseudo-terminal and types `passphrase` at each of its
 * passphrase prompts (one to decrypt, two to encrypt), as a person would: on the prompt, not on
 * a timer. Resolves with the exit code and what the terminal showed.
 */
export function ageWithPassphrase(
  args: string[],
  passphrase: string,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const command = [AGE, ...args].map(shellQuote).join(' ');
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    let answered = 0;
    const onData = (d: string) => {
      output += d;
      const prompts = output.match(/(Enter|Confirm) passphrase/g)?.length ?? 0;
      for (; answered < prompts; answered++) child.stdin.write(`${passphrase}\n`);
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), CLI_COMMAND_BUDGET_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, output });
    });
  });
}
