// dispatch: the one path every call takes. Unknown channels and malformed inputs are refused
// before any handler runs, without echoing a value; handler failures come back as {code, message}
// without a stack; outputs are parsed, so nothing outside the contract (never a secret) leaves.
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../../../shared/errors.ts';
import {
  CHANNELS,
  contract,
  ROTATION_CHANNELS,
  resultSchema,
  type Channel,
} from '../../../../shared/ipc/contract.ts';
import { dispatch } from '../../../../electron/core/window-api/dispatch.ts';
import type { Handlers } from '../../../../electron/core/window-api/handlers.ts';
import { startAppRig, snapshotDir, validInputs, type AppRig } from '../../../helpers/app.ts';
import { fakeSecret } from '../../../helpers/cli.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';

const STACKISH = /\n\s*at |\.[cm]?[jt]s:\d+|node:internal|node_modules/;

/** Handlers that count their calls and otherwise do what `impl` says (default: must not run). */
function standIns(impl: Partial<Record<Channel, (input: unknown) => unknown>> = {}) {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    CHANNELS.map((c) => [
      c,
      async (input: unknown) => {
        calls.push(c);
        const fn = impl[c];
        if (!fn) throw new Error(`handler ${c} must not run`);
        return fn(input);
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

describe('dispatch with stand-in handlers', () => {
  it('refuses an unknown channel, whatever it is, without calling anything', async () => {
    const { handlers, calls } = standIns();
    const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'apexkeys:getStatus'];
    for (const name of [...names, 'getstatus', '', null, 42])
      expect(await dispatch(handlers, name, {})).toEqual({
        ok: false,
        error: { code: 'BAD_INPUT', message: 'Unknown request.' },
      });
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.anything(), async (name, input) => {
        fc.pre(!(typeof name === 'string' && (CHANNELS as string[]).includes(name)));
        const r = await dispatch(handlers, name, input);
        expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      }),
    );
    expect(calls).toEqual([]);
  });

  it('turns an unexpected error into INTERNAL: no message text, no stack', async () => {
    const secret = fakeSecret();
    const { handlers } = standIns({
      revealKey: () => {
        throw new TypeError(`cannot read ${secret} at /home/dev/apexkeys/electron/core/x.ts:12:3`);
      },
    });
    const r = await dispatch(handlers, 'revealKey', { id: 'key_1' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(r)).not.toContain(secret);
    expect(JSON.stringify(r)).not.toMatch(STACKISH);
  });

  it('passes a typed error through as {code, message, retryAfterSec, status}', async () => {
    const { handlers } = standIns({
      verifyKey: () => {
        throw new AppError('RATE_LIMITED', 'wait', { retryAfterSec: 7, status: 429 });
      },
    });
    expect(await dispatch(handlers, 'verifyKey', { id: 'k' })).toEqual({
      ok: false,
      error: { code: 'RATE_LIMITED', message: 'wait', retryAfterSec: 7, status: 429 },
    });
  });

  it('strips fields outside the output schema and refuses a value of the wrong shape', async () => {
    const secret = fakeSecret();
    const { handlers } = standIns({
      copyKey: () => ({ clearAfterSec: 30, copiedAt: 'now', secret }),
      listAccounts: () => [{ id: 'a', secret }],
    });
    expect(await dispatch(handlers, 'copyKey', { id: 'k' })).toEqual({
      ok: true,
      value: { clearAfterSec: 30, copiedAt: 'now' },
    });
    const bad = await dispatch(handlers, 'listAccounts', {});
    expect(bad).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(bad)).not.toContain(secret);
  });
});

describe('dispatch over the real handlers (fast-check, sandbox over HTTP)', () => {
  let rig: AppRig;
  let inputs: ReturnType<typeof validInputs>;
  let spied: ReturnType<typeof standIns>;
  const secret = fakeSecret();

  beforeAll(async () => {
    rig = await startAppRig('app-dispatch', { keys: ['ci', 'deploy'] });
    const envPath = join(makeTempDir('app-dispatch-env'), '.env');
    inputs = validInputs({
      keyId: rig.keyIds[1] as string,
      accountId: rig.accountId,
      label: 'deploy',
      envPath,
      // addAccount adds a second account on the rig's sandbox, which removeAccount then removes.
      baseUrl: rig.sandbox.url,
      accountSecret: rig.sandbox.issueKey('second-account').key,
    });
    // The real handlers behind a call counter: a refused input must never reach one.
    spied = standIns(
      Object.fromEntries(
        CHANNELS.map((c) => [
          c,
          (input: unknown) => (rig.handlers[c] as (i: unknown) => unknown)(input),
        ]),
      ),
    );
  });
  afterAll(async () => {
    await rig?.close();
  });

  /** One thing wrong with an otherwise valid input; the seeded secret rides along. */
  const nearMiss = (c: Channel): fc.Arbitrary<unknown> => {
    const valid = inputs[c] as Record<string, unknown>;
    const shape = (contract[c].input as z.ZodObject).shape as Record<string, z.ZodType>;
    const fields = Object.keys(shape);
    const required = fields.filter((k) => !shape[k]?.safeParse(undefined).success);
    const wrong = fc.oneof(
      fc.constant(secret),
      fc.constant(`${secret}${'x'.repeat(5000)}`),
      fc.constant([secret]),
      fc.constant({ value: secret }),
      fc.integer(),
      fc.constant(null),
    );
    const arbs: fc.Arbitrary<unknown>[] = [
      fc.constant({ ...valid, [secret]: 1 }),
      fc
        .string({ minLength: 1, maxLength: 12 })
        .filter((k) => !fields.includes(k))
        .map((k) => ({ ...valid, [k]: secret })),
      fc.constantFrom(secret, 7, true, [valid]),
    ];
    if (fields.length > 0)
      arbs.push(
        fc
          .tuple(fc.constantFrom(...fields), wrong)
          .filter(([k, v]) => !shape[k]?.safeParse(v).success)
          .map(([k, v]) => ({ ...valid, [k]: v })),
      );
    if (required.length > 0)
      arbs.push(
        fc.constantFrom(...required).map((k) => {
          const { [k]: _gone, ...rest } = valid;
          return rest;
        }),
      );
    return fc.oneof(...arbs);
  };

  const expectClean = (c: Channel, r: unknown) => {
    expect(resultSchema(z.unknown()).safeParse(r).success).toBe(true);
    const text = JSON.stringify(r);
    if (!(r as { ok: boolean }).ok) expect(text).not.toMatch(STACKISH);
    if (c !== 'revealKey' && c !== 'revealPendingKey')
      for (const s of rig.secrets()) expect(text).not.toContain(s);
  };

  it('refuses every near miss with BAD_INPUT, echoing no value, calling no handler, writing nothing', async () => {
    const before = snapshotDir(rig.core.dataDir);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CHANNELS).chain((c) => fc.tuple(fc.constant(c), nearMiss(c))),
        async ([c, input]) => {
          const r = await dispatch(spied.handlers, c, input);
          expect(r, `${c} ${JSON.stringify(input).slice(0, 80)}`).toMatchObject({
            ok: false,
            error: { code: 'BAD_INPUT' },
          });
          expect(JSON.stringify(r)).not.toContain(secret);
          expectClean(c, r);
          expect(spied.calls).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
    expect(snapshotDir(rig.core.dataDir)).toEqual(before);
  });

  it('answers any input at all on every channel with a Result, never a throw or a stack', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNELS), fc.anything(), async (c, input) => {
        const called = spied.calls.length;
        const r = await dispatch(spied.handlers, c, input);
        expectClean(c, r);
        if (!contract[c].input.safeParse(input ?? {}).success) {
          expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
          expect(spied.calls.length).toBe(called);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('gives no secret in any result but revealKey, on valid inputs for every channel', async () => {
    // Revoke last: it ends the key the others use. The rotation channels, whose own flows are
    // tested elsewhere, come after it and are refused; their answers must be clean all the same.
    const isRotation = (c: Channel) => ROTATION_CHANNELS.includes(c);
    const order = [
      ...CHANNELS.filter((c) => c !== 'revokeKey' && !isRotation(c)),
      'revokeKey' as const,
      ...CHANNELS.filter(isRotation),
    ];
    const outcomes: Record<string, string> = {};
    let jobId = '';
    let findJobId = '';
    let envCheck: unknown = null;
    for (const c of order) {
      const r = await rig.call(c, inputs[c]);
      outcomes[c] = r.ok ? 'ok' : r.error.code;
      if (c === 'startVerifyAll' && r.ok) jobId = (r.value as { jobId: string }).jobId;
      if (c === 'startFindCopies' && r.ok) findJobId = (r.value as { jobId: string }).jobId;
      if (c === 'checkEnvTarget' && r.ok) envCheck = r.value;
      // Remove the account just added, not the rig's: the channels after it still need that one.
      if (c === 'addAccount' && r.ok)
        inputs.removeAccount = { accountId: (r.value as { id: string }).id, confirmName: 'second' };
      expectClean(c, r);
      if (c === 'revealKey')
        expect(r).toEqual({
          ok: true,
          value: { secret: rig.core.vault.entries.get(inputs.revealKey.id) },
        });
    }
    // All really ran: the pasted key is not one the server knows, and no job has id "job-1".
    const refused = {
      captureKey: 'UNAUTHORIZED',
      // The key in the inputs is on this device already: there is nothing to capture.
      captureRemoteKey: 'REFUSED',
      getVerifyAll: 'BAD_INPUT',
      cancelVerifyAll: 'BAD_INPUT',
      getFindCopies: 'BAD_INPUT',
      cancelFindCopies: 'BAD_INPUT',
      // The file shareKey wrote is encrypted to another installation's recipient.
      receiveKey: 'REFUSED',
    };
    expect(outcomes).toEqual({
      ...Object.fromEntries(CHANNELS.map((c) => [c, isRotation(c) ? outcomes[c] : 'ok'])),
      ...refused,
    });
    // The check comes after the write (makePrivate): the file it made exists and is private.
    expect(envCheck).toEqual({ exists: true, gitTracked: false, readableByOthers: null });
    // Let the verify-all run and the search for copies end before the sandbox closes.
    const state = async () => (await rig.ok('getVerifyAll', { jobId })).state;
    await expect.poll(state, { timeout: 20_000 }).not.toBe('running');
    const found = async () => (await rig.ok('getFindCopies', { jobId: findJobId })).state;
    await expect.poll(found, { timeout: 20_000 }).toBe('done');
  });
});
