// The account a new key belongs to, with what its mode means. Option text is the account name.
import { useId } from 'react';
import type { AccountView } from '../../../shared/views.ts';

interface Props {
  accounts: AccountView[];
  value: string;
  onChange: (id: string) => void;
}

function hintFor(a: AccountView | undefined): string {
  if (!a) return 'Add an account first: Accounts, then Add account.';
  const mode =
    a.mode === 'api'
      ? 'API mode: the app creates the key on ApexVerify.'
      : 'Dashboard mode: create the key in the ApexVerify dashboard, then paste it here; it is verified before it is stored.';
  // isSandbox means "a server on this machine"; only the one the app adds itself (named
  // "sandbox", electron/hosts/sandbox-account.ts) is the built-in sandbox.
  if (!a.isSandbox) return mode;
  return a.name === 'sandbox'
    ? `${mode} This is the built-in sandbox, a local ApexVerify-compatible server: nothing reaches ApexVerify.`
    : `${mode} Its server runs on this machine (${new URL(a.baseUrl).host}).`;
}

export function AccountSelect({ accounts, value, onChange }: Props) {
  const id = useId();
  const account = accounts.find((a) => a.id === value);
  return (
    <div className="field">
      <label htmlFor={id}>Account</label>
      <select
        id={id}
        className="input"
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
      >
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="field__hint">
        {hintFor(account)}
      </p>
    </div>
  );
}
