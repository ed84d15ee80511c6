// A form's refusals from main, each shown at the field it concerns (ErrorInfo.field) until the
// user edits any field: the refusal was about the values sent, which an edit changes.
import { useState } from 'react';

export function useFieldRefusals<F extends string>() {
  const [refused, setRefused] = useState<Partial<Record<F, string>>>({});
  /** Wraps a field's setter so an edit clears the refusals. */
  const edit =
    <T>(set: (v: T) => void) =>
    (v: T) => {
      setRefused({});
      set(v);
    };
  return { refused, setRefused, edit };
}
