// The audit trail: append-only JSON lines, one per action, with the key's fingerprint and never
// its secret. One write() per event on an O_APPEND descriptor, so the app and the CLI can append
// at the same time without interleaving lines. The file is never opened through a symbolic link.
import { constants as fsConstants } from 'node:fs';
import { open, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { auditEventSchema, type AuditEvent } from '../../shared/schemas.ts';
import type { Clock } from './clock.ts';
import type { Store } from './store/types.ts';

export const AUDIT_FILE = 'audit.jsonl';

export type AuditInput = Omit<AuditEvent, 'at' | 'actor'>;

export interface AuditFilter {
  keyId?: string;
  keyIds?: string[];
}

export interface AuditTrail {
  events: AuditEvent[];
  /** Line numbers (1-based) that could not be read: torn by a crash, or edited by hand. */
  unreadableLines: number[];
}

export interface Audit {
  readonly path: string;
  append(event: AuditInput): Promise<void>;
  list(filter?: AuditFilter): Promise<AuditEvent[]>;
  /** The events and the lines that could not be read, so a front end can say so. */
  read(filter?: AuditFilter): Promise<AuditTrail>;
}

const NO_FOLLOW = fsConstants.O_NOFOLLOW ?? 0;

const failure = (e: unknown): string => {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return 'it is a symbolic link, which the app does not follow';
  if (code === 'EISDIR') return 'a folder is in its place';
  return code ?? 'I/O error';
};

/**
 * One write per event; a file that does not end in a newline (a crash tore its last line) gets
 * one first, in the same write, so the torn line cannot swallow this event.
 */
async function appendLine(path: string, line: string): Promise<void> {
  // 'a+' without following a link (a link would send the events to its target).
  const flags = fsConstants.O_APPEND | fsConstants.O_CREAT | fsConstants.O_RDWR | NO_FOLLOW;
  const fh = await open(path, flags, 0o600);
  try {
    const { size, mode } = await fh.stat();
    // A file made looser by hand since the store opened (which tightens it and says so).
    if ((mode & 0o077) !== 0) await fh.chmod(0o600);
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      await fh.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) prefix = '\n';
    }
    await fh.write(`${prefix}${line}\n`);
  } finally {
    await fh.close();
  }
}

export function createAudit(opts: {
  dir: string;
  actor: AuditEvent['actor'];
  clock: Clock;
}): Audit {
  const path = join(opts.dir, AUDIT_FILE);
  return {
    path,
    async append(input) {
      const event = auditEventSchema.parse({
        ...input,
        at: opts.clock.now().toISOString(),
        actor: opts.actor,
      });
      await mkdir(opts.dir, { recursive: true, mode: 0o700 });
      try {
        await appendLine(path, JSON.stringify(event));
      } catch (e) {
        throw new AppError(
          'STORE_IO',
          `Could not append to the audit trail at ${path} (${failure(e)}).`,
        );
      }
    },
    async list(filter = {}) {
      return (await this.read(filter)).events;
    },
    async read(filter = {}) {
      let text: string;
      try {
        const fh = await open(path, fsConstants.O_RDONLY | NO_FOLLOW);
        try {
          text = await fh.readFile('utf8');
        } finally {
          await fh.close();
        }
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT')
          return { events: [], unreadableLines: [] };
        throw new AppError(
          'STORE_IO',
          `Could not read the audit trail at ${path} (${failure(e)}).`,
        );
      }
      const wanted = filter.keyIds ?? (filter.keyId ? [filter.keyId] : null);
      const events: AuditEvent[] = [];
      const unreadableLines: number[] = [];
      text.split('\n').forEach((line, i) => {
        if (!line.trim()) return;
        // A torn or hand-edited line is reported, and skipped rather than hiding every other event.
        const r = auditEventSchema.safeParse(parseJson(line));
        if (!r.success) {
          unreadableLines.push(i + 1);
          return;
        }
        if (wanted && (r.data.keyId === null || !wanted.includes(r.data.keyId))) return;
        events.push(r.data);
      });
      return { events, unreadableLines };
    },
  };
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * How every core action records its event, after its change is made: the change stands (a key
 * created on the server or a record saved cannot be taken back by a failed log line), so an
 * append that fails does not turn it into a failure. It becomes a notice instead, which the CLI
 * prints on stderr and the window shows, so the command reports the truth: done, not audited.
 */
export async function recordEvent(
  deps: { audit: Audit; store: Pick<Store, 'notify'> },
  event: AuditInput,
): Promise<void> {
  try {
    await deps.audit.append(event);
  } catch (e) {
    const why = e instanceof AppError ? e.message : 'Could not append to the audit trail.';
    const what =
      event.outcome === 'ok'
        ? `The action was completed, but its "${event.action}" event`
        : `The failed "${event.action}" attempt`;
    deps.store.notify(
      `${what} could not be recorded in the audit trail: ${why} Fix the file so later actions are recorded.`,
    );
  }
}
