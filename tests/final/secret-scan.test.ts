// Runs after every other suite (scripts/test.sh runs it last): reads every file the suite wrote
// under its throwaway root (data dirs, stores, last-good copies, audit logs, .env backups,
// sandbox state, captured CLI output) and fails on any API key found there. Secrets may appear
// only where a test asked for them (`key get`, `run`), whose output is logged as *.secret-expected.log.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECRET_PATTERN } from '../helpers/cli.ts';

const root = process.env.APEXKEYS_TEST_ROOT;

// The keyring's own files are encrypted by gnome-keyring; .env files are where a test asked for the key.
const SKIP_DIRS = new Set(['keyrings', 'node_modules']);
const allowed = (name: string) =>
  name.endsWith('.secret-expected.log') ||
  name === 'vitest-report.json' ||
  /^\.?env(\..*)?$/.test(name) ||
  name.endsWith('.env') ||
  name.endsWith('.env.bak');

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) yield* walk(p);
    } else if (entry.isFile() && !allowed(entry.name)) {
      yield p;
    }
  }
}

describe.skipIf(!root)('secret scan over the suite output', () => {
  it('finds no API key outside the places a test asked for one', () => {
    const base = root as string;
    const hits: string[] = [];
    let files = 0;
    for (const file of walk(base)) {
      if (statSync(file).size > 20 * 1024 * 1024) continue;
      files++;
      const text = readFileSync(file, 'latin1');
      const found = text.match(SECRET_PATTERN);
      if (found) hits.push(`${relative(base, file)}: ${found.length} key(s)`);
    }
    expect(files, 'the suite left files to scan').toBeGreaterThan(10);
    // The files the hardening tests make on purpose are among those read: a store moved aside as
    // corrupt keeps whatever bytes it had, and the last-good copy is a second copy of the store.
    const scanned = [...walk(base)].map((f) => f.split('/').pop() as string);
    expect(
      scanned.filter((n) => /\.corrupt-.*\.json$/.test(n)).length,
      'corrupt copies',
    ).toBeGreaterThan(0);
    expect(
      scanned.filter((n) => n.endsWith('.last-good.json')).length,
      'last-good copies',
    ).toBeGreaterThan(0);
    expect(hits).toEqual([]);
  });
});
