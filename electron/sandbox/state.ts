// The optional state file: the keys (hashes only) as JSON, replaced atomically on every change.
// The atomic writer is passed in (the app's own): the sandbox stands in for the remote server and
// imports nothing from the app.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { KeyRecord } from './keys.ts';

const STATE_VERSION = 1;
const STATE_FILE_MODE = 0o600;

/** Writes `text` to `file` so a crash leaves the old or the new content (temp file + rename). */
export type AtomicWriter = (file: string, text: string, opts: { mode: number }) => void;

/** Where the state is kept, and the writer that saves it there. */
export interface SandboxStateFile {
  file: string;
  writeAtomic: AtomicWriter;
}

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

/** Replaces the state file through the injected writer, mode 0600, creating its folder. */
export function saveState(state: SandboxStateFile, keys: KeyRecord[]): void {
  mkdirSync(dirname(state.file), { recursive: true, mode: 0o700 });
  const text = `${JSON.stringify({ version: STATE_VERSION, keys }, null, 2)}\n`;
  state.writeAtomic(state.file, text, { mode: STATE_FILE_MODE });
}
