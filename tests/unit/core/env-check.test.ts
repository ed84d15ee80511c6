// checkEnvTarget: what a write would meet, told before any secret is written (a file tracked by
// git, readable by others, or one the write would refuse), and the write's makePrivate, which
// leaves the file 0600 with the key in it.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEnvTarget, writeEnvFile } from '../../../electron/core/env-file.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

const SECRET = `avk_${'P'.repeat(20)}q${'4'.repeat(19)}`;
const modeOf = (file: string) => statSync(file).mode & 0o777;

/** A .env file (mode 0644) in a fresh git repository, tracked. */
function trackedReadableFile(): string {
  const dir = makeTempDir('env-check-git');
  execFileSync('git', ['init', '-q'], { cwd: dir });
  const file = join(dir, '.env');
  writeFileSync(file, 'A=1\n');
  chmodSync(file, 0o644);
  execFileSync('git', ['add', '.env'], { cwd: dir });
  return file;
}

describe('checkEnvTarget', () => {
  it('a missing file: nothing to warn of, and nothing is created', async () => {
    const file = join(makeTempDir('env-check'), '.env');
    expect(await checkEnvTarget(file, [])).toEqual({
      exists: false,
      gitTracked: false,
      readableByOthers: null,
    });
    expect(() => statSync(file)).toThrow();
  });

  it('a file tracked by git and readable by others: both said, the file left as it was', async () => {
    const file = trackedReadableFile();
    expect(await checkEnvTarget(file, [])).toEqual({
      exists: true,
      gitTracked: true,
      readableByOthers: 0o644,
    });
    expect(readFileSync(file, 'utf8')).toBe('A=1\n');
    expect(modeOf(file)).toBe(0o644);
  });

  it('a private file outside git: no warning', async () => {
    const file = join(makeTempDir('env-check'), '.env');
    writeFileSync(file, 'A=1\n', { mode: 0o600 });
    expect(await checkEnvTarget(file, [])).toEqual({
      exists: true,
      gitTracked: false,
      readableByOthers: null,
    });
  });

  it('what the write would refuse is given as a problem, in the words the write uses', async () => {
    const dir = makeTempDir('env-check-bad');
    const real = join(dir, 'real.env');
    writeFileSync(real, 'A=1\n');
    symlinkSync(real, join(dir, 'link.env'));
    const readOnly = join(dir, 'ro.env');
    writeFileSync(readOnly, 'A=1\n', { mode: 0o400 });
    const data = join(dir, 'data');
    mkdirSync(data);
    const cases: Array<[string, RegExp]> = [
      [dir, /it is a directory/],
      [join(dir, 'link.env'), /symbolic link/],
      [readOnly, /read-only/],
      [join(dir, 'missing', '.env'), /^Cannot write .*missing/],
      [join(data, '.env'), /the app's own files or inside its data folder/],
    ];
    for (const [path, words] of cases) {
      const r = await checkEnvTarget(path, [data]);
      expect(r.problem, path).toMatch(words);
      const write = await writeEnvFile(path, 'K', SECRET, [data]).catch((e: Error) => e);
      expect((write as Error).message, 'the write refuses it the same way').toBe(r.problem);
    }
  });
});

describe('writeEnvFile with makePrivate', () => {
  it('writes the key and leaves the file 0600, no longer readable by others', async () => {
    const file = trackedReadableFile();
    const r = await writeEnvFile(file, 'APEXVERIFY_API_KEY', SECRET, [], { makePrivate: true });
    expect(r).toMatchObject({ created: false, gitTracked: true, readableByOthers: null });
    expect(modeOf(file)).toBe(0o600);
    expect(readFileSync(file, 'utf8') === `A=1\nAPEXVERIFY_API_KEY=${SECRET}\n`).toBe(true);
    expect(modeOf(`${file}.bak`)).toBe(0o600);
  });

  it('without it the mode is kept and said', async () => {
    const file = trackedReadableFile();
    const r = await writeEnvFile(file, 'APEXVERIFY_API_KEY', SECRET, []);
    expect(r.readableByOthers).toBe(0o644);
    expect(modeOf(file)).toBe(0o644);
  });
});
