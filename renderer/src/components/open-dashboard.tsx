// "Open dashboard": main opens the account's dashboard in the browser. Where it cannot (the
// preview host has no browser to drive), the address is shown for the user to open. Whatever
// goes beside the button (the paste field) is passed as children.
import { useState, type ReactNode } from 'react';
import type { AccountView } from '../../../shared/views.ts';
import { useApi } from '../state/context.ts';

interface Props {
  account: AccountView;
  children?: ReactNode;
}

export function OpenDashboard({ account, children }: Props) {
  const api = useApi();
  const [shown, setShown] = useState<{ opened: boolean; url: string } | null>(null);
  const open = async () => {
    const r = await api.openDashboard({ accountId: account.id });
    // A refusal still leaves the address to open by hand.
    setShown(r.ok ? r.value : { opened: false, url: account.dashboardUrl });
  };
  return (
    <>
      <div className="capture__row">
        <button type="button" className="btn btn--default" onClick={() => void open()}>
          Open dashboard
        </button>
        {children}
      </div>
      {shown && (
        <p className="field__hint" role="status">
          {shown.opened ? 'Opened in your browser: ' : 'Open this address in your browser: '}
          <code className="selectable">{shown.url}</code> (Settings → API Keys).
        </p>
      )}
    </>
  );
}
