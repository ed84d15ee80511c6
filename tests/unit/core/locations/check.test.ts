// A location's state, read from the file and compared in memory; the value never comes back.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locationState } from '../../../../electron/core/locations/check.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';

// Not shaped like an API key: the suite's final secret scan looks for those in every file left.
const secret = `test_${Math.random().toString(36).slice(2)}_value`;

describe('locationState', () => {
  const dir = makeTempDir('location-state');
  const file = join(dir, '.env');

  it('holds, in the dotenv forms (bare, quoted, export)', async () => {
    for (const line of [`K=${secret}`, `K="${secret}"`, `export K='${secret}'  # prod`]) {
      writeFileSync(file, `# app\n${line}\n`);
      expect(await locationState(file, 'K', secret)).toBe('holds');
    }
  });

  it('holds in YAML and JSON files a scan found', async () => {
    writeFileSync(file, `app:\n  apiKey: "${secret}"\n`);
    expect(await locationState(file, 'apiKey', secret)).toBe('holds');
    writeFileSync(file, `{\n  "API_KEY": "${secret}",\n  "n": 1\n}\n`);
    expect(await locationState(file, 'API_KEY', secret)).toBe('holds');
  });

  it('holds another value, variable missing, file missing, unreadable', async () => {
    writeFileSync(file, 'K=other\n');
    expect(await locationState(file, 'K', secret)).toBe('other-value');
    expect(await locationState(file, 'L', secret)).toBe('variable-missing');
    expect(await locationState(join(dir, 'gone.env'), 'K', secret)).toBe('file-missing');
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    expect(await locationState(sub, 'K', secret)).toBe('unreadable');
    if (process.getuid?.() !== 0) {
      writeFileSync(file, `K=${secret}\n`);
      chmodSync(file, 0o000);
      expect(await locationState(file, 'K', secret)).toBe('unreadable');
      chmodSync(file, 0o600);
    }
  });
});
