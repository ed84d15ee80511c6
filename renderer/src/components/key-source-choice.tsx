// API mode in "New key": generate a key on ApexVerify, or paste one that already exists there
// (verified, then linked to its remote key by proof, as `apexkeys key import` does).
import { useId } from 'react';
import { Field } from './field.tsx';

interface Props {
  how: 'generate' | 'paste';
  onChange: (how: 'generate' | 'paste') => void;
  secret: string;
  onSecret: (secret: string) => void;
  problem: string | null;
  showProblem: boolean;
}

export function KeySourceChoice({ how, onChange, secret, onSecret, problem, showProblem }: Props) {
  const name = useId();
  return (
    <fieldset className="capture">
      <legend>Key</legend>
      <label className="key-source__option">
        <input
          type="radio"
          name={name}
          checked={how === 'generate'}
          onChange={() => onChange('generate')}
        />
        Generate a new key
      </label>
      <label className="key-source__option">
        <input
          type="radio"
          name={name}
          checked={how === 'paste'}
          onChange={() => onChange('paste')}
        />
        Paste an existing key
      </label>
      {how === 'paste' && (
        <Field
          label="Paste the existing key"
          type="password"
          value={secret}
          onChange={onSecret}
          problem={problem}
          showProblem={showProblem}
          hint="ApexVerify checks it first; then it goes straight to the OS keychain."
        />
      )}
    </fieldset>
  );
}
