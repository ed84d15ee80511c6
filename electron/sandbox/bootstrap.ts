// The built-in sandbox account: started on a fixed loopback port and added as account "sandbox"
// once, so every feature can be tried with no ApexVerify account.
import { join } from 'node:path';
import { addAccount } from '../core/accounts.ts';
import type { CoreDeps } from '../core/deps.ts';
import { toErrorInfo } from '../../shared/errors.ts';
import { startSandboxServer, type Sandbox } from './server.ts';

export const SANDBOX_ACCOUNT = 'sandbox';
export const DEFAULT_SANDBOX_PORT = 4780;

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
    ...(opts.stateFile ? { stateFile: opts.stateFile } : {}),
  });
  const { accounts } = await deps.store.read();
  if (accounts.some((a) => a.name === SANDBOX_ACCOUNT))
    return { sandbox, message: `Sandbox on ${sandbox.url} (account "${SANDBOX_ACCOUNT}").` };
  // A fresh key from the sandbox itself: it never has to be shown to anyone.
  const { key } = sandbox.issueKey('apexkeys-app-account');
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
 * environment (APEXKEYS_SANDBOX_PORT, APEXKEYS_SANDBOX_STATE), the state beside the store by
 * default so both use the same sandbox account. Never throws: without it the app still works.
 */
export async function startBuiltInSandbox(
  deps: CoreDeps,
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ sandbox: Sandbox | null; message: string }> {
  try {
    return await startSandboxAccount(deps, {
      ...(env.APEXKEYS_SANDBOX_PORT ? { port: Number(env.APEXKEYS_SANDBOX_PORT) } : {}),
      stateFile: env.APEXKEYS_SANDBOX_STATE || join(dataDir, 'sandbox-state.json'),
    });
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? 'unknown error';
    return {
      sandbox: null,
      message: `The built-in sandbox could not start (${why}); continuing without it.`,
    };
  }
}
