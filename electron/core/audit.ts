// The audit trail: append-only JSON lines, one per action, with the key's fingerprint and never
// its secret. One write() per event on an O_APPEND descriptor, so the app and the CLI can append
// at the same time without interleaving lines.
import { open, readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { auditEventSchema, type AuditEvent } from '../../shared/schemas.ts';
import type { Clock } from './clock.ts';

export const AUDIT_FILE = 'audit.jsonl';

export type AuditInput = Omit<AuditEvent, 'at' | 'actor'>;

export interface Audit {
  readonly path: string;
  append(event: AuditInput): Promise<void>;
  list(filter?: { keyId?: string; keyIds?: string[] }): Promise<AuditEvent[]>;
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
        const fh = await open(path, 'a', 0o600);
        try {
          await fh.write(`${JSON.stringify(event)}\n`);
        } finally {
          await fh.close();
        }
      } catch (e) {
        throw new AppError(
          'STORE_IO',
          `Could not append to the audit trail at ${path} (${(e as NodeJS.ErrnoException).code ?? 'I/O error'}).`,
        );
      }
    },
    async list(filter = {}) {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw new AppError('STORE_IO', `Could not read the audit trail at ${path}.`);
      }
      const wanted = filter.keyIds ?? (filter.keyId ? [filter.keyId] : null);
      const events: AuditEvent[] = [];
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        // A torn or hand-edited line is skipped rather than hiding every other event.
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          continue;
        }
        const r = auditEventSchema.safeParse(parsed);
        if (!r.success) continue;
        if (wanted && (r.data.keyId === null || !wanted.includes(r.data.keyId))) continue;
        events.push(r.data);
      }
      return events;
    },
  };
}
