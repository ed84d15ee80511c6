// Who may call the IPC API: the main frame of a window this app created, showing the app's own
// origin. Pure, and typed structurally, so tests drive it with plain fake events.
import { APP_ORIGIN, parseAppUrl } from './app-origin.ts';

export interface FrameLike {
  readonly url: string;
  readonly origin: string;
  readonly parent: FrameLike | null;
  readonly processId: number;
  readonly routingId: number;
}

export interface IpcEventLike {
  readonly sender: { readonly id: number; readonly mainFrame: FrameLike };
  readonly senderFrame: FrameLike | null;
}

/** Answers whether the webContents with this id belongs to a window the app created. */
export type OwnsContents = (webContentsId: number) => boolean;

// Two WebFrameMain objects for one frame share processId and routingId (Electron's docs), so
// those, not object identity, say whether the sender is the main frame.
const sameFrame = (a: FrameLike, b: FrameLike) =>
  a.processId === b.processId && a.routingId === b.routingId;

export function senderAllowed(event: IpcEventLike, ownsContents: OwnsContents): boolean {
  const frame = event.senderFrame;
  // Null once the frame navigated away or was destroyed: nobody left to answer to.
  if (!frame) return false;
  if (frame.parent !== null || !sameFrame(frame, event.sender.mainFrame)) return false;
  if (!ownsContents(event.sender.id)) return false;
  return frame.origin === APP_ORIGIN && parseAppUrl(frame.url) !== null;
}
