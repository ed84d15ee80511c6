// apexkeys inventory (issue 14): one row per key for spreadsheets and auditors, CSV (RFC 4180,
// formulas defused) or JSON, to stdout or a new file; never a secret. The CSV is read back with
// the small RFC 4180 parser below, not by splitting on commas.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/core/store/index.ts';
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';
import { addAccountCli, newCliEnv, runCli, type CliEnv } from '../../helpers/cli.ts';
import { hasTestKeyring } from '../../helpers/keyring.ts';
import { makeTempDir } from '../../helpers/tmp.ts';
import { expectNoSecret, expectQuiet, keychainEntries } from './backup-support.ts';

const COLUMNS = [
  'account',
  'label',
  'environment',
  'service',
  'owner',
  'status',
  'held by',
  'created at',
  'last used at',
  'rotation due',
  'overdue',
  'fingerprint',
];

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    const next = text[i + 1];
    i += 1;
    if (quoted && ch === '"' && next === '"') {
      field += '"';
      i += 1;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && ch === '\r' && next === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  expect(quoted, 'an unclosed quote').toBe(false);
  expect(`${row.join(',')}${field}`, 'text after the last record').toBe('');
  return rows;
}

const DAY = 86_400_000;

describe.skipIf(!hasTestKeyring)('apexkeys inventory', () => {
  let sandbox: Sandbox;
  let env: CliEnv;
  let secrets: string[] = [];
  const out = makeTempDir('cli-inventory-out');
  const ok = async (args: string[]) => {
    const r = await runCli(env, args);
    expect(r.code, r.stderr).toBe(0);
    expectQuiet(r, secrets);
    return r;
  };

  beforeAll(async () => {
    sandbox = await startSandboxServer({ rpm: 100_000 });
    env = newCliEnv('cli-inventory');
    await addAccountCli(env, 'acme', sandbox.url, sandbox.bootstrapKey as string);
    const gen = (label: string, e: string, ...more: string[]) =>
      ok(['key', 'generate', '--account', 'acme', '--label', label, '--env', e, ...more]);
    await gen('api', 'staging', '--owner', 'Smith, "Jo"', '--service', '=cmd|calc');
    await gen('late', 'production', '--notes', 'two\nlines');
    await gen('handed', 'staging', '--owner', 'john');
    await gen('old', 'staging');
    await ok(['key', 'revoke', 'old', '--confirm', 'old']);
    // The hand-over (key share --handover) as the store records it, and an old production key.
    const store = await openStore({ dir: env.dataDir });
    await store.update((data) => {
      for (const k of data.keys) {
        if (k.label === 'handed') Object.assign(k, { custody: 'held', heldBy: 'john' });
        if (k.label === 'late') k.createdAt = new Date(Date.now() - 100 * DAY).toISOString();
      }
    });
    secrets = [...(await keychainEntries(env.service)).values(), sandbox.bootstrapKey as string];
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('prints one CSV row per key with the documented columns, formulas defused', async () => {
    const rows = parseCsv((await ok(['inventory'])).stdout);
    expect(rows[0]).toEqual(COLUMNS);
    const byLabel = new Map(rows.slice(1).map((r) => [r[1], r]));
    expect([...byLabel.keys()].sort()).toEqual(['api', 'handed', 'late', 'old']);
    for (const r of rows.slice(1)) expect(r).toHaveLength(COLUMNS.length);
    const cell = (label: string, column: string) => byLabel.get(label)?.[COLUMNS.indexOf(column)];
    expect(cell('api', 'owner')).toBe('Smith, "Jo"');
    expect(cell('api', 'service')).toBe("'=cmd|calc");
    expect(cell('handed', 'held by')).toBe('john');
    expect(cell('api', 'held by')).toBe('');
    expect(cell('late', 'overdue')).toBe('yes');
    expect(cell('late', 'rotation due')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(cell('api', 'overdue')).toBe('no');
    expect(cell('old', 'status')).toBe('revoked');
    expect(cell('api', 'fingerprint')).toMatch(/^[0-9a-f]{12}$/);
  });

  it('writes a new file (mode 0600) the same CSV, and never replaces one', async () => {
    const file = join(out, 'inventory.csv');
    expect((await ok(['inventory', '--file', file])).stdout).toMatch(/inventory of 4 keys/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expectNoSecret(text, secrets);
    expect(parseCsv(text)).toEqual(parseCsv((await ok(['inventory'])).stdout));
    const again = await runCli(env, ['inventory', '--file', file]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/already exists/);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('--format json holds the same rows with typed values, and no secret', async () => {
    const file = join(out, 'inventory.json');
    await ok(['inventory', '--format', 'json', '--file', file]);
    const text = readFileSync(file, 'utf8');
    expectNoSecret(text, secrets);
    const rows = JSON.parse(text) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r.label === 'late')).toMatchObject({ overdue: true, heldBy: '' });
    expect(rows.find((r) => r.label === 'handed')).toMatchObject({ heldBy: 'john' });
    expect(Object.keys(rows[0] ?? {})).toHaveLength(COLUMNS.length);
    expect(JSON.parse((await ok(['inventory', '--format', 'json'])).stdout)).toEqual(rows);
  });

  it('refuses another format as a usage error', async () => {
    const r = await runCli(env, ['inventory', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/csv, json/);
  });
});
