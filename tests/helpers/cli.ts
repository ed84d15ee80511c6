// Drives the CLI as a user would: real keyring, real HTTP, and either the built CLI as a child
// process or the same invocation run inside the test's process (cli-in-process.ts), which costs
// a small part of a process start. Every run's output is logged under the suite root so the final scan can look for secrets;
// runs that are expected to print a secret (key get, run) are logged under a name the scan skips.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { inject, vi } from 'vitest';
import { runInProcess } from './cli-in-process.ts';
import { REPO_ROOT } from './repo-root.ts';
import { makeTempDir } from './tmp.ts';

/**
 * The built CLI (out/cli, built once per run by cli-global-setup.ts), as an installed apexkeys
 * runs it; for tests that spawn it their own way.
 */
export const CLI_BIN = join(REPO_ROOT, 'out/cli/main.js');

// Timeouts scale with how long the built CLI takes to start on this machine right now (measured
// in the global setup), with generous floors: a busy machine makes every process slower, and a
// fixed 60 s failed there. A command gets 200 starts, a test 1000 (a test runs many commands).
const startMs = inject('cliStartMs') ?? 300;
/** How long one CLI command may run before the helper kills it. */
export const CLI_COMMAND_BUDGET_MS = Math.max(60_000, Math.round(200 * startMs));
/** The timeout of a test (and hook) in a file that runs the CLI. */
export const CLI_TEST_BUDGET_MS = Math.max(120_000, Math.round(1000 * startMs));
vi.setConfig({ testTimeout: CLI_TEST_BUDGET_MS, hookTimeout: CLI_TEST_BUDGET_MS });

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliEnv {
  dataDir: string;
  service: string;
}

/** A fresh data dir and keychain service name, so tests never share state. */
export function newCliEnv(prefix = 'cli'): CliEnv {
  return { dataDir: makeTempDir(prefix), service: `apexkeys-test-${randomUUID()}` };
}

/** The details of the CLI's audit events with this action, oldest first. */
export function auditDetails(env: CliEnv, action: string): unknown[] {
  return readFileSync(join(env.dataDir, 'audit.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { action: string; detail?: unknown })
    .filter((e) => e.action === action)
    .map((e) => e.detail);
}

export interface RunCliOptions {
  input?: string;
  extraEnv?: Record<string, string | undefined>;
  allowSecret?: boolean;
  /** A spawned run is killed after this long. */
  timeoutMs?: number;
  /** Run the built CLI as a child process even where the in-process run would do. */
  spawn?: boolean;
}

// Set by a suite that is about the built CLI as a whole (the test files each load this module
// afresh, so it holds for the one file).
let everyRunSpawned = false;

/** Every runCli in this test file runs the built CLI as a child process. */
export function spawnEveryCliRun(): void {
  everyRunSpawned = true;
}

/** The global options that take a value (program.ts): what follows one is not the command. */
const GLOBAL_VALUE_OPTIONS = new Set(['--data-dir', '--keychain-service']);

function commandOf(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (GLOBAL_VALUE_OPTIONS.has(a)) i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/**
 * Whether an invocation needs a process of its own: `run` hands its command the terminal (stdio
 * inherited) and `sandbox` serves until a signal; a variable other than APEXKEYS_* (D-Bus, HOME)
 * changes what the keychain library or the OS sees, which only a new process can; and
 * APEXKEYS_TEST_CLI=spawn runs every invocation as the built CLI (the suite as it was, slower).
 */
function needsProcess(args: string[], opts: RunCliOptions): boolean {
  if (opts.spawn || everyRunSpawned || process.env.APEXKEYS_TEST_CLI === 'spawn') return true;
  const command = commandOf(args);
  if (command === 'run' || command === 'sandbox') return true;
  return Object.keys(opts.extraEnv ?? {}).some((k) => !k.startsWith('APEXKEYS_'));
}

export async function runCli(
  env: CliEnv,
  args: string[],
  opts: RunCliOptions = {},
): Promise<CliResult> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    APEXKEYS_DATA_DIR: env.dataDir,
    APEXKEYS_KEYCHAIN_SERVICE: env.service,
    ...opts.extraEnv,
  };
  for (const [k, v] of Object.entries(opts.extraEnv ?? {})) if (v === undefined) delete childEnv[k];
  const result = needsProcess(args, opts)
    ? await spawnCli(args, childEnv, opts)
    : await runInProcess(args, childEnv, opts.input ?? '');
  logRun(args, result, opts.allowSecret === true);
  return result;
}

function spawnCli(
  args: string[],
  childEnv: NodeJS.ProcessEnv,
  opts: RunCliOptions,
): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI_BIN, ...args], {
      env: childEnv,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? CLI_COMMAND_BUDGET_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
    child.stdin.end(opts.input ?? '');
  });
}

function logRun(args: string[], r: CliResult, allowSecret: boolean): void {
  const root = process.env.APEXKEYS_TEST_ROOT;
  if (!root) return;
  const dir = join(root, 'cli-output');
  mkdirSync(dir, { recursive: true });
  const name = `${Date.now()}-${randomUUID()}${allowSecret ? '.secret-expected' : ''}.log`;
  writeFileSync(
    join(dir, name),
    `$ apexkeys ${args.join(' ')}\nexit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}\n`,
  );
}

/** Adds an account through the CLI (its key on stdin) and returns the mode it printed. */
export async function addAccountCli(
  env: CliEnv,
  name: string,
  baseUrl: string,
  key: string,
): Promise<string> {
  const r = await runCli(env, ['account', 'add', '--name', name, '--base-url', baseUrl], {
    input: key,
  });
  if (r.code !== 0) throw new Error(`account add failed (${r.code}): ${r.stderr}`);
  return r.stdout.trim();
}

/** A secret of the sandbox's shape, made at run time (never a literal in the repo). */
export function fakeSecret(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = 'avk_';
  for (let i = 0; i < 40; i++) s += alphabet[Math.floor(Math.random() * alphabet.length)];
  return s;
}

export const SECRET_PATTERN = /avk_[A-Za-z0-9]{40}/g;
