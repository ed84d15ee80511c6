// Turns a fault into an answer (or a dropped connection).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { faultAnswers, MALFORMED_BODY, type FaultSpec } from './faults.ts';
import { reason, sendRaw, type Headers } from './respond.ts';

/** Answers per the fault; false when the fault only delays and normal handling goes on. */
export function applyFault(
  req: IncomingMessage,
  res: ServerResponse,
  fault: FaultSpec,
  limit: number,
): boolean {
  if (!faultAnswers(fault)) return false;
  if (fault.drop) {
    req.socket.destroy();
    return true;
  }
  const status = fault.status ?? 200;
  const headers: Headers = {};
  // A simulated 429 reports an empty bucket, as the real one does.
  if (status === 429)
    Object.assign(headers, {
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Used': String(limit),
    });
  if (typeof fault.retryAfter === 'number') headers['Retry-After'] = String(fault.retryAfter);
  const body = fault.malformed
    ? MALFORMED_BODY
    : (fault.body ?? JSON.stringify({ message: reason(status) }));
  sendRaw(res, status, body, headers);
  return true;
}
