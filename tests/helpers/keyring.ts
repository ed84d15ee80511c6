import { spawnSync } from 'node:child_process';

/** Integration tests that touch the keychain run only inside scripts/with-keyring.sh. */
export const hasTestKeyring = process.env.APEXKEYS_TEST_KEYRING === '1';
export const keyringSkipReason =
  'skipped: no throwaway keyring (run through scripts/with-keyring.sh, as npm test does)';

/** libsecret's own view: the accounts (entry ids) stored under a service. */
export function secretToolAccounts(service: string): string[] {
  // secret-tool prints the secret on stdout and the attributes on stderr; only attributes are read.
  const r = spawnSync('secret-tool', ['search', '--all', 'service', service], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  return [...String(r.stderr ?? '').matchAll(/^attribute\.account = (.*)$/gm)].map((m) =>
    (m[1] ?? '').trim(),
  );
}
