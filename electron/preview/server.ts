// The preview host: the built renderer and the contract's handlers over loopback HTTP, behind a
// random token, so the whole app runs in a browser where no Electron binary exists. Dev/test only.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, sep } from 'node:path';
import { APP_CSP, PREVIEW_CSP } from '../../shared/csp.ts';
import { LOOPBACK_NAMES } from '../../shared/loopback.ts';
import { responseHeaders } from '../../shared/security-headers.ts';
import { dispatch } from '../core/window-api/dispatch.ts';
import { contentTypeOf } from '../core/content-types.ts';
import type { Handlers } from '../core/window-api/handlers.ts';

export interface PreviewOptions {
  rendererDir: string;
  handlers: Handlers;
  port?: number;
  token?: string;
  /** How long a request body may go without sending a byte before it is dropped (408). */
  bodyIdleMs?: number;
}

export interface PreviewServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;
const BODY_IDLE_MS = 10_000;

class HttpRefusal extends Error {
  constructor(readonly status: 400 | 408 | 413) {
    super(String(status));
  }
}

/** application/json exactly (any case), with parameters such as charset: not a prefix match. */
export function isJsonType(header: string | undefined): boolean {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}
// The server listens on 127.0.0.1 only: a Host of [::1] (another address) or of another 127.x
// address cannot name it, so only the loopback names of that one address are accepted.
const BOUND_HOST_NAMES = LOOPBACK_NAMES.filter((h) => h !== '[::1]');

const sameToken = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Host must name this loopback port; Origin, when sent, must be this loopback origin. */
export function loopbackOnly(req: IncomingMessage, port: number): boolean {
  const allowed = BOUND_HOST_NAMES.map((h) => `${h}:${port}`);
  if (!allowed.includes(req.headers.host ?? '')) return false;
  const origin = req.headers.origin;
  return origin === undefined || allowed.some((a) => origin === `http://${a}`);
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, responseHeaders(type, PREVIEW_CSP));
  res.end(body);
}

/**
 * The body as JSON. A declared length over the limit is refused before a byte is read (413), as
 * is a body that grows past it; a body that stops arriving is dropped after `idleMs` (408), so a
 * client declaring 10 GB and sending 2 bytes cannot hold the connection.
 */
function readJson(req: IncomingMessage, idleMs: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY) return Promise.reject(new HttpRefusal(413));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let timer: NodeJS.Timeout;
    const fail = (e: HttpRefusal) => {
      clearTimeout(timer);
      req.removeAllListeners('data');
      reject(e);
    };
    const idle = () => {
      clearTimeout(timer);
      timer = setTimeout(() => fail(new HttpRefusal(408)), idleMs);
    };
    idle();
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) return fail(new HttpRefusal(413));
      chunks.push(chunk);
      idle();
    });
    req.once('error', () => fail(new HttpRefusal(400)));
    req.once('end', () => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch {
        reject(new HttpRefusal(400));
      }
    });
  });
}

const REFUSAL_TEXT = { 400: 'Bad request', 408: 'Request timeout', 413: 'Payload too large' };

export async function startPreview(opts: PreviewOptions): Promise<PreviewServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const root = await realpath(opts.rendererDir);
  let port = 0;

  async function serveFile(res: ServerResponse, rel: string): Promise<void> {
    const file = join(root, rel === '' ? 'index.html' : rel);
    let real: string;
    try {
      real = await realpath(file);
    } catch {
      return send(res, 404, 'Not found', 'text/plain');
    }
    // Only files under the built renderer, whatever the path says.
    if (!real.startsWith(root + sep)) return send(res, 404, 'Not found', 'text/plain');
    // A folder is not a page (reading it would fail with EISDIR).
    if (!(await stat(real)).isFile()) return send(res, 404, 'Not found', 'text/plain');
    let body = await readFile(real);
    if (real.endsWith('index.html'))
      body = Buffer.from(body.toString('utf8').replace(APP_CSP, PREVIEW_CSP));
    send(res, 200, body, contentTypeOf(real));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!loopbackOnly(req, port)) return send(res, 403, 'Forbidden', 'text/plain');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, first = '', ...rest] = url.pathname.split('/');
    if (!sameToken(first, token)) return send(res, 403, 'Forbidden', 'text/plain');
    let rel: string;
    try {
      rel = rest.map(decodeURIComponent).join('/');
    } catch {
      // A malformed escape ("%", "%E0%A4%A") names no file.
      return send(res, 404, 'Not found', 'text/plain');
    }
    if (rel.startsWith('api/')) {
      // JSON only: a cross-site form cannot send it without a preflight this server never grants.
      if (req.method !== 'POST') return send(res, 405, 'Method not allowed', 'text/plain');
      if (!isJsonType(req.headers['content-type']))
        return send(res, 415, 'Unsupported media type: send application/json', 'text/plain');
      let input: unknown;
      try {
        input = await readJson(req, opts.bodyIdleMs ?? BODY_IDLE_MS);
      } catch (e) {
        const status = e instanceof HttpRefusal ? e.status : 400;
        // The rest of the body is not read: the connection closes instead of waiting for it.
        res.setHeader('Connection', 'close');
        res.once('finish', () => req.destroy());
        return send(res, status, REFUSAL_TEXT[status], 'text/plain');
      }
      const result = await dispatch(opts.handlers, rel.slice(4), input);
      return send(res, 200, JSON.stringify(result), 'application/json');
    }
    if (req.method !== 'GET') return send(res, 405, 'Method not allowed', 'text/plain');
    return serveFile(res, rel);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error', 'text/plain');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/${token}/`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
