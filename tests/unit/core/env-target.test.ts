// The one guard every .env writer passes: the app's own files are refused however the path
// reaches them, a malformed path is a usage error, and nothing is written either way.
import { linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeEnvFile } from '../../../electron/core/env-file.ts';
import { assertEnvTargetAllowed } from '../../../electron/core/env-target.ts';
import { commandVarProblem } from '../../../electron/core/key-handout.ts';
import { replaceInEnvFiles } from '../../../electron/core/rotation/env-replace.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

const SECRET = `avk_${'Z'.repeat(40)}`;

function layout() {
  const data = makeTempDir('guard-data');
  writeFileSync(join(data, 'apexkeys.json'), '{"version":1}\n');
  writeFileSync(join(data, 'audit.jsonl'), '');
  const out = makeTempDir('guard-out');
  return { data, out };
}

describe('assertEnvTargetAllowed', () => {
  it('allows a file outside the data folder, existing or not', async () => {
    const { data, out } = layout();
    writeFileSync(join(out, 'old.env'), 'A=1\n');
    await expect(assertEnvTargetAllowed(join(out, 'new.env'), [data])).resolves.toBeUndefined();
    await expect(assertEnvTargetAllowed(join(out, 'old.env'), [data])).resolves.toBeUndefined();
  });

  it('refuses the folder itself, a sub-folder, "..", a symlinked folder and hard links', async () => {
    const { data, out } = layout();
    mkdirSync(join(data, 'sub'));
    symlinkSync(data, join(out, 'link'));
    symlinkSync(join(data, 'sub'), join(out, 'sub-link'));
    linkSync(join(data, 'audit.jsonl'), join(out, 'hard.env'));
    const targets = [
      join(data, 'apexkeys.json'),
      join(data, 'fresh.env'),
      join(data, 'sub', '.env'),
      `${out}/../${basename(data)}/audit.jsonl`,
      join(out, 'link', 'apexkeys.json'),
      // The OS follows the link before "..": this names the store, not out/apexkeys.json.
      `${out}/sub-link/../apexkeys.json`,
      join(out, 'hard.env'),
    ];
    for (const t of targets)
      await expect(assertEnvTargetAllowed(t, [data]), t).rejects.toMatchObject({
        code: 'ENV_FILE',
        message: expect.stringMatching(/app's own files/),
      });
  });

  it('refuses an empty path and control characters as BAD_INPUT', async () => {
    for (const p of ['', '   ', '/tmp/a\nb.env', '/tmp/a\tb', '/tmp/\u001b[2J', '/tmp/\u009b'])
      await expect(assertEnvTargetAllowed(p, [])).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});

describe('every writer goes through the guard', () => {
  it('writeEnvFile leaves the store as it was', async () => {
    const { data } = layout();
    const store = join(data, 'apexkeys.json');
    await expect(writeEnvFile(store, 'K', SECRET, [data])).rejects.toMatchObject({
      code: 'ENV_FILE',
    });
    expect(readFileSync(store, 'utf8')).toBe('{"version":1}\n');
  });

  it('replaceInEnvFiles refuses before writing any file, including an allowed one', async () => {
    const { data, out } = layout();
    const fine = join(out, 'app.env');
    writeFileSync(fine, `K=${SECRET}\n`);
    const audit = join(data, 'audit.jsonl');
    writeFileSync(audit, `K=${SECRET}\n`);
    await expect(
      replaceInEnvFiles([fine, audit], SECRET, `avk_${'N'.repeat(40)}`, [data]),
    ).rejects.toMatchObject({ code: 'ENV_FILE' });
    expect(readFileSync(fine, 'utf8')).toBe(`K=${SECRET}\n`);
    for (const p of ['', `${out}/x\ny.env`])
      await expect(replaceInEnvFiles([p], SECRET, SECRET, [data])).rejects.toMatchObject({
        code: 'BAD_INPUT',
      });
    // The key was planted in the app's audit file only to be refused: leave no copy for the
    // suite's final secret scan to find in an app file.
    expect(readFileSync(audit, 'utf8')).toBe(`K=${SECRET}\n`);
    writeFileSync(audit, '');
  });
});

describe('commandVarProblem', () => {
  it('refuses the variables a command needs to start, and only those', () => {
    for (const n of ['PATH', 'LD_PRELOAD', 'LD_LIBRARY_PATH', 'DYLD_INSERT_LIBRARIES', 'IFS'])
      expect(commandVarProblem(n)).toMatch(/cannot hold the key/);
    for (const n of ['APEXVERIFY_API_KEY', 'MY_PATH', 'path', 'API_KEY'])
      expect(commandVarProblem(n)).toBeNull();
  });
});
