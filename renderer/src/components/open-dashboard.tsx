// "Open dashboard": main opens the account's dashboard in the browser; where it cannot (the
// preview host), the address is shown for the user to open.
import { useState } from 'react';
import { useApi, useAppStore } from '../store/context.ts';
import type { ErrorScope } from '../store/messages-slice.ts';

export function OpenDashboard({ accountId, scope }: { accountId: string; scope: ErrorScope }) {
  const api = useApi();
  const failed = useAppStore((s) => s.failed);
  const [shown, setShown] = useState<{ opened: boolean; url: string } | null>(null);
  const open = async () => {
    const r = await api.openDashboard({ accountId });
    if (r.ok) setShown(r.value);
    else failed(scope, 'Opening the dashboard', r.error);
  };
  return (
    <div className="open-dashboard">
      <button type="button" className="btn btn--default" onClick={() => void open()}>
        Open dashboard
      </button>
      {shown && (
        <p className="field__hint" role="status">
          {shown.opened ? 'Opened in your browser: ' : 'Open this address in your browser: '}
          <code className="selectable">{shown.url}</code>
        </p>
      )}
    </div>
  );
}
