// The renderer's one way out: window.apexKeys (the preload, in Electron) or, in the preview host,
// the same named functions over HTTP to its own origin. Callers cannot tell which they have.
import {
  CHANNELS,
  type ApexKeysApi,
  type Channel,
  type Result,
} from '../../../shared/ipc/contract.ts';

declare global {
  interface Window {
    apexKeys?: ApexKeysApi;
  }
}

const hostGone: Result<never> = {
  ok: false,
  error: {
    code: 'INTERNAL',
    message: 'The app host stopped answering. Restart the app; nothing was changed by this step.',
  },
};

/** The preview host serves the page at /<token>/ and its API at /<token>/api/<channel>. */
export function httpApi(base: string): ApexKeysApi {
  const call = async (channel: Channel, input: unknown): Promise<Result<unknown>> => {
    try {
      const res = await fetch(`${base}api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        cache: 'no-store',
      });
      if (!res.ok) return hostGone;
      return (await res.json()) as Result<unknown>;
    } catch {
      return hostGone;
    }
  };
  return Object.fromEntries(
    CHANNELS.map((c) => [c, (input: unknown) => call(c, input)]),
  ) as unknown as ApexKeysApi;
}

export function pickApi(): ApexKeysApi {
  if (window.apexKeys) return window.apexKeys;
  return httpApi(window.location.pathname.replace(/[^/]*$/, ''));
}
