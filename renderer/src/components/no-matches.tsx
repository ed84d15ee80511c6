// The filters hide every key.
import { useAppState } from '../state/context.ts';

export function NoMatches() {
  const clear = useAppState((s) => s.clearFilters);
  return (
    <div className="empty empty--small">
      <p>No keys match the filters.</p>
      <button type="button" className="btn btn--default" onClick={clear}>
        Clear filters
      </button>
    </div>
  );
}
