// The built-in sandbox account: an ApexVerify-compatible server on a loopback port, added as
// account "sandbox" once, so every feature can be tried with no ApexVerify account. It lives with
// the hosts, not in electron/sandbox/, because it uses the core: the sandbox itself stands in for
// the remote server and knows nothing of the app.
import { join } from 'node:path';
import { addAccount } from '../core/accounts.ts';
import type { CoreDeps } from '../core/deps.ts';
import { writeFileAtomic } from '../core/fs/atomic-write.ts';
import { toErrorInfo } from '../../shared/errors.ts';
import { startSandboxServer, type Sandbox } from '../sandbox/server.ts';
import { DEFAULT_SANDBOX_PORT, type HostConfig } from './config.ts';

export const SANDBOX_ACCOUNT = 'sandbox';

export interface SandboxBootstrap {
  sandbox: Sandbox;
  /** What happened to the account, in one sentence for the console. */
  message: string;
}

export async function startSandboxAccount(
  deps: CoreDeps,
  opts: { port?: number; stateFile?: string },
): Promise<SandboxBootstrap> {
  const sandbox = await startSandboxServer({
    port: opts.port ?? DEFAULT_SANDBOX_PORT,
    ...(opts.stateFile ? { state: { file: opts.stateFile, writeAtomic: writeFileAtomic } } : {}),
  });
  const { accounts } = await deps.store.read();
  if (accounts.some((a) => a.name === SANDBOX_ACCOUNT))
    return { sandbox, message: `Sandbox on ${sandbox.url} (account "${SANDBOX_ACCOUNT}").` };
  // The key a new sandbox starts with, or a fresh one from it: never shown to anyone. Not both:
  // a sandbox key the app does not hold would be synced in as a key made elsewhere ("Not on
  // this device"), a stray row in a first start's empty list.
  const key = sandbox.bootstrapKey ?? sandbox.issueKey('apexkeys-app-account').key;
  try {
    await addAccount(deps, { name: SANDBOX_ACCOUNT, baseUrl: sandbox.url, secret: key });
    return {
      sandbox,
      message: `Sandbox on ${sandbox.url}, added as account "${SANDBOX_ACCOUNT}".`,
    };
  } catch (e) {
    return {
      sandbox,
      message: `Sandbox on ${sandbox.url}; the account could not be added: ${toErrorInfo(e).message}`,
    };
  }
}

/**
 * The built-in sandbox as the app and the preview host start it: port and state file from the
 * host's configuration, the state beside the store by default so both use the same sandbox
 * account. Never throws: without it the app still works.
 */
export async function startBuiltInSandbox(
  deps: CoreDeps,
  dataDir: string,
  config: Pick<HostConfig['sandbox'], 'port' | 'stateFile'>,
): Promise<{ sandbox: Sandbox | null; message: string }> {
  try {
    return await startSandboxAccount(deps, {
      port: config.port,
      stateFile: config.stateFile ?? join(dataDir, 'sandbox-state.json'),
    });
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? 'unknown error';
    return {
      sandbox: null,
      message: `The built-in sandbox could not start (${why}); continuing without it.`,
    };
  }
}
