import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeDataSchema } from '../../../../shared/schemas.ts';
import {
  LAST_GOOD_FILE,
  LOCK_FILE,
  STORE_FILE,
  openStore,
} from '../../../../electron/core/store/index.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';
import { REPO_ROOT } from '../../../helpers/repo-root.ts';
import { fixture } from '../../../helpers/fixture-bundles.ts';

const repoRoot = REPO_ROOT;
const writerScript = fixture('store-writer');
const WRITERS = 6;
const UPDATES_EACH = 20;

interface Writer {
  child: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  exit: Promise<{ code: number | null; stderr: string }>;
}

function startWriter(dir: string, name: string): Writer {
  const child = spawn(process.execPath, [writerScript, dir, name, String(UPDATES_EACH)], {
    cwd: repoRoot,
    stdio: 'pipe',
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exit = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stderr })),
  );
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (stdout.includes('ready\n')) resolve();
    });
    void exit.then(({ code }) => reject(new Error(`${name} exited ${code} early: ${stderr}`)));
  });
  return { child, ready, exit };
}

describe('store concurrency across processes', () => {
  it(`keeps every change when ${WRITERS} processes update at once`, async () => {
    const dir = makeTempDir('store-concurrency');
    const writers = Array.from({ length: WRITERS }, (_, w) => startWriter(dir, `w${w}`));
    await Promise.all(writers.map((w) => w.ready));
    // Every writer has opened the store; release them together.
    for (const w of writers) w.child.stdin.end('go\n');
    const exits = await Promise.all(writers.map((w) => w.exit));
    for (const e of exits) expect(e, e.stderr).toMatchObject({ code: 0 });

    const expected = writers.flatMap((_, w) =>
      Array.from({ length: UPDATES_EACH }, (_, i) => `w${w}-${i}`),
    );
    const data = await (await openStore({ dir })).read();
    const ids = [...data.accounts.map((a) => a.id), ...data.keys.map((k) => k.id)];
    expect(ids).toHaveLength(WRITERS * UPDATES_EACH);
    expect(new Set(ids)).toEqual(new Set(expected));

    // Both files parse and validate on their own; the lock is gone.
    for (const file of [STORE_FILE, LAST_GOOD_FILE]) {
      const parsed = storeDataSchema.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      expect(parsed.accounts.length + parsed.keys.length).toBe(WRITERS * UPDATES_EACH);
    }
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});
