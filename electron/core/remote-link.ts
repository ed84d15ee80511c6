// Which server key a secret belongs to. The API never returns secrets, and labels are only for
// the owner's reference, so a label match proves nothing; revoking the wrong id would be
// irreversible. The proof: list the keys twice with the secret itself. The caller's own
// last_used_at is the one that moves between the two lists; if exactly one key moved, that is it.
import { sleep as defaultSleep } from './clock.ts';
import type { ApexClient, RemoteKey } from './apexverify/index.ts';

const moved = (before: RemoteKey[], after: RemoteKey[]): RemoteKey[] =>
  after.filter((k) => {
    const b = before.find((x) => x.id === k.id);
    return k.last_used_at !== null && (b === undefined || b.last_used_at !== k.last_used_at);
  });

/**
 * The server id of the key `secret` is, or null when it cannot be proven (a disabled key,
 * other traffic moving other keys at the same moment, timestamps too coarse to move).
 */
export async function proveRemoteId(
  client: ApexClient,
  secret: string,
  opts: { attempts?: number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<RemoteKey | null> {
  const attempts = opts.attempts ?? 3;
  const sleep = opts.sleep ?? defaultSleep;
  let before = await client.listKeys(secret);
  for (let i = 0; i < attempts; i++) {
    // Timestamps may be coarse: wait long enough for the caller's to move.
    await sleep(i === 0 ? 15 : 1100);
    const after = await client.listKeys(secret);
    const candidates = moved(before, after);
    if (candidates.length === 1) return candidates[0] ?? null;
    before = after;
  }
  return null;
}
