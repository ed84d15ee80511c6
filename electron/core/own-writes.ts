// The core's dependencies with every store update and audit append marked on the change feed as
// this process's own: the window made them and already knows, so they wake no long poll. Reads
// and everything else pass through untouched.
import type { Audit } from './audit.ts';
import { AUDIT_FILE } from './audit.ts';
import type { ChangeFeed } from './change-feed.ts';
import type { CoreDeps } from './deps.ts';
import { STORE_FILE, type Store } from './store/index.ts';

function ownStore(store: Store, feed: ChangeFeed): Store {
  return {
    get path() {
      return store.path;
    },
    get notices() {
      return store.notices;
    },
    notify: (message) => store.notify(message),
    read: () => store.read(),
    // The mutation runs inside the store's lock: from there on no other process writes the file.
    update: (mutate) =>
      feed.own(STORE_FILE, (begin) =>
        store.update((data) => {
          begin();
          return mutate(data);
        }),
      ),
  };
}

function ownAudit(audit: Audit, feed: ChangeFeed): Audit {
  return {
    path: audit.path,
    append: (event) => feed.own(AUDIT_FILE, () => audit.append(event)),
    list: (filter) => audit.list(filter),
    read: (filter) => audit.read(filter),
  };
}

export function withOwnWrites<D extends CoreDeps>(deps: D, feed: ChangeFeed): D {
  return { ...deps, store: ownStore(deps.store, feed), audit: ownAudit(deps.audit, feed) };
}
