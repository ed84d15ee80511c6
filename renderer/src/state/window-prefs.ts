// The window's own preferences (account, environment and status filter, and the sort), kept by
// the host: read once at start and applied, then every change is saved, a moment after the last
// one so a burst of sort clicks is one write. Never the free-text query (a pasted key could be
// sitting in it).
import type { ApexKeysApi } from '../../../shared/ipc/contract.ts';
import type { WindowPrefs } from '../../../shared/window-prefs.ts';
import type { AppStateApi } from './create-state.ts';
import type { AppState } from './types.ts';

const SAVE_DELAY_MS = 300;

/** The account filter exists once the accounts work lands in the filters slice. */
type WithAccountFilter = AppState & {
  accountFilter?: string;
  setAccountFilter?: (accountId: string) => void;
};

/** What is kept; without an account filter in the state, the kept one is left as it is. */
function pick(state: WithAccountFilter): Partial<WindowPrefs> {
  return {
    ...(state.accountFilter === undefined ? {} : { accountFilter: state.accountFilter }),
    environmentFilter: state.environmentFilter,
    statusFilter: state.statusFilter,
    sort: state.sort,
  };
}

const same = (a: Partial<WindowPrefs>, b: Partial<WindowPrefs>) =>
  JSON.stringify(a) === JSON.stringify(b);

/** Loads and applies the kept preferences, then saves changes; returns the unsubscribe. */
export async function startWindowPrefs(store: AppStateApi, api: ApexKeysApi): Promise<() => void> {
  const before = pick(store.getState());
  const r = await api.getWindowPrefs({});
  // A filter the user already changed while the answer was on its way wins over the kept one.
  if (r.ok && same(pick(store.getState()), before)) {
    const p = r.value;
    const s = store.getState() as WithAccountFilter;
    s.setAccountFilter?.(p.accountFilter);
    store.setState({
      environmentFilter: p.environmentFilter,
      statusFilter: p.statusFilter,
      sort: p.sort,
    });
  }
  // Not kept (the host could not answer): the window still works, it just starts fresh next time.
  let saved = pick(store.getState());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = store.subscribe((state) => {
    if (same(pick(state), saved)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const next = pick(store.getState());
      if (same(next, saved)) return;
      saved = next;
      void api.setWindowPrefs(next);
    }, SAVE_DELAY_MS);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
