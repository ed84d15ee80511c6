// The one key check behind `key verify` and the rotation: the same outcome for the same answer,
// each caller mapping it to what it stores.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.ts';
import type { ApexClient } from '../../../electron/core/apexverify/index.ts';
import { checkKey } from '../../../electron/core/key-check.ts';
import { checkKeyEvidence } from '../../../electron/core/rotation/check.ts';

const AT = '2025-05-01T12:00:00.000Z';
const clock = { now: () => new Date(AT) };

/** A client whose checkKey answers as told; the check calls nothing else. */
function client(answer: () => Promise<Awaited<ReturnType<ApexClient['checkKey']>>>): ApexClient {
  // Only checkKey is used by the code under test; the rest of the client is irrelevant here.
  return { checkKey: answer } as unknown as ApexClient;
}

const ok = client(async () => ({ status: 'ok', credits: { email_credit: 5, phone_credit: 2 } }));
const unauthorized = client(async () => ({ status: 'unauthorized' }));
const failing = (e: unknown) =>
  client(async () => {
    throw e;
  });

describe('checkKey', () => {
  it('turns each answer into one outcome', async () => {
    expect(await checkKey({ clock }, ok, 's')).toEqual({
      at: AT,
      outcome: 'ok',
      credits: { email: 5, phone: 2 },
      error: null,
      call: { sentAt: AT, answeredAt: AT },
    });
    expect(await checkKey({ clock }, unauthorized, 's')).toEqual({
      at: AT,
      outcome: 'unauthorized',
      credits: null,
      error: null,
      call: { sentAt: AT, answeredAt: AT },
    });
    const net = await checkKey({ clock }, failing(new AppError('NETWORK', 'down')), 's');
    expect(net).toEqual({
      at: AT,
      outcome: 'error',
      credits: null,
      error: { code: 'NETWORK', message: 'down' },
      // Sent: a request that failed may still have reached the server.
      call: { sentAt: AT, answeredAt: AT },
    });
    const odd = await checkKey({ clock }, failing(new Error('avk_leak')), 's');
    expect(odd.error).toMatchObject({ code: 'INTERNAL' });
    expect(JSON.stringify(odd)).not.toContain('avk_leak');
  });

  it('records a secret missing from the keychain as a failure, but throws keychain trouble', async () => {
    const missing = await checkKey({ clock }, ok, async () => {
      throw new AppError('SECRET_MISSING', 'gone');
    });
    // Nothing was sent: no call of the key to note.
    expect(missing).toMatchObject({
      outcome: 'error',
      error: { code: 'SECRET_MISSING' },
      call: null,
    });
    for (const code of ['KEYCHAIN_DENIED', 'KEYCHAIN_UNAVAILABLE'] as const) {
      await expect(
        checkKey({ clock }, ok, async () => {
          throw new AppError(code, 'locked');
        }),
      ).rejects.toMatchObject({ code });
      await expect(
        checkKey({ clock }, failing(new AppError(code, 'x')), 's'),
      ).rejects.toMatchObject({ code });
    }
  });

  it("is what the rotation's evidence records, with the error's code only", async () => {
    expect(await checkKeyEvidence({ clock }, ok, 's')).toEqual({
      at: AT,
      outcome: 'ok',
      credits: { email: 5, phone: 2 },
      errorCode: null,
      sentAt: AT,
    });
    expect(await checkKeyEvidence({ clock }, failing(new AppError('TIMEOUT', 't')), 's')).toEqual({
      at: AT,
      outcome: 'error',
      credits: null,
      errorCode: 'TIMEOUT',
      sentAt: AT,
    });
  });
});
