// The hand-off channels (issue 14): this installation's recipient, Share with a teammate…, and
// Receive a key…, over the same core calls the CLI makes. The window knows nothing of this
// process's working folder, so its paths must be full ones.
import { isAbsolute } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { accountById } from '../accounts.ts';
import { ensureIdentity } from '../handoff/identity.ts';
import { receiveKey } from '../handoff/receive.ts';
import { shareKey } from '../handoff/share.ts';
import type { AppContext } from './context.ts';
import type { Handlers } from './handlers.ts';

type HandoffHandlers = Pick<Handlers, 'getIdentity' | 'shareKey' | 'receiveKey'>;

/** A relative path would name a file wherever the app was started: refused, at the file field. */
function requireFullPath(path: string, what: string): void {
  if (path.trim() !== '' && !isAbsolute(path))
    throw new AppError(
      'BAD_INPUT',
      `Give the full path of ${what}, not a relative one ("${path.slice(0, 200)}"). Nothing was written.`,
      { field: 'file' },
    );
}

export function createHandoffHandlers({ deps }: AppContext): HandoffHandlers {
  return {
    async getIdentity() {
      return { recipient: (await ensureIdentity(deps.vault)).recipient };
    },
    async shareKey({ id, recipients, path, handover, owner }) {
      requireFullPath(path, 'the share file');
      const r = await shareKey(deps, {
        ref: { id },
        recipients,
        file: path,
        handover,
        ...(owner !== undefined ? { owner } : {}),
      });
      return { key: r.key, file: r.file, recipients: r.recipients, heldBy: r.heldBy };
    },
    async receiveKey({ path, accountId, label, verify }) {
      requireFullPath(path, 'the shared file');
      const account =
        accountId === undefined ? undefined : accountById(await deps.store.read(), accountId).name;
      const r = await receiveKey(deps, {
        file: path,
        verify,
        ...(account !== undefined ? { account } : {}),
        ...(label !== undefined && label.trim() !== '' ? { label: label.trim() } : {}),
      });
      return r.key;
    },
  };
}
