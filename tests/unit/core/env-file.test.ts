import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync, chmodSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatEnvValue, setEnvVar, writeEnvFile } from '../../../electron/core/env-file.ts';
import { isAppError } from '../../../shared/errors.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

const SECRET = `avk_${'Q'.repeat(20)}x${'7'.repeat(19)}`.slice(0, 44);

describe('setEnvVar', () => {
  it('replaces only the matching line and keeps comments, blanks and order', () => {
    const text = '# top\nA=1\n\nAPEXVERIFY_API_KEY=old # trailing\nB=2\n';
    expect(setEnvVar(text, 'APEXVERIFY_API_KEY', 'new').text).toBe(
      '# top\nA=1\n\nAPEXVERIFY_API_KEY=new\nB=2\n',
    );
  });
  it('keeps "export" and leaves similarly named variables alone', () => {
    const text = 'export KEY=old\nKEY_OLD=keep\nMYKEY=keep\n';
    const r = setEnvVar(text, 'KEY', 'new');
    expect(r).toEqual({ text: 'export KEY=new\nKEY_OLD=keep\nMYKEY=keep\n', replaced: 1 });
  });
  it('appends when the variable is absent, adding the missing final newline', () => {
    expect(setEnvVar('A=1', 'K', 'v').text).toBe('A=1\nK=v\n');
    expect(setEnvVar('', 'K', 'v')).toEqual({ text: 'K=v\n', replaced: 0 });
  });
  it('keeps CRLF line endings', () => {
    expect(setEnvVar('A=1\r\nK=old\r\n', 'K', 'v').text).toBe('A=1\r\nK=v\r\n');
  });
});

describe('setEnvVar, for any file', () => {
  const line = fc.string({ maxLength: 30 }).filter((l) => !/[\r\n]/.test(l));
  it('keeps every other line in order and leaves exactly one line setting the variable', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.boolean(), (lines, withVar) => {
        const others = lines.filter((l) => !/^\s*(export\s+)?APEXVERIFY_API_KEY\s*=/.test(l));
        const input = [...others, ...(withVar ? ['APEXVERIFY_API_KEY=old'] : [])].join('\n') + '\n';
        const out = setEnvVar(input, 'APEXVERIFY_API_KEY', 'avk_new').text.split('\n');
        expect(out.filter((l) => l === 'APEXVERIFY_API_KEY=avk_new')).toHaveLength(1);
        expect(out.filter((l) => l !== 'APEXVERIFY_API_KEY=avk_new' && l !== '')).toEqual(
          others.filter((l) => l !== ''),
        );
      }),
    );
  });
});

describe('formatEnvValue', () => {
  it('leaves plain keys unquoted and quotes what a dotenv parser would misread', () => {
    expect(formatEnvValue('avk_abc123')).toBe('avk_abc123');
    expect(formatEnvValue('a#b')).toBe("'a#b'");
    expect(formatEnvValue(`a'b"$c`)).toBe('"a\'b\\"\\$c"');
  });
});

describe('writeEnvFile', () => {
  it('creates a new file with mode 0600 and no backup', async () => {
    const file = join(makeTempDir('env'), '.env');
    const r = await writeEnvFile(file, 'APEXVERIFY_API_KEY', SECRET, []);
    expect(r).toMatchObject({ created: true, backup: null, replaced: 0, gitTracked: false });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
  it("keeps an existing file's mode, writes a private backup of the previous content", async () => {
    const file = join(makeTempDir('env'), '.env');
    writeFileSync(file, 'A=1\nAPEXVERIFY_API_KEY=old\n');
    chmodSync(file, 0o640);
    const r = await writeEnvFile(file, 'APEXVERIFY_API_KEY', SECRET, []);
    expect(r).toMatchObject({ created: false, backup: `${file}.bak`, replaced: 1 });
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(statSync(`${file}.bak`).mode & 0o777).toBe(0o600);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('A=1\nAPEXVERIFY_API_KEY=old\n');
    expect(r.readableByOthers).toBe(0o640);
  });
  it('reports a file tracked by git', async () => {
    const dir = makeTempDir('env-git');
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const file = join(dir, '.env');
    writeFileSync(file, 'A=1\n');
    execFileSync('git', ['add', '.env'], { cwd: dir });
    expect((await writeEnvFile(file, 'K', SECRET, [])).gitTracked).toBe(true);
  });
  it('refuses symlinks, directories and read-only files without changing them, and never names the secret', async () => {
    const dir = makeTempDir('env-bad');
    const target = join(dir, 'real.env');
    writeFileSync(target, 'A=1\n');
    const link = join(dir, 'link.env');
    symlinkSync(target, link);
    for (const path of [link, dir]) {
      const err = await writeEnvFile(path, 'K', SECRET, []).catch((e: unknown) => e);
      expect(isAppError(err, 'ENV_FILE')).toBe(true);
      expect(String((err as Error).message)).not.toContain(SECRET);
    }
    chmodSync(target, 0o400);
    await expect(writeEnvFile(target, 'K', SECRET, [])).rejects.toThrow(/read-only/);
    expect(readFileSync(target, 'utf8')).toBe('A=1\n');
  });
  it('refuses a bad variable name', async () => {
    await expect(
      writeEnvFile(join(makeTempDir('env'), '.env'), 'BAD-NAME', SECRET, []),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});
