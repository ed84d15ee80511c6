// Handing a key out: reveal (get), write to a .env file, run a command with it. In dashboard
// mode the server cannot tell when a key was used, so handing it out counts as its last use.
import { spawn } from 'node:child_process';
import { AppError } from '../../shared/errors.ts';
import type { AuditEvent } from '../../shared/schemas.ts';
import type { CoreDeps } from './deps.ts';
import { DEFAULT_ENV_VAR, envVarProblem, writeEnvFile, type EnvWriteResult } from './env-file.ts';
import { mutateKey, resolveKey, type KeyRef } from './key-records.ts';

async function handOut(
  deps: CoreDeps,
  ref: KeyRef,
  action: AuditEvent['action'],
  detail: NonNullable<AuditEvent['detail']>,
): Promise<{ secret: string; keyId: string }> {
  const data = await deps.store.read();
  const { key, account } = resolveKey(data, ref);
  if (key.status === 'pending')
    throw new AppError(
      'BAD_INPUT',
      `"${key.label}" is pending: its rotation has not made it live yet.`,
    );
  const secret = await deps.vault.get(key.id);
  if (account.mode === 'dashboard') {
    const at = deps.clock.now().toISOString();
    await deps.store.update((d) => mutateKey(d, key.id, (k) => void (k.lastUsedAt = at)));
  }
  await deps.audit.append({
    action,
    keyId: key.id,
    accountId: account.id,
    label: key.label,
    fingerprint: key.fingerprint,
    outcome: 'ok',
    detail,
  });
  return { secret, keyId: key.id };
}

/** The secret itself: only for an explicit reveal (the CLI's `key get`, the window's Reveal). */
export async function revealKey(deps: CoreDeps, ref: KeyRef, via: string): Promise<string> {
  return (await handOut(deps, ref, 'revealed', { via })).secret;
}

export async function writeKeyToEnv(
  deps: CoreDeps,
  ref: KeyRef,
  file: string,
  varName = DEFAULT_ENV_VAR,
): Promise<EnvWriteResult> {
  const problem = envVarProblem(varName);
  if (problem) throw new AppError('BAD_INPUT', problem);
  const { secret } = await handOut(deps, ref, 'exported', { file, variable: varName });
  return writeEnvFile(file, varName, secret);
}

/**
 * Runs `command` with the key in its environment, stdio inherited; resolves with its exit code
 * (128 + signal number when it was killed by a signal).
 */
export async function runWithKey(
  deps: CoreDeps,
  ref: KeyRef,
  command: string,
  args: string[],
  varName = DEFAULT_ENV_VAR,
): Promise<number> {
  const problem = envVarProblem(varName);
  if (problem) throw new AppError('BAD_INPUT', problem);
  const { secret } = await handOut(deps, ref, 'ran', { command, variable: varName });
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: 'inherit',
      env: { ...process.env, [varName]: secret },
    });
    const forward = (sig: NodeJS.Signals) => () => child.kill(sig);
    const onInt = forward('SIGINT');
    const onTerm = forward('SIGTERM');
    process.on('SIGINT', onInt).on('SIGTERM', onTerm);
    const done = () => process.off('SIGINT', onInt).off('SIGTERM', onTerm);
    child.on('error', (e) => {
      done();
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
    child.on('exit', (code, signal) => {
      done();
      resolve(code ?? 128 + (signal ? (osSignals[signal] ?? 0) : 0));
    });
  });
}

const osSignals: Partial<Record<NodeJS.Signals, number>> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGKILL: 9,
  SIGTERM: 15,
};
