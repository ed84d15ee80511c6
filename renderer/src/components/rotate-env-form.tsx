// "Replace in .env files…": the files the user names (absolute paths, one per line); only those
// are read, and only a variable holding exactly the old key's value changes. The deploy step then
// lists, per file, what happened (with Replace in all's files).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useRotationBusy } from '../hooks/use-rotation.ts';
import { useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';
import { Field } from './field.tsx';

const ABSOLUTE = /^(\/|[A-Za-z]:[\\/]|\\\\)/;

export function filesProblem(lines: string[]): string | null {
  if (lines.length === 0) return 'Name at least one .env file.';
  if (lines.length > 20) return 'Name at most 20 files at a time.';
  const relative = lines.find((l) => !ABSOLUTE.test(l));
  return relative ? `Give full paths, not relative ones: “${relative}”.` : null;
}

export function RotateEnvForm({ keyId }: { keyId: string }) {
  const replace = useAppState((s) => s.replaceInEnvFiles);
  const busy = useRotationBusy(keyId);
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const [round, setRound] = useState(0);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => ref.current?.querySelector('textarea')?.focus(), []);
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const problem = filesProblem(lines);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problem || busy) return;
    // Done: the field empties for the next files, and an empty field is no mistake until the
    // user submits it again (a new field: it forgets it was edited).
    if (await replace(keyId, lines)) {
      setText('');
      setTried(false);
      setRound((r) => r + 1);
    }
  };

  return (
    <form
      ref={ref}
      className="capture"
      onSubmit={submit}
      noValidate
      aria-label="Replace in .env files"
    >
      <Field
        key={round}
        label=".env files (full paths, one per line)"
        multiline
        value={text}
        onChange={setText}
        problem={problem}
        showProblem={tried}
        hint="Only these files are read. A line changes only where it holds exactly the old key; the previous file is kept as FILE.bak."
      />
      <div className="button-row">
        <ActionButton type="submit" busy={busy}>
          Replace
        </ActionButton>
      </div>
    </form>
  );
}
