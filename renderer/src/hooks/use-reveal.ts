// Reveal: the one place the renderer holds a secret. It lives in this hook's state only: never
// in the store, dropped on Hide, after 30 s, and when the component unmounts.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApi, useAppState } from '../state/context.ts';
import type { ErrorScope } from '../state/messages-slice.ts';

export const REVEAL_MS = 30_000;

export interface Reveal {
  secret: string | null;
  /** Epoch ms when it hides itself. */
  hidesAt: number;
  busy: boolean;
  reveal(): Promise<void>;
  hide(): void;
}

/** `pending`: the new key of `keyId`'s open rotation (keyId is the old key). */
export function useReveal(
  keyId: string,
  label: string,
  scope: ErrorScope,
  pending = false,
): Reveal {
  const api = useApi();
  const { failed, setError, bumpRevision } = useAppState(
    useShallow((s) => ({
      failed: s.failed,
      setError: s.setError,
      bumpRevision: s.bumpRevision,
    })),
  );
  const [shown, setShown] = useState<{ secret: string; hidesAt: number } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!shown) return;
    const t = setTimeout(() => setShown(null), Math.max(0, shown.hidesAt - Date.now()));
    return () => clearTimeout(t);
  }, [shown]);

  return {
    secret: shown?.secret ?? null,
    hidesAt: shown?.hidesAt ?? 0,
    busy,
    async reveal() {
      setBusy(true);
      setError(scope, null);
      const input = { id: keyId };
      const r = await (pending ? api.revealPendingKey(input) : api.revealKey(input));
      setBusy(false);
      bumpRevision();
      if (!r.ok) return failed(scope, `Revealing "${label}"`, r.error);
      setShown({ secret: r.value.secret, hidesAt: Date.now() + REVEAL_MS });
    },
    hide: () => setShown(null),
  };
}
