// The filters hide every key.
import { useAppStore } from '../store/context.ts';

export function NoMatches() {
  const clear = useAppStore((s) => s.clearFilters);
  return (
    <div className="empty empty--small">
      <p>No keys match the filters.</p>
      <button type="button" className="btn btn--default" onClick={clear}>
        Clear filters
      </button>
    </div>
  );
}
