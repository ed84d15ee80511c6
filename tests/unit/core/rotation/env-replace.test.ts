// The rotation's .env helper: the old key's value becomes the new key's only where a variable
// holds exactly the old value, only in the files named, atomically and with a backup. Every path
// the helper hands to node:fs/promises is recorded, to prove an unnamed file is never read.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { replaceEnvValue, replaceInEnvFiles } from '../../../../electron/core/rotation/index.ts';
import { fakeSecret } from '../../../helpers/cli.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';

const touched = vi.hoisted(() => [] as string[]);
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<Record<string, (...a: unknown[]) => unknown>>();
  const spied: Record<string, unknown> = { ...real };
  for (const name of [
    'readFile',
    'open',
    'lstat',
    'stat',
    'readdir',
    'opendir',
    'access',
    'copyFile',
  ])
    spied[name] = (...args: unknown[]) => {
      touched.push(String(args[0]));
      return real[name]?.(...args);
    };
  return { ...spied, default: spied };
});

const OLD = fakeSecret();
const NEW = fakeSecret();

describe('replaceEnvValue', () => {
  it('replaces bare, quoted and exported values equal to the old key, and nothing else', () => {
    const text = [
      '# the old key: ' + OLD,
      'APEXVERIFY_API_KEY=' + OLD,
      `OTHER="${OLD}"`,
      `export THIRD='${OLD}' # prod`,
      'LONGER=' + OLD + 'x',
      'PREFIX=x' + OLD,
      'UNRELATED=1',
      '',
    ].join('\n');
    const r = replaceEnvValue(text, OLD, NEW);
    expect(r.variables).toEqual(['APEXVERIFY_API_KEY', 'OTHER', 'THIRD']);
    expect(r.text).toBe(
      [
        '# the old key: ' + OLD,
        'APEXVERIFY_API_KEY=' + NEW,
        'OTHER=' + NEW,
        `export THIRD=${NEW} # prod`,
        'LONGER=' + OLD + 'x',
        'PREFIX=x' + OLD,
        'UNRELATED=1',
        '',
      ].join('\n'),
    );
  });
  it('keeps CRLF line endings and reads escaped double quotes', () => {
    const odd = 'ab"c\\d$e-0123456789';
    const r = replaceEnvValue(`A=1\r\nK="ab\\"c\\\\d\\$e-0123456789"\r\n`, odd, NEW);
    expect(r).toEqual({ text: `A=1\r\nK=${NEW}\r\n`, variables: ['K'] });
  });
});

describe('replaceInEnvFiles', () => {
  it('changes a file that holds the old value, keeping its mode and a private backup', async () => {
    const dir = makeTempDir('env-rot');
    const file = join(dir, 'app.env');
    const original = `# app\nDB=postgres\nAPEXVERIFY_API_KEY=${OLD}\n`;
    writeFileSync(file, original);
    chmodSync(file, 0o640);
    const [r] = await replaceInEnvFiles([file], OLD, NEW, []);
    expect(r).toEqual({
      path: file,
      changed: true,
      variables: ['APEXVERIFY_API_KEY'],
      backup: `${file}.bak`,
      gitTracked: false,
    });
    expect(readFileSync(file, 'utf8')).toBe(`# app\nDB=postgres\nAPEXVERIFY_API_KEY=${NEW}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(original);
    expect(statSync(`${file}.bak`).mode & 0o777).toBe(0o600);
  });

  it('leaves a file without the old value untouched: same bytes, same inode, no backup', async () => {
    const dir = makeTempDir('env-rot');
    const file = join(dir, 'other.env');
    writeFileSync(file, `APEXVERIFY_API_KEY=${fakeSecret()}\n`);
    const before = statSync(file);
    const text = readFileSync(file, 'utf8');
    const [r] = await replaceInEnvFiles([file], OLD, NEW, []);
    expect(r).toMatchObject({ changed: false, variables: [], backup: null });
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(statSync(file).ino).toBe(before.ino);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(existsSync(`${file}.bak`)).toBe(false);
  });

  it('never reads a file the user did not name, even beside one that was named', async () => {
    const dir = makeTempDir('env-rot');
    const named = join(dir, 'named.env');
    const unnamed = join(dir, 'unnamed.env');
    writeFileSync(named, `APEXVERIFY_API_KEY=${OLD}\n`);
    writeFileSync(unnamed, `APEXVERIFY_API_KEY=${OLD}\n`);
    touched.length = 0;
    await replaceInEnvFiles([named], OLD, NEW, []);
    expect(touched.some((p) => p.includes('named.env'))).toBe(true);
    expect(touched.filter((p) => p.includes('unnamed.env'))).toEqual([]);
    expect(touched.filter((p) => p === dir)).toEqual([]);
    expect(readFileSync(unnamed, 'utf8')).toBe(`APEXVERIFY_API_KEY=${OLD}\n`);
  });

  it('reports a file tracked by git', async () => {
    const dir = makeTempDir('env-rot-git');
    execFileSync('git', ['init', '-q'], { cwd: dir });
    writeFileSync(join(dir, 'tracked.env'), `K=${OLD}\n`);
    writeFileSync(join(dir, 'loose.env'), `K=${OLD}\n`);
    execFileSync('git', ['add', 'tracked.env'], { cwd: dir });
    const r = await replaceInEnvFiles(
      [join(dir, 'tracked.env'), join(dir, 'loose.env')],
      OLD,
      NEW,
      [],
    );
    expect(r.map((f) => [f.changed, f.gitTracked])).toEqual([
      [true, true],
      [true, false],
    ]);
  });

  it('reads every named file before writing any: a missing one stops the call with nothing changed', async () => {
    const dir = makeTempDir('env-rot');
    const file = join(dir, 'first.env');
    writeFileSync(file, `K=${OLD}\n`);
    await expect(
      replaceInEnvFiles([file, join(dir, 'missing.env')], OLD, NEW, []),
    ).rejects.toMatchObject({
      code: 'ENV_FILE',
    });
    expect(readFileSync(file, 'utf8')).toBe(`K=${OLD}\n`);
    expect(existsSync(`${file}.bak`)).toBe(false);
  });
});
