// Find copies: a bounded, read-only walk of the folders the user names for files holding a key.
// Skips node_modules and .git, files over 1 MiB, binary files (a NUL in the first 8 KiB), and
// symbolic links leading out of the folder (links inside it are skipped too: their target is
// walked anyway). Stops at a file count or a time budget and says which limit it hit. Reads
// files and never changes them; the secret is compared in memory and never returned.
import { lstat, open, readdir, readFile, realpath } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { variablesHolding } from './assignments.ts';

export const SCAN_MAX_FILE_BYTES = 1024 * 1024;
export const SCAN_MAX_FILES = 10_000;
const BINARY_PROBE_BYTES = 8 * 1024;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export interface ScanLimits {
  /** Milliseconds the walk may take. */
  timeBudgetMs: number;
  maxFiles?: number;
  /** Milliseconds since an epoch: the caller's clock, so tests need not wait for real time. */
  now: () => number;
  signal?: AbortSignal;
  /** Told after each file read, so a window can show the count while the walk runs. */
  onProgress?: (soFar: Readonly<ScanResult>) => void;
}

export interface ScanHit {
  path: string;
  /** The variables assigned the key; empty when the key appears but not as an assignment. */
  variables: string[];
}

export interface ScanResult {
  hits: ScanHit[];
  /** Files read and compared. */
  read: number;
  skipped: {
    ignoredDirs: number;
    tooLarge: number;
    binary: number;
    symlinks: number;
    unreadable: number;
  };
  /** The limit that stopped the walk early, or null when every folder was walked. */
  limitHit: 'files' | 'time' | 'cancelled' | null;
}

const inside = (root: string, p: string) => {
  const rel = relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
};

async function isBinary(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(BINARY_PROBE_BYTES);
    const { bytesRead } = await fh.read(buf, 0, BINARY_PROBE_BYTES, 0);
    return buf.subarray(0, bytesRead).includes(0);
  } finally {
    await fh.close();
  }
}

export async function scanFolders(
  dirs: readonly string[],
  secret: string,
  limits: ScanLimits,
): Promise<ScanResult> {
  const result: ScanResult = {
    hits: [],
    read: 0,
    skipped: { ignoredDirs: 0, tooLarge: 0, binary: 0, symlinks: 0, unreadable: 0 },
    limitHit: null,
  };
  const maxFiles = limits.maxFiles ?? SCAN_MAX_FILES;
  const deadline = limits.now() + limits.timeBudgetMs;
  const seen = new Set<string>();
  const stop = (): ScanResult['limitHit'] => {
    if (limits.signal?.aborted) return 'cancelled';
    if (result.read >= maxFiles) return 'files';
    if (limits.now() > deadline) return 'time';
    return null;
  };
  for (const dir of dirs) {
    const root = await realpath(resolve(dir));
    const queue = [root];
    while (queue.length) {
      const current = queue.shift() as string;
      if (seen.has(current)) continue;
      seen.add(current);
      let names: string[];
      try {
        names = (await readdir(current)).sort();
      } catch {
        result.skipped.unreadable++;
        continue;
      }
      for (const name of names) {
        const hit = stop();
        if (hit) return { ...result, limitHit: hit };
        const path = join(current, name);
        let st;
        try {
          st = await lstat(path);
        } catch {
          result.skipped.unreadable++;
          continue;
        }
        if (st.isSymbolicLink()) {
          // Never followed: one leading out would read beyond what the user named.
          const target = await realpath(path).catch(() => null);
          if (target === null || !inside(root, target)) result.skipped.symlinks++;
          continue;
        }
        if (st.isDirectory()) {
          if (SKIPPED_DIRS.has(name)) result.skipped.ignoredDirs++;
          else queue.push(path);
          continue;
        }
        if (!st.isFile()) continue;
        if (st.size > SCAN_MAX_FILE_BYTES) {
          result.skipped.tooLarge++;
          continue;
        }
        try {
          if (await isBinary(path)) {
            result.skipped.binary++;
            continue;
          }
          const text = await readFile(path, 'utf8');
          result.read++;
          if (text.includes(secret))
            result.hits.push({ path, variables: variablesHolding(text, secret) });
          limits.onProgress?.(result);
        } catch {
          result.skipped.unreadable++;
        }
      }
    }
  }
  return result;
}
