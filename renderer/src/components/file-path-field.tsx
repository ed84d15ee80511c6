// A file the user names for a hand-off: in Electron the system's chooser (Choose…) fills it; the
// preview host has none (chooseFiles answers supported: false), and the path is typed instead.
// The typed field stays available either way, so a path can be pasted.
import { useState } from 'react';
import { useApi, useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';
import { Field } from './field.tsx';

interface Props {
  label: string;
  value: string;
  onChange: (path: string) => void;
  kind: 'open' | 'save';
  /** The system dialog's title. */
  title: string;
  defaultName?: string;
  /** The file types the system dialog offers first. */
  filter?: { name: string; extensions: string[] };
  problem: string | null;
  showProblem: boolean;
  hint: string;
  autoFocus?: boolean;
}

export function FilePathField(p: Props) {
  const api = useApi();
  const electron = useAppState((s) => s.status?.transport === 'electron');
  const [chooserGone, setChooserGone] = useState(false);
  const choose = async () => {
    const r = await api.chooseFiles({
      kind: p.kind,
      title: p.title,
      ...(p.defaultName !== undefined ? { defaultName: p.defaultName } : {}),
      ...(p.filter !== undefined ? { filter: p.filter } : {}),
    });
    if (r.ok && !r.value.supported) setChooserGone(true);
    const chosen = r.ok ? r.value.paths[0] : undefined;
    if (chosen !== undefined) p.onChange(chosen);
  };
  return (
    <>
      <Field
        label={p.label}
        value={p.value}
        onChange={p.onChange}
        problem={p.problem}
        showProblem={p.showProblem}
        hint={p.hint}
        autoFocus={p.autoFocus}
      />
      {electron && !chooserGone && (
        <div className="button-row">
          <ActionButton onClick={() => void choose()}>Choose…</ActionButton>
        </div>
      )}
    </>
  );
}
