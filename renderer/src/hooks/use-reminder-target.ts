// A clicked reminder notification (Electron only) leaves its target in main and focuses the
// window; the window takes it at start and on every focus: the one due key opens, or the list
// shows the keys due for rotation.
import { useEffect } from 'react';
import { useApi, useAppState } from '../state/context.ts';

export function useReminderTarget(): void {
  const api = useApi();
  const openKey = useAppState((s) => s.openKey);
  const setStatusFilter = useAppState((s) => s.setStatusFilter);
  useEffect(() => {
    let live = true;
    const take = async () => {
      const r = await api.takeReminderTarget({});
      // No target, or a host without notifications: nothing to do, and nothing worth showing.
      if (!live || !r.ok || r.value === null) return;
      if (r.value.show === 'key') openKey(r.value.keyId);
      else setStatusFilter('due');
    };
    void take();
    const onFocus = () => void take();
    window.addEventListener('focus', onFocus);
    return () => {
      live = false;
      window.removeEventListener('focus', onFocus);
    };
  }, [api, openKey, setStatusFilter]);
}
