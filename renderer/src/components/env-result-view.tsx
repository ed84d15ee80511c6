// What writing the .env file did, with the warnings people need to act on.
import { useEffect, useRef } from 'react';
import type { EnvWriteResult } from '../../../shared/views.ts';
import { modeText } from './env-warnings.tsx';

interface Props {
  result: EnvWriteResult;
  variable: string;
  /** The user asked for a private file: the write applied mode 0600. */
  madePrivate: boolean;
  onClose: () => void;
}

export function EnvResultView({ result: r, variable, madePrivate, onClose }: Props) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const what = r.created
    ? `Created ${r.path} with ${variable}.`
    : r.replaced > 0
      ? `Replaced ${variable} in ${r.path}.`
      : `Added ${variable} to ${r.path}.`;
  return (
    <div className="modal__body">
      <div role="status" className="proof">
        <p>
          <strong>Written.</strong> {what}
        </p>
        {madePrivate && <p>The file is now private (mode 600): only you can read it.</p>}
        {r.backup && (
          <p>
            Backup of the previous file: <code className="selectable">{r.backup}</code>
          </p>
        )}
      </div>
      {(r.gitTracked || r.readableByOthers !== null) && (
        <div role="alert" className="alert alert--warning">
          <ul>
            {r.gitTracked && (
              <li>
                Warning: this file is tracked by git. Remove it from the repository and add it to
                .gitignore, or the key ends up in a commit.
              </li>
            )}
            {r.readableByOthers !== null && (
              <li>
                Warning: other users on this computer can read this file (mode{' '}
                {modeText(r.readableByOthers)}). Restrict it, e.g. chmod 600.
              </li>
            )}
          </ul>
        </div>
      )}
      <div className="modal__actions">
        <button ref={ref} type="button" className="btn btn--primary" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
