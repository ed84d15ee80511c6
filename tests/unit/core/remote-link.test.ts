import { describe, expect, it } from 'vitest';
import type { ApexClient, RemoteKey } from '../../../electron/core/apexverify/index.ts';
import { proveRemoteId } from '../../../electron/core/remote-link.ts';

const key = (id: string, last: string | null): RemoteKey => ({
  id,
  label: 'same',
  created_at: '2026-01-01T00:00:00Z',
  last_used_at: last,
  enabled: true,
});

/** A client whose successive listKeys answers are given. */
function listing(answers: RemoteKey[][]): ApexClient {
  let i = 0;
  return {
    listKeys: async () => answers[Math.min(i++, answers.length - 1)] as RemoteKey[],
  } as unknown as ApexClient;
}
const noSleep = async () => undefined;

describe('proveRemoteId', () => {
  it('names the one key whose last use moved between two lists made with the secret', async () => {
    const c = listing([
      [key('a', 't1'), key('b', 't1')],
      [key('a', 't1'), key('b', 't2')],
    ]);
    expect((await proveRemoteId(c, 'secret', { sleep: noSleep }))?.id).toBe('b');
  });
  it('gives up (null) when other traffic moves several keys every time', async () => {
    const c = listing([
      [key('a', 't1'), key('b', 't1')],
      [key('a', 't2'), key('b', 't2')],
      [key('a', 't3'), key('b', 't3')],
      [key('a', 't4'), key('b', 't4')],
    ]);
    expect(await proveRemoteId(c, 'secret', { sleep: noSleep })).toBeNull();
  });
  it('gives up when nothing moves (timestamps too coarse)', async () => {
    const c = listing([[key('a', 't1')]]);
    expect(await proveRemoteId(c, 'secret', { sleep: noSleep })).toBeNull();
  });
  it('retries once timestamps are coarse, then proves', async () => {
    const c = listing([
      [key('a', 't1'), key('b', null)],
      [key('a', 't1'), key('b', null)],
      [key('a', 't2'), key('b', null)],
    ]);
    expect((await proveRemoteId(c, 'secret', { sleep: noSleep }))?.id).toBe('a');
  });
});
