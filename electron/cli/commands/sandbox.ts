// apexkeys sandbox: an ApexVerify-compatible server on 127.0.0.1 that serves until interrupted.
import { AppError } from '../../../shared/errors.ts';
import { writeFileAtomic } from '../../core/fs/atomic-write.ts';
import { startSandboxServer } from '../../sandbox/server.ts';
import type { CliSession } from '../session.ts';

export interface SandboxOpts {
  port: number;
  state?: string;
  rpm: number;
  keyApi: boolean;
}

export async function serveSandbox(session: CliSession, o: SandboxOpts): Promise<void> {
  const sandbox = await startSandboxServer({
    port: o.port,
    rpm: o.rpm,
    keyApi: o.keyApi,
    ...(o.state ? { state: { file: o.state, writeAtomic: writeFileAtomic } } : {}),
  }).catch((e: unknown) => {
    // The sandbox's own errors name only the port or the state file: safe to show.
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new AppError(
        'NETWORK',
        `Port ${o.port} on 127.0.0.1 is already in use; choose another with --port.`,
      );
    throw new AppError('STORE_IO', e instanceof Error ? e.message : 'The sandbox could not start.');
  });
  const out = process.stdout;
  out.write(`Sandbox: ${sandbox.url}\n`);
  out.write(
    `Mode: ${o.keyApi ? 'api (key-management endpoints on)' : 'dashboard (documented endpoints only)'}; rate limit ${o.rpm}/min\n`,
  );
  if (sandbox.bootstrapKey) {
    // Shown once, like the dashboard does; with --state it is not shown again.
    out.write(`Bootstrap key (shown once): ${sandbox.bootstrapKey}\n`);
  } else {
    out.write('Bootstrap key: already issued for this state file (not shown again).\n');
  }
  out.write(`Admin token (fault injection, tests): ${sandbox.adminToken}\n`);
  // Once the server is closed nothing holds the process: it ends by itself, its output delivered.
  const stop = () => void sandbox.close().then(() => (process.exitCode = 0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
