// The form machinery the file dialogs share (Back up, Restore, Export inventory, Share, Receive):
// the dialog's error place and pending flag in the store, whether the user has tried to submit
// (every problem shows from then on), the refusals main places at a field, and the answer once it
// came. Each dialog states only its fields, its call and its result. What the call carries (a
// passphrase) stays in the dialog's own state: only the answer passes through here.
import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ErrorInfo } from '../../../shared/errors.ts';
import type { Result } from '../../../shared/ipc/contract.ts';
import { useAppState } from '../state/context.ts';
import type { ErrorScope } from '../state/messages-slice.ts';
import { useFieldRefusals } from './use-field-refusals.ts';
import { usePending } from './use-selectors.ts';

type Refused<F extends string> = Partial<Record<F, string>>;
/** A form's problems by field; null (or nothing): that field is fine. */
export type Problems = Record<string, string | null | undefined>;

/** The usual placing: a refusal naming one of these fields is shown at that field. */
export const atFields =
  <F extends string>(...fields: F[]) =>
  (e: ErrorInfo): Refused<F> | null =>
    fields.some((f) => f === e.field) ? ({ [e.field as F]: e.message } as Refused<F>) : null;

interface Options<F extends string, T> {
  scope: ErrorScope;
  /** The pending flag's name when it is not the scope's (one per key: "share:<id>"). */
  pending?: string;
  /** What failed, as the error alert says it: "Backing up". */
  what: string;
  call: () => Promise<Result<T>>;
  /** Runs before the flag goes off, so what it loads shows before the result does. */
  onOk?: (value: T) => unknown;
  /** Which field a refusal is about; null: it is said in the alert. */
  placeRefusal: (e: ErrorInfo) => Refused<F> | null;
}

export function useDialogAction<F extends string, T>(o: Options<F, T>) {
  const s = useAppState(
    useShallow((st) => ({
      close: st.closeDialog,
      error: st.errors[o.scope],
      failed: st.failed,
      setError: st.setError,
      setPending: st.setPending,
    })),
  );
  const pendingName = o.pending ?? o.scope;
  const busy = usePending(pendingName);
  const [tried, setTried] = useState(false);
  const { refused, setRefused, edit } = useFieldRefusals<F>();
  const [done, setDone] = useState<T | null>(null);

  /** Sends the form unless it is busy or any of the problems given is there. */
  const submit = async (e: FormEvent, problems: Problems) => {
    e.preventDefault();
    setTried(true);
    if (busy || Object.values(problems).some(Boolean)) return;
    s.setError(o.scope, null);
    s.setPending(pendingName, true);
    const r = await o.call();
    if (r.ok) await o.onOk?.(r.value);
    s.setPending(pendingName, false);
    if (r.ok) return setDone(r.value);
    const at = o.placeRefusal(r.error);
    if (at) setRefused(at);
    else s.failed(o.scope, o.what, r.error);
  };

  return {
    close: s.close,
    error: s.error,
    busy,
    tried,
    refused,
    edit,
    done,
    submit,
    /** Whether a field's problem shows: after the first try, or once main refused it. */
    shows: (f: F) => tried || refused[f] !== undefined,
  };
}
