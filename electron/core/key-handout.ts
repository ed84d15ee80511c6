// Handing a key out: reveal (get), write to a .env file, run a command with it. In dashboard
// mode the server cannot tell when a key was used, so handing it out counts as its last use.
import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { AppError } from '../../shared/errors.ts';
import { pathProblem } from '../../shared/input-rules.ts';
import type { AuditEvent } from '../../shared/schemas.ts';
import type { CoreDeps } from './deps.ts';
import type { EnvWriteResult } from '../../shared/views.ts';
import { DEFAULT_ENV_VAR, envVarProblem, writeEnvFile, type EnvWriteOptions } from './env-file.ts';
import { protectedDirsOf } from './env-target.ts';
import { mutateKey, resolveKey, type KeyRef } from './key-records.ts';
import { recordEvent } from './audit.ts';
import { addLocations } from './locations/record.ts';
import { refuseRemoteOnly } from './remote-only.ts';

export interface HandOutOptions {
  /** The rotation hands out its pending new key for deployment; nothing else may. */
  allowPending?: boolean;
}

/**
 * Takes the secret, lets `use` hand it out, and only when that worked records the hand-out (the
 * audit event, and in dashboard mode the last use); a failed hand-out is audited as failed.
 */
export async function handOut<T>(
  deps: CoreDeps,
  ref: KeyRef,
  action: AuditEvent['action'],
  detail: NonNullable<AuditEvent['detail']>,
  use: (secret: string) => Promise<T>,
  opts: HandOutOptions = {},
): Promise<T> {
  const data = await deps.store.read();
  const { key, account } = resolveKey(data, ref);
  refuseRemoteOnly(key);
  if (key.status === 'pending' && !opts.allowPending)
    throw new AppError(
      'REFUSED',
      `"${key.label}" is pending: its rotation has not made it live yet.`,
    );
  const secret = await deps.vault.get(key.id);
  const event = {
    action,
    keyId: key.id,
    accountId: account.id,
    label: key.label,
    fingerprint: key.fingerprint,
  };
  let result: T;
  try {
    result = await use(secret);
  } catch (e) {
    await recordEvent(deps, {
      ...event,
      outcome: 'failed',
      detail: { ...detail, error: e instanceof AppError ? e.code : 'INTERNAL' },
    });
    throw e;
  }
  if (account.mode === 'dashboard') {
    const at = deps.clock.now().toISOString();
    await deps.store.update((d) => mutateKey(d, key.id, (k) => void (k.lastUsedAt = at)));
  }
  await recordEvent(deps, { ...event, outcome: 'ok', detail });
  return result;
}

/** The secret itself: only for an explicit reveal (the CLI's `key get`, the window's Reveal). */
export async function revealKey(
  deps: CoreDeps,
  ref: KeyRef,
  via: string,
  opts: HandOutOptions = {},
): Promise<string> {
  return handOut(deps, ref, 'revealed', { via }, async (secret) => secret, opts);
}

/** Writes the key into `file`; `makePrivate` writes it with mode 0600 whatever its mode was. */
export async function writeKeyToEnv(
  deps: CoreDeps,
  ref: KeyRef,
  file: string,
  varName = DEFAULT_ENV_VAR,
  opts: EnvWriteOptions = {},
): Promise<EnvWriteResult> {
  const problem = envVarProblem(varName) ?? pathProblem(file);
  if (problem) throw new AppError('BAD_INPUT', problem);
  const detail = { file, variable: varName, ...(opts.makePrivate ? { madePrivate: true } : {}) };
  const result = await handOut(deps, ref, 'exported', detail, (secret) =>
    writeEnvFile(file, varName, secret, protectedDirsOf(deps), opts),
  );
  // The file now holds the key: remembered, so a rotation knows to replace it (issue 12).
  const { key } = resolveKey(await deps.store.read(), ref);
  await addLocations(deps, key.id, [{ path: result.path, variable: varName, via: 'env' }]);
  return result;
}

// Variables that decide which program runs and what it loads: replacing one with the key breaks
// the command (PATH: "Command not found") or makes the loader or shell read the key as a path or
// as code. Matched case-sensitively, as the loader does.
const COMMAND_VARS = new Set(['PATH', 'IFS', 'ENV', 'BASH_ENV', 'NODE_OPTIONS']);
const COMMAND_VAR_PREFIXES = ['LD_', 'DYLD_'];

/** Why `name` cannot carry the key for `run`, or null. */
export function commandVarProblem(name: string): string | null {
  if (!COMMAND_VARS.has(name) && !COMMAND_VAR_PREFIXES.some((p) => name.startsWith(p))) return null;
  return `${name} cannot hold the key: the command needs it to start (it decides what runs or what is loaded). Choose another variable name.`;
}

/**
 * Runs `command` with the key in its environment, stdio inherited; resolves with its exit code
 * (128 + signal number when it was killed by a signal, as a shell reports it). The hand-out is recorded once the
 * command has started.
 */
export async function runWithKey(
  deps: CoreDeps,
  ref: KeyRef,
  command: string,
  args: string[],
  varName = DEFAULT_ENV_VAR,
  opts: HandOutOptions = {},
): Promise<number> {
  const problem = envVarProblem(varName) ?? commandVarProblem(varName);
  if (problem) throw new AppError('BAD_INPUT', problem);
  // The exit is watched from the spawn on: a quick command may end before the hand-out is recorded.
  const { child, exited } = await handOut(
    deps,
    ref,
    'ran',
    { command, variable: varName },
    (secret) => start(command, args, { ...process.env, [varName]: secret }),
    opts,
  );
  const forward = (sig: NodeJS.Signals) => () => child.kill(sig);
  const onInt = forward('SIGINT');
  const onTerm = forward('SIGTERM');
  process.on('SIGINT', onInt).on('SIGTERM', onTerm);
  try {
    return await exited;
  } finally {
    process.off('SIGINT', onInt).off('SIGTERM', onTerm);
  }
}

function start(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; exited: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    const exited = new Promise<number>((done) =>
      child.once('exit', (code, signal) =>
        done(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0)),
      ),
    );
    child.once('spawn', () => resolve({ child, exited }));
    child.once('error', (e) => {
      const code = (e as NodeJS.ErrnoException).code;
      reject(
        new AppError(
          'COMMAND_FAILED',
          code === 'ENOENT'
            ? `Command not found: ${command}`
            : `Could not start ${command} (${code ?? 'error'}).`,
        ),
      );
    });
  });
}
