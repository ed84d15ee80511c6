// An ApexVerify-compatible server on 127.0.0.1 for tests, benchmarks and the demo.
// One account per sandbox; see apexverify-api.md in the shared design folder for the behaviour it mirrors.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { labelProblem } from '../../shared/input-rules.ts';
import { handleAdmin } from './admin.ts';
import { handleApi } from './api.ts';
import { setRateHeaders, type SandboxContext, type SandboxStats } from './context.ts';
import { applyFault } from './fault-response.ts';
import { FaultList, type FaultSpec } from './faults.ts';
import { KeyRing } from './keys.ts';
import { TokenBucket } from './rate-limit.ts';
import { readBody, sendError } from './respond.ts';
import { loadState, saveState, type SandboxStateFile } from './state.ts';
import { Sleeper } from './sleeper.ts';

export type { FaultSpec } from './faults.ts';
export type { AtomicWriter, SandboxStateFile } from './state.ts';

export interface SandboxOptions {
  /** 0 or undefined = random free port. */
  port?: number;
  /** Rate limit per minute for the account, default 180. */
  rpm?: number;
  /** Default true; false = dashboard mode: /v1/api-keys* answer 404. */
  keyApi?: boolean;
  /**
   * The JSON file the state is loaded from and saved to (mode 0600) after each change, with the
   * atomic writer to save it (the app's `writeFileAtomic`: the sandbox imports nothing from the app).
   */
  state?: SandboxStateFile;
  /** Default 1000.0 / 500.0. */
  credits?: { email: number; phone: number };
  /** ms clock, default Date.now. */
  now?: () => number;
}

export interface Sandbox {
  readonly url: string;
  readonly port: number;
  /** Required in X-Sandbox-Admin for /__sandbox/* endpoints. */
  readonly adminToken: string;
  /** The account's first key when the state is new; null when loaded from the state file (shown once). */
  readonly bootstrapKey: string | null;
  addFault(f: FaultSpec): void;
  clearFaults(): void;
  /** Create or revoke a key as the dashboard would (works in both modes). */
  issueKey(label: string): { id: string; key: string };
  revokeKey(id: string): boolean;
  setEnabled(id: string, enabled: boolean): boolean;
  /** A copy of the counters, for benchmarks and tests. */
  readonly stats: SandboxStats;
  close(): Promise<void>;
}

const DEFAULT_CREDITS = { email: 1000.0, phone: 500.0 };
const isAdminPath = (path: string): boolean =>
  path === '/__sandbox' || path.startsWith('/__sandbox/');

export async function startSandboxServer(opts: SandboxOptions = {}): Promise<Sandbox> {
  const now = opts.now ?? Date.now;
  const credits = opts.credits ?? DEFAULT_CREDITS;
  if (!Number.isFinite(credits.email) || !Number.isFinite(credits.phone))
    throw new RangeError('credits must be finite numbers');
  // Built before the state is touched, so a bad rpm fails without writing anything.
  const bucket = new TokenBucket(opts.rpm ?? 180, now);
  const state = opts.state;
  const loaded = state ? loadState(state.file) : null;
  const keys = new KeyRing(loaded ?? [], now, (ring) => {
    if (state) saveState(state, ring.snapshot());
  });
  const bootstrapKey = loaded ? null : keys.create('default').secret;

  const stats: SandboxStats = { requests: 0, rateLimited: 0, faulted: 0, byPath: {} };
  const ctx: SandboxContext = {
    keys,
    bucket,
    faults: new FaultList(),
    stats,
    credits: { ...credits },
    keyApi: opts.keyApi ?? true,
    adminToken: randomBytes(24).toString('hex'),
  };
  const sleeper = new Sleeper();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Not `new URL`: a request target like "//x" would be read as a host.
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const method = req.method ?? 'GET';
    if (isAdminPath(path)) {
      setRateHeaders(res, ctx.bucket.snapshot());
      const body = await readBody(req);
      if (body === null) return sendError(res, 413);
      return handleAdmin(ctx, req, res, path, body);
    }
    stats.requests++;
    stats.byPath[path] = (stats.byPath[path] ?? 0) + 1;
    const fault = ctx.faults.take(method, path);
    if (fault?.latencyMs) await sleeper.sleep(fault.latencyMs);
    if (sleeper.stopped) return void req.socket.destroy();
    setRateHeaders(res, ctx.bucket.snapshot());
    if (fault && applyFault(req, res, fault, ctx.bucket.limit)) {
      stats.faulted++;
      return;
    }
    const body = await readBody(req);
    if (body === null) return sendError(res, 413);
    handleApi(ctx, req, res, path, body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // Details stay out of the answer: they might carry a secret.
      if (!res.headersSent) sendError(res, 500);
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    adminToken: ctx.adminToken,
    bootstrapKey,
    addFault: (f) => ctx.faults.add(f),
    clearFaults: () => ctx.faults.clear(),
    issueKey(label) {
      const problem = labelProblem(label);
      if (problem) throw new RangeError(problem);
      const { record, secret } = keys.create(label);
      return { id: record.id, key: secret };
    },
    revokeKey: (id) => keys.revoke(id),
    setEnabled: (id, enabled) => keys.update(id, { enabled }) !== null,
    get stats() {
      return { ...stats, byPath: { ...stats.byPath } };
    },
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        sleeper.stop();
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive sockets would otherwise hold close() open until they time out.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
