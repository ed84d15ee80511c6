// Small HTTP helpers: JSON answers with the standard reason phrases, and a capped body reader.
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';

export const MAX_BODY_BYTES = 64 * 1024;

export const reason = (status: number): string => STATUS_CODES[status] ?? 'Error';

export type Headers = Record<string, string>;

/** Sends a raw body as application/json (the API answers JSON, even when a fault breaks it). */
export function sendRaw(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Headers = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const buf = Buffer.from(body, 'utf8');
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json',
    'Content-Length': String(buf.length),
  });
  res.end(buf);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Headers = {},
): void {
  sendRaw(res, status, JSON.stringify(value), headers);
}

/** `{"message": <reason phrase>}` plus any extra fields (e.g. `detail`). */
export function sendError(
  res: ServerResponse,
  status: number,
  headers: Headers = {},
  extra: Record<string, string> = {},
): void {
  sendJson(res, status, { message: reason(status), ...extra }, headers);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Headers = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, headers);
  res.end();
}

/**
 * The request body as text, or null when it is over the cap. The rest of an oversized body is
 * still read (and dropped) so the client sees the 413 instead of a reset connection.
 */
export function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Parsed JSON, or undefined when the text is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
