// The Node side's one atomic write: content replaced whole, mode set, nothing left behind on failure.
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../../electron/core/fs/atomic-write.ts';
import { errnoCode } from '../../../../electron/core/fs/errno.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';

describe('writeFileAtomic', () => {
  it('replaces the content and sets the mode, also over a looser file', () => {
    const dir = makeTempDir('atomic');
    const file = join(dir, 'f.json');
    writeFileSync(file, 'old content, longer than the new', { mode: 0o644 });
    writeFileAtomic(file, 'new', { mode: 0o600 });
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['f.json']);
  });

  it('creates a new file at the mode given, whatever the umask', () => {
    const dir = makeTempDir('atomic');
    const file = join(dir, 'new.txt');
    writeFileAtomic(file, 'x', { mode: 0o640 });
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('throws the file-system error and leaves no temp file when the folder is missing', () => {
    const dir = makeTempDir('atomic');
    let thrown: unknown;
    try {
      writeFileAtomic(join(dir, 'missing', 'f.json'), 'x', { mode: 0o600 });
    } catch (e) {
      thrown = e;
    }
    expect(errnoCode(thrown)).toBe('ENOENT');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('removes the temp file when the rename fails', () => {
    const dir = makeTempDir('atomic');
    const target = join(dir, 'taken');
    // A non-empty folder in the way: the temp file is written, then the rename fails.
    writeFileSync(join(makeDirIn(dir, 'taken'), 'inside'), 'x');
    expect(() => writeFileAtomic(target, 'x', { mode: 0o600 })).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});

function makeDirIn(dir: string, name: string): string {
  const path = join(dir, name);
  mkdirSync(path);
  return path;
}
