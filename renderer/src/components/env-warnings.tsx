// What writing the key into this .env file would risk, shown BEFORE the secret is written (from
// checkEnvTarget): tracked by git, readable by other users, with the offer to make it private.
import type { EnvTargetCheck } from '../../../shared/ipc/env-channels.ts';
import { SettingsCheckbox } from './settings-choices.tsx';

/** A file mode as chmod writes it: 644. */
export const modeText = (mode: number): string => (mode & 0o777).toString(8).padStart(3, '0');

/** True when the check found something the user should hear before the key is written. */
export const hasWarning = (c: EnvTargetCheck): boolean =>
  c.gitTracked || c.readableByOthers !== null;

interface Props {
  check: EnvTargetCheck;
  makePrivate: boolean;
  onMakePrivate: (on: boolean) => void;
}

export function EnvWarnings({ check, makePrivate, onMakePrivate }: Props) {
  return (
    <>
      <div role="alert" className="alert alert--warning">
        <div className="alert__body">
          <p className="alert__title">Before the key is written:</p>
          <ul>
            {check.gitTracked && (
              <li>
                This file is tracked by git: the key would end up in the next commit of it. Remove
                the file from the repository and add it to .gitignore, or write anyway.
              </li>
            )}
            {check.readableByOthers !== null && (
              <li>
                Other users on this computer can read this file (mode{' '}
                {modeText(check.readableByOthers)}), and so they could read the key.
              </li>
            )}
          </ul>
          <p>Nothing has been written yet.</p>
        </div>
      </div>
      {check.readableByOthers !== null && (
        <SettingsCheckbox
          id="env-make-private"
          label="Make the file private (0600)"
          checked={makePrivate}
          onChange={onMakePrivate}
        />
      )}
    </>
  );
}
