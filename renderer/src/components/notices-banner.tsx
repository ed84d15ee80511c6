// One-time notices from opening the store (for example, a repaired file).
import { useShallow } from 'zustand/react/shallow';
import { useAppState } from '../state/context.ts';

export function NoticesBanner() {
  const { notices, dismiss } = useAppState(
    useShallow((s) => ({ notices: s.notices, dismiss: s.dismissNotices })),
  );
  if (notices.length === 0) return null;
  return (
    <div role="group" className="banner banner--notice" aria-label="Notices">
      <ul>
        {notices.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
      <button type="button" className="btn btn--quiet" onClick={dismiss}>
        Dismiss notices
      </button>
    </div>
  );
}
