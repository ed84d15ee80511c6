// IPC registration against a fake ipcMain (SECURITY.md item 17): every contract channel has
// exactly one handler, all made by the one wrapper, which checks the sender before dispatch and
// turns every failure into a typed {code, message} with no stack.
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/errors.ts';
import { CHANNELS, channelName, type Channel } from '../../../shared/ipc/contract.ts';
import type { Handlers } from '../../../electron/core/window-api/handlers.ts';
import { isGuarded, registerIpc } from '../../../electron/main/ipc.ts';
import { electronFake } from '../../helpers/fake-electron.ts';
import { fakeEvent, fakeFrame, ownsOnlyOne } from '../../helpers/fake-electron-events.ts';

vi.mock('electron', async () => (await import('../../helpers/fake-electron.ts')).electronFake);

const SECRET = 'avk_live_0123456789abcdef0123456789abcdef';

function fakeHandlers(): Handlers & Record<Channel, ReturnType<typeof vi.fn>> {
  const entries = CHANNELS.map((c) => [
    c,
    vi.fn(async () => {
      throw new Error(`unexpected call to ${c}`);
    }),
  ]);
  // One vi.fn per channel; the Handlers type is per-channel, which a mapped literal cannot say.
  return Object.fromEntries(entries) as unknown as Handlers &
    Record<Channel, ReturnType<typeof vi.fn>>;
}

const { ipcMain, state } = electronFake;
const registered = (c: Channel) => {
  const fn = state.handled.get(channelName(c));
  if (!fn) throw new Error(`${c} is not registered`);
  return fn as (event: unknown, input?: unknown) => Promise<unknown>;
};

let handlers: ReturnType<typeof fakeHandlers>;

beforeEach(() => {
  // The wrapper logs each refusal; the tests below provoke hundreds of them.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  state.handled.clear();
  state.handleCalls.length = 0;
  ipcMain.handle.mockClear();
  handlers = fakeHandlers();
  registerIpc(handlers, ownsOnlyOne);
});

describe('registration', () => {
  it('registers every contract channel exactly once on the real ipcMain, and nothing else', () => {
    expect([...state.handleCalls].sort()).toEqual(CHANNELS.map(channelName).sort());
    expect(new Set(state.handleCalls).size).toBe(state.handleCalls.length);
  });

  it('registers only functions made by the one wrapper', () => {
    for (const fn of state.handled.values()) expect(isGuarded(fn)).toBe(true);
    expect(isGuarded(async () => ({ ok: true, value: null }))).toBe(false);
  });

  it('removes every handler again', () => {
    const unregister = registerIpc(handlers, ownsOnlyOne);
    unregister();
    expect(state.handled.size).toBe(0);
  });
});

describe('the wrapper', () => {
  it('calls the handler with the schema-parsed input for an accepted sender', async () => {
    handlers.listKeys.mockResolvedValue([]);
    const result = await registered('listKeys')(fakeEvent(), { includeRevoked: false });
    expect(result).toEqual({ ok: true, value: [] });
    expect(handlers.listKeys).toHaveBeenCalledWith({ includeRevoked: false });
  });

  it.each(CHANNELS)('refuses %s from a foreign sender before looking at the input', async (c) => {
    const foreign = fakeEvent({
      mainFrame: fakeFrame({ origin: 'https://evil.example', url: 'https://evil.example/' }),
    });
    for (const event of [foreign, fakeEvent({ senderFrame: null }), fakeEvent({ contentsId: 9 })]) {
      // Malformed input too: a refusal, not BAD_INPUT, shows the sender check ran first.
      const result = await registered(c)(event, { nonsense: true });
      expect(result).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    }
    expect(handlers[c]).not.toHaveBeenCalled();
  });

  it('answers malformed input from the app with BAD_INPUT, without calling the handler', async () => {
    const result = await registered('revokeKey')(fakeEvent(), { id: 42, confirmLabel: SECRET });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(handlers.revokeKey).not.toHaveBeenCalled();
  });

  it('turns a thrown error into {code, message}: no stack, no secret', async () => {
    handlers.verifyKey.mockRejectedValue(new Error(`keytar said ${SECRET} at /home/u/x.js:1`));
    const result = await registered('verifyKey')(fakeEvent(), { id: 'k1' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: expect.any(String) },
    });
    expect(JSON.stringify(result)).not.toMatch(new RegExp(`${SECRET}|stack|\\.js:`));
  });

  it('keeps the code of an AppError', async () => {
    handlers.verifyKey.mockRejectedValue(new AppError('UNKNOWN_KEY', 'No key "k1".'));
    const result = await registered('verifyKey')(fakeEvent(), { id: 'k1' });
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_KEY', message: 'No key "k1".' } });
  });

  it('never throws, even for an event that throws when read', async () => {
    const hostile = {
      get sender(): never {
        throw new Error(SECRET);
      },
      senderFrame: fakeFrame(),
    };
    const result = await registered('getStatus')(hostile, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it('answers any input on any channel with a typed result, never a throw (property)', async () => {
    for (const c of CHANNELS) handlers[c].mockRejectedValue(new Error(SECRET));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNELS), fc.anything(), async (c, input) => {
        const result = (await registered(c)(fakeEvent(), input)) as {
          ok: boolean;
          error?: { code: string; message: string };
        };
        expect(result.ok).toBe(false);
        expect(Object.keys(result.error ?? {}).sort()).toEqual(['code', 'message']);
        expect(JSON.stringify(result)).not.toContain(SECRET);
      }),
      { numRuns: 300 },
    );
  });
});
