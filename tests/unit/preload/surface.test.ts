// The preload's surface (SECURITY.md item 20): exactly one exposure, window.apexKeys, a frozen
// plain object of functions whose names are the contract's channels, each forwarding to its own
// channel. Never ipcRenderer, never a generic invoke.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, channelName } from '../../../shared/ipc/contract.ts';
import { electronFake } from '../../helpers/fake-electron.ts';

vi.mock('electron', async () => (await import('../../helpers/fake-electron.ts')).electronFake);

const { contextBridge, ipcRenderer, state } = electronFake;

beforeAll(async () => {
  await import('../../../electron/preload/index.ts');
});

const exposedApi = () => state.exposed[0]?.api as Record<string, unknown>;

describe('preload', () => {
  it('exposes exactly one thing, named apexKeys', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(state.exposed.map((e) => e.key)).toEqual(['apexKeys']);
  });

  it('exposes a frozen plain object of functions whose keys are exactly the channels', () => {
    const api = exposedApi();
    expect(Object.getPrototypeOf(api)).toBe(Object.prototype);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Reflect.ownKeys(api).sort()).toEqual([...CHANNELS].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('never exposes ipcRenderer, its methods, or a generic invoke', () => {
    const api = exposedApi();
    for (const value of Object.values(api)) {
      expect(value).not.toBe(ipcRenderer);
      expect(value).not.toBe(ipcRenderer.invoke);
    }
    for (const name of ['invoke', 'send', 'on', 'ipcRenderer', 'sendSync'])
      expect(name in api).toBe(false);
  });

  it.each(CHANNELS)('%s invokes its own channel with the one argument it was given', async (c) => {
    ipcRenderer.invoke.mockClear();
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: c });
    const input = { probe: c };
    const fn = exposedApi()[c] as (input: unknown, ...extra: unknown[]) => Promise<unknown>;
    await expect(fn(input, 'extra', 'args')).resolves.toEqual({ ok: true, value: c });
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(channelName(c), input);
  });

  it('answers a broken IPC link with a typed error, not a rejection', async () => {
    ipcRenderer.invoke.mockRejectedValueOnce(new Error('Error invoking remote method: boom'));
    const fn = exposedApi().listKeys as (input: unknown) => Promise<unknown>;
    await expect(fn({})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
