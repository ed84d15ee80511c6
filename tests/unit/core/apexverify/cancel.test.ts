// A client given a signal (Verify all's Cancel) stops at once: in a Retry-After wait, in a
// back-off, or with a request in flight, the call fails with CANCELLED and nothing more is sent.
// The waits here never end by themselves, so a client that ignored the signal would hang the test.
import { describe, expect, it } from 'vitest';
import { createApexClient } from '../../../../electron/core/apexverify/index.ts';

const KEY = `test-${'c'.repeat(20)}`;
const never = (): Promise<void> => new Promise<void>(() => undefined);

function setup(reply: () => Promise<Response>) {
  const abort = new AbortController();
  let sent = 0;
  let slept = 0;
  const c = createApexClient({
    baseUrl: 'http://api.test',
    retries: 2,
    signal: abort.signal,
    fetch: (_input, init) => {
      sent++;
      // A request in flight ends when its signal aborts, as fetch's does.
      return new Promise<Response>((resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
        void reply().then(resolve);
      });
    },
    sleep: () => {
      slept++;
      return never();
    },
  });
  return { c, abort, sent: () => sent, slept: () => slept };
}

const status =
  (code: number, headers: Record<string, string> = {}) =>
  () =>
    Promise.resolve(new Response('{}', { status: code, headers }));

describe('a client with a signal', () => {
  it('ends a Retry-After wait with CANCELLED', async () => {
    const s = setup(status(429, { 'Retry-After': '25' }));
    const call = s.c.credits(KEY);
    await expect.poll(s.slept).toBe(1);
    s.abort.abort();
    await expect(call).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(s.sent()).toBe(1);
  });

  it('ends a 5xx back-off with CANCELLED', async () => {
    const s = setup(status(503));
    const call = s.c.credits(KEY);
    await expect.poll(s.slept).toBe(1);
    s.abort.abort();
    await expect(call).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(s.sent()).toBe(1);
  });

  it('aborts a request in flight with CANCELLED, not a network error', async () => {
    const s = setup(() => never().then(() => new Response('{}')));
    const call = s.c.credits(KEY);
    await expect.poll(s.sent).toBe(1);
    s.abort.abort();
    await expect(call).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(s.sent()).toBe(1);
  });

  it('sends nothing once cancelled', async () => {
    const s = setup(status(200));
    s.abort.abort();
    await expect(s.c.credits(KEY)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(s.sent()).toBe(0);
  });
});
