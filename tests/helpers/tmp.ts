import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fresh temp dir under the suite's throwaway root (APEXKEYS_TEST_ROOT, set by
 * scripts/with-keyring.sh), so the final secret scan can read everything the suite wrote.
 */
export function makeTempDir(prefix: string): string {
  const root = process.env.APEXKEYS_TEST_ROOT
    ? join(process.env.APEXKEYS_TEST_ROOT, 'work')
    : tmpdir();
  mkdirSync(root, { recursive: true });
  return mkdtempSync(join(root, `${prefix}-`));
}
