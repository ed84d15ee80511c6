// The only importer of ipcRenderer. Exposes window.apexKeys: one named function per contract
// channel, each forwarding its one argument to that channel. Never ipcRenderer itself, never a
// generic invoke. Sandboxed, so electron-vite bundles this (with the contract) into one CJS file.
import { contextBridge, ipcRenderer } from 'electron';
import {
  CHANNELS,
  channelName,
  type ApexKeysApi,
  type Channel,
  type Result,
} from '../../shared/ipc/contract.ts';

const unreachable: Result<never> = {
  ok: false,
  error: {
    code: 'INTERNAL',
    message: 'The app did not answer this request. Restart the app; nothing was changed.',
  },
};

const call = (channel: Channel) => async (input: unknown) => {
  try {
    return (await ipcRenderer.invoke(channelName(channel), input)) as Result<unknown>;
  } catch {
    // Main never rejects (its wrapper turns errors into results); a rejection means IPC broke.
    return unreachable;
  }
};

// Built from the contract at load time; the casts cannot widen it, since each key is a channel.
const api = Object.freeze(
  Object.fromEntries(CHANNELS.map((c) => [c, call(c)])),
) as unknown as ApexKeysApi;

contextBridge.exposeInMainWorld('apexKeys', api);
