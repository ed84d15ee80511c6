// More ApexVerify sandboxes beside the app's own, for tests that add accounts through the window:
// each on its own loopback port, closed after the test.
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';

export async function startSandboxes(
  modes: ReadonlyArray<'api' | 'dashboard'>,
): Promise<{ servers: Sandbox[]; close(): Promise<void> }> {
  const servers = await Promise.all(
    modes.map((mode) => startSandboxServer({ port: 0, keyApi: mode === 'api', rpm: 6000 })),
  );
  return {
    servers,
    close: async () => {
      await Promise.all(servers.map((s) => s.close().catch(() => undefined)));
    },
  };
}
