// Fake IPC invoke events for the sender check: a window's main frame, a sub-frame, a foreign
// origin, a window the app did not create, or a frame that is already gone.
import type { FrameLike, IpcEventLike } from '../../electron/main/sender-check.ts';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../electron/main/app-origin.ts';

let nextRoutingId = 1;

export function fakeFrame(
  opts: { url?: string; origin?: string; parent?: FrameLike | null; processId?: number } = {},
): FrameLike {
  return {
    url: opts.url ?? APP_ENTRY_URL,
    origin: opts.origin ?? APP_ORIGIN,
    parent: opts.parent ?? null,
    processId: opts.processId ?? 7,
    routingId: nextRoutingId++,
  };
}

/** A webContents with id `contentsId` whose main frame sent the message (unless overridden). */
export function fakeEvent(
  opts: {
    contentsId?: number;
    mainFrame?: FrameLike;
    senderFrame?: FrameLike | null;
  } = {},
): IpcEventLike {
  const mainFrame = opts.mainFrame ?? fakeFrame();
  return {
    sender: { id: opts.contentsId ?? 1, mainFrame },
    senderFrame: opts.senderFrame === undefined ? mainFrame : opts.senderFrame,
  };
}

/** The registry answer for "the app created webContents 1 only". */
export const ownsOnlyOne = (id: number): boolean => id === 1;
