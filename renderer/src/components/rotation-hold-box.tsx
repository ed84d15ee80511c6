// A refusal that names files, and the second confirmation it asks for: what was not done and
// why, one line per file, what the user can do instead, and a checkbox to go ahead anyway (the
// step's own button then calls again with the override).
import type { ReactNode } from 'react';
import type { HeldFile } from '../state/rotation-hold.ts';
import { SettingsCheckbox } from './settings-choices.tsx';

interface Props {
  id: string;
  /** What was not done, in a sentence (read out when it appears). */
  title: ReactNode;
  files: HeldFile[];
  listLabel: string;
  confirmLabel: string;
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
  /** What to do instead: a sentence and its buttons. */
  children?: ReactNode;
}

function fileLine(f: HeldFile): ReactNode {
  return (
    <>
      <code className="selectable">{f.path}</code>
      {f.variable && (
        <>
          {' '}
          <span className="mono">{f.variable}</span>
        </>
      )}
      {f.reason && <>: not restored ({f.reason})</>}
    </>
  );
}

export function RotationHoldBox(p: Props) {
  return (
    <div role="group" className="warning-box hold" aria-labelledby={`${p.id}-title`}>
      <p id={`${p.id}-title`} role="alert">
        {p.title}
      </p>
      {p.files.length > 0 && (
        <ul className="places" aria-label={p.listLabel}>
          {p.files.map((f) => (
            <li key={`${f.path}\n${f.variable ?? ''}`}>{fileLine(f)}</li>
          ))}
        </ul>
      )}
      {p.children}
      <SettingsCheckbox
        id={`${p.id}-confirm`}
        label={p.confirmLabel}
        checked={p.confirmed}
        onChange={p.onConfirm}
      />
    </div>
  );
}
