// What the .env replacement did, per file: changed (which variables, the backup) or untouched,
// and a warning for each file git tracks.
import type { EnvFileEvidence } from '../../../shared/rotation.ts';

interface Props {
  files: EnvFileEvidence[];
  /** Alert about git-tracked files (once, where the replacement was made). */
  warn?: boolean;
}

export function EnvFileList({ files, warn = true }: Props) {
  const tracked = warn ? files.filter((f) => f.gitTracked) : [];
  return (
    <>
      <ul className="env-files" aria-label=".env files">
        {files.map((f, i) => (
          <li key={`${f.path}-${i}`}>
            <code className="selectable">{f.path}</code>:{' '}
            {f.changed ? (
              <>
                <strong>changed</strong> ({f.variables.join(', ')})
                {f.backup && (
                  <>
                    , backup <code className="selectable">{f.backup}</code>
                  </>
                )}
              </>
            ) : (
              'not changed: no variable held the old key'
            )}
            {f.gitTracked && ', tracked by git'}
          </li>
        ))}
      </ul>
      {tracked.length > 0 && (
        <p role="alert" className="alert alert--warning">
          Warning: {tracked.map((f) => f.path).join(', ')} {tracked.length === 1 ? 'is' : 'are'}{' '}
          tracked by git. The new key ends up in a commit unless the file leaves the repository (and
          goes into .gitignore).
        </p>
      )}
    </>
  );
}
