// A labelled text field that shows its problem as you type (aria-invalid, aria-describedby).
import { useId, useState, type HTMLAttributes } from 'react';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The rule the value breaks, or null. Shown once the field has been edited. */
  problem?: string | null;
  hint?: string;
  multiline?: boolean;
  list?: string;
  type?: 'text' | 'password';
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  autoFocus?: boolean;
  placeholder?: string;
  /** Show the problem even before the user typed (after a failed submit). */
  showProblem?: boolean | undefined;
}

export function Field(p: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const [edited, setEdited] = useState(false);
  const problem = p.problem && (p.showProblem || edited) ? p.problem : null;
  const change = (value: string) => {
    setEdited(true);
    p.onChange(value);
  };
  const describedBy = [problem ? problemId : null, p.hint ? hintId : null]
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    value: p.value,
    className: 'input',
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': describedBy || undefined,
    'data-autofocus': p.autoFocus ? '' : undefined,
    spellCheck: false,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{p.label}</label>
      {p.multiline ? (
        <textarea {...common} rows={3} onChange={(e) => change(e.target.value)} />
      ) : (
        <input
          {...common}
          type={p.type ?? 'text'}
          list={p.list}
          inputMode={p.inputMode}
          placeholder={p.placeholder}
          autoComplete="off"
          onChange={(e) => change(e.target.value)}
        />
      )}
      {problem && (
        <p id={problemId} className="field__problem">
          {problem}
        </p>
      )}
      {p.hint && (
        <p id={hintId} className="field__hint">
          {p.hint}
        </p>
      )}
    </div>
  );
}
