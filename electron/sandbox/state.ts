// The optional state file: the keys (hashes only) as JSON, replaced atomically on every change.
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { KeyRecord } from './keys.ts';

const STATE_VERSION = 1;

const keyRecordSchema = z.object({
  id: z.string().min(1),
  label: z.string(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  enabled: z.boolean(),
  revokedAt: z.string().nullable(),
});

const stateSchema = z.object({
  version: z.literal(STATE_VERSION),
  keys: z.array(keyRecordSchema),
});

/** The saved keys, or null when the file does not exist yet. Throws on a corrupt file rather than starting over, which would silently invalidate every key. */
export function loadState(file: string): KeyRecord[] | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`Sandbox state file ${file} is not valid JSON.`);
  }
  const parsed = stateSchema.safeParse(json);
  if (!parsed.success) throw new Error(`Sandbox state file ${file} has an unexpected shape.`);
  return parsed.data.keys;
}

/** Temp file + fsync + rename, so a crash leaves either the old or the new state, never half. */
export function saveState(file: string, keys: KeyRecord[]): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const text = `${JSON.stringify({ version: STATE_VERSION, keys }, null, 2)}\n`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
