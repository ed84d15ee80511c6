// The only importer of ipcMain. Every contract channel is registered here, once, through one
// wrapper: sender check first, then dispatch (schema-parsed input, handler, parsed output).
import { ipcMain, type IpcMain } from 'electron';
import { toErrorInfo } from '../../shared/errors.ts';
import { CHANNELS, channelName, type Channel, type Result } from '../../shared/ipc/contract.ts';
import { dispatch } from '../core/window-api/dispatch.ts';
import type { Handlers } from '../core/window-api/handlers.ts';
import { senderAllowed, type IpcEventLike, type OwnsContents } from './sender-check.ts';

export type GuardedHandler = (event: IpcEventLike, input?: unknown) => Promise<Result<unknown>>;

const REFUSED: Result<never> = {
  ok: false,
  error: {
    code: 'REFUSED',
    message: "The request did not come from the app's own window, so it was refused.",
  },
};

// Marks the functions made by guard(), so a test can prove no channel bypasses it.
const guarded = new WeakSet<GuardedHandler>();
export const isGuarded = (fn: unknown): boolean =>
  typeof fn === 'function' && guarded.has(fn as GuardedHandler);

/** The one wrapper every channel goes through. It never throws: errors become typed results. */
export function guard(channel: Channel, handlers: Handlers, owns: OwnsContents): GuardedHandler {
  const fn: GuardedHandler = async (event, input) => {
    try {
      if (!senderAllowed(event, owns)) {
        console.warn(`[ipc] refused ${channel} from a frame outside the app's window`);
        return REFUSED;
      }
      return await dispatch(handlers, channel, input);
    } catch (e) {
      return { ok: false, error: toErrorInfo(e) };
    }
  };
  guarded.add(fn);
  return fn;
}

/** Registers every contract channel; returns a function that removes them again. */
export function registerIpc(
  handlers: Handlers,
  owns: OwnsContents,
  ipc: Pick<IpcMain, 'handle' | 'removeHandler'> = ipcMain,
): () => void {
  for (const channel of CHANNELS) ipc.handle(channelName(channel), guard(channel, handlers, owns));
  return () => {
    for (const channel of CHANNELS) ipc.removeHandler(channelName(channel));
  };
}
