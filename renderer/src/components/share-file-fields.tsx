// The two fields of a share file, as Share with a teammate… and a held key's rotation both ask
// for it: who can open it (their recipients) and where it is written.
import { Field } from './field.tsx';
import { FilePathField } from './file-path-field.tsx';

interface Props {
  recipients: string;
  onRecipients: (text: string) => void;
  path: string;
  onPath: (path: string) => void;
  problems: { to: string | null; file: string | null };
  shows: (field: 'to' | 'file') => boolean;
  /** Whose recipient to give, said in the Recipients hint. */
  recipientsHint: string;
  /** The system dialog's title and the name it offers. */
  chooserTitle: string;
  defaultName: string;
  /** The example path in the file's hint. */
  example: string;
}

export function ShareFileFields(p: Props) {
  return (
    <>
      <Field
        label="Recipients"
        value={p.recipients}
        onChange={p.onRecipients}
        multiline
        problem={p.problems.to}
        showProblem={p.shows('to')}
        hint={p.recipientsHint}
        autoFocus
      />
      <FilePathField
        label="Save to file"
        value={p.path}
        onChange={p.onPath}
        kind="save"
        title={p.chooserTitle}
        defaultName={p.defaultName}
        problem={p.problems.file}
        showProblem={p.shows('file')}
        hint={`A full path, such as ${p.example}; the file must not exist yet.`}
      />
    </>
  );
}
