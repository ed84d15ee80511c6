// The window sees outside changes: a loop on the contract's long poll (waitForChange) that, when
// the data folder changed (the CLI or another window; main absorbs this window's own writes), reloads the
// keys, accounts, rotations and settings in place. The reload goes through the slices' own load
// functions, which leave the selection (held by key id), the open dialog and the filters alone.
// The renderer never looks at the disk itself.
import type { GetState, SetState, SliceCreator } from './types.ts';
import type { ApexKeysApi } from '../../../shared/ipc/contract.ts';

export interface LiveSlice {
  /** The host's change revision the window last caught up with (0 at start). */
  liveRevision: number;
  /** Starts the loop (once per mount); returns what stops it. */
  startLive(opts?: LiveOptions): () => void;
}

export interface LiveOptions {
  /** After an error answer, how long to wait before asking again (unless the window gets focus). */
  retryMs?: number;
}

const RETRY_MS = 3000;

/** The settings slice's load, where it has one (another slice owns it): skipped when absent. */
function settingsLoad(get: GetState): (() => Promise<void>) | null {
  const load = (get() as { loadSettings?: unknown }).loadSettings;
  return typeof load === 'function' ? (load as () => Promise<void>) : null;
}

/**
 * Reloads in place. The list only once it was loaded (not behind a locked keychain's screen);
 * the status quietly, for what it carries of the settings (the clipboard's seconds), with no
 * new notices and no change of phase.
 */
async function refresh(set: SetState, get: GetState, api: ApexKeysApi): Promise<void> {
  const loadSettings = settingsLoad(get);
  const status = async () => {
    const r = await api.getStatus({});
    if (r.ok) set({ status: r.value });
  };
  await Promise.all([
    get().keysLoaded ? get().loadKeys() : Promise.resolve(),
    loadSettings ? loadSettings() : Promise.resolve(),
    status(),
  ]);
}

/** Resolves after `ms`, on window focus, or on stop, whichever comes first; leaves nothing behind. */
function pause(ms: number, stopped: Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      globalThis.removeEventListener?.('focus', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    globalThis.addEventListener?.('focus', done);
    void stopped.then(done);
  });
}

function runLoop(set: SetState, get: GetState, api: ApexKeysApi, opts: LiveOptions) {
  let stop: () => void = () => undefined;
  const stoppedSignal = new Promise<void>((resolve) => (stop = resolve));
  let stopped = false;
  void (async () => {
    while (!stopped) {
      const r = await api.waitForChange({ since: get().liveRevision });
      if (stopped) return;
      if (!r.ok) {
        // The host is busy or gone: ask again later, quietly (the window's other calls show
        // their own errors).
        await pause(opts.retryMs ?? RETRY_MS, stoppedSignal);
        continue;
      }
      if (!r.value.changed) continue;
      // The revision is taken before the reload: a change during it makes the next wait answer
      // at once, so the last change is never missed.
      set({ liveRevision: r.value.revision });
      await refresh(set, get, api);
    }
  })();
  return () => {
    stopped = true;
    stop();
  };
}

export const createLiveSlice: SliceCreator<LiveSlice> = (set, get, api) => ({
  liveRevision: 0,
  startLive: (opts = {}) => runLoop(set, get, api, opts),
});
