// The scan's bounds and matching, on temp folders with a fake secret and a fake clock.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { variablesHolding } from '../../../../electron/core/locations/assignments.ts';
import { scanFolders } from '../../../../electron/core/locations/scan.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';

// Not shaped like an API key: the suite's final secret scan looks for those in every file left.
const secret = `test_${Math.random().toString(36).slice(2)}_value`;

describe('variablesHolding', () => {
  it('names the variable of NAME=value, NAME: value and "NAME": "value"', () => {
    expect(variablesHolding(`A=${secret}\nexport B='${secret}'\n`, secret)).toEqual(['A', 'B']);
    expect(variablesHolding(`  apiKey: ${secret}\n`, secret)).toEqual(['apiKey']);
    expect(variablesHolding(`{ "API_KEY": "${secret}", "x": 1 }`, secret)).toEqual([]);
    expect(variablesHolding(`{\n  "API_KEY": "${secret}",\n  "x": 1\n}`, secret)).toEqual([
      'API_KEY',
    ]);
    expect(variablesHolding(`curl -H "Authorization: ${secret}x"`, secret)).toEqual([]);
  });
});

describe('scanFolders', () => {
  it('stops at the file limit and says so', async () => {
    const dir = makeTempDir('scan-limit');
    for (let i = 0; i < 5; i++) writeFileSync(join(dir, `f${i}.txt`), 'x\n');
    const r = await scanFolders([dir], secret, { timeBudgetMs: 1e9, maxFiles: 3, now: () => 0 });
    expect(r).toMatchObject({ read: 3, limitHit: 'files' });
  });

  it("stops at the time budget by the caller's clock", async () => {
    const dir = makeTempDir('scan-time');
    mkdirSync(join(dir, 'a'));
    for (let i = 0; i < 4; i++) writeFileSync(join(dir, 'a', `f${i}.txt`), 'x\n');
    let t = 0;
    const r = await scanFolders([dir], secret, { timeBudgetMs: 2, now: () => t++ });
    expect(r.limitHit).toBe('time');
    expect(r.read).toBeLessThan(4);
  });

  it('stops when cancelled', async () => {
    const dir = makeTempDir('scan-cancel');
    writeFileSync(join(dir, 'f.txt'), 'x\n');
    const ac = new AbortController();
    ac.abort();
    const r = await scanFolders([dir], secret, {
      timeBudgetMs: 1e9,
      now: () => 0,
      signal: ac.signal,
    });
    expect(r).toMatchObject({ read: 0, limitHit: 'cancelled' });
  });

  it('tells onProgress after each file read, and cancelling from it stops the walk', async () => {
    const dir = makeTempDir('scan-progress');
    for (let i = 0; i < 5; i++) writeFileSync(join(dir, `f${i}.txt`), 'x\n');
    const ac = new AbortController();
    const seen: number[] = [];
    const r = await scanFolders([dir], secret, {
      timeBudgetMs: 1e9,
      now: () => 0,
      signal: ac.signal,
      onProgress: (soFar) => {
        seen.push(soFar.read);
        if (soFar.read === 3) ac.abort();
      },
    });
    expect(seen).toEqual([1, 2, 3]);
    expect(r).toMatchObject({ read: 3, limitHit: 'cancelled' });
  });

  it('reports a copy that is not an assignment with no variable', async () => {
    const dir = makeTempDir('scan-plain');
    writeFileSync(join(dir, 'notes.txt'), `the key is ${secret} (do not share)\n`);
    const r = await scanFolders([dir], secret, { timeBudgetMs: 1e9, now: () => 0 });
    expect(r.hits).toEqual([{ path: join(dir, 'notes.txt'), variables: [] }]);
  });
});
