// What the user does to one key. Each action reports failure in its place (ErrorScope), marks
// itself pending while it runs, and bumps `revision` so the audit trail reloads.
import type { InputOf, Result } from '../../../shared/ipc/contract.ts';
import type { EnvWriteResult, KeyView } from '../../../shared/views.ts';
import type { ErrorScope } from './messages-slice.ts';
import type { GetState, SliceCreator } from './types.ts';

// Inputs come from the contract, so the window cannot drift from what the core accepts.
type NewKeyInput = InputOf<'generateKey'>;
type MetaPatch = InputOf<'updateKeyMeta'>['patch'];

export interface KeyCommandsSlice {
  /** Bumped after every action on a key, so views of its audit trail reload. */
  revision: number;
  /** For actions outside the store (Reveal): their audit entries should show too. */
  bumpRevision(): void;
  verifyKey(id: string): Promise<void>;
  copyKey(id: string): Promise<void>;
  saveMeta(id: string, patch: MetaPatch): Promise<boolean>;
  setEnabled(id: string, enabled: boolean): Promise<void>;
  revokeKey(id: string, confirmLabel: string): Promise<boolean>;
  generateKey(input: NewKeyInput): Promise<KeyView | null>;
  /** Dashboard mode: the pasted secret passes straight through to the core, never into state. */
  captureKey(input: NewKeyInput, secret: string): Promise<KeyView | null>;
  /** makePrivate: the file is written with mode 0600 (offered when others can read it). */
  writeEnv(
    id: string,
    path: string,
    variable: string,
    makePrivate?: boolean,
  ): Promise<EnvWriteResult | null>;
}

const labelOf = (get: GetState, id: string) => get().keys.find((k) => k.id === id)?.label ?? id;

/** Runs one call with its pending flag and error place; null when it failed. */
async function attempt<T>(
  get: GetState,
  pending: string,
  scope: ErrorScope,
  what: string,
  call: () => Promise<Result<T>>,
): Promise<T | null> {
  const s = get();
  s.setPending(pending, true);
  s.setError(scope, null);
  try {
    const r = await call();
    // A key action is a moment the server may have changed too (elsewhere): merge it quietly.
    if (r.ok) void get().syncQuietly();
    if (r.ok) return r.value;
    get().failed(scope, what, r.error);
    return null;
  } finally {
    get().setPending(pending, false);
  }
}

export const createKeyCommandsSlice: SliceCreator<KeyCommandsSlice> = (set, get, api) => {
  const bump = () => set((s) => ({ revision: s.revision + 1 }));

  return {
    revision: 0,
    bumpRevision: bump,
    async verifyKey(id) {
      const what = `Verifying "${labelOf(get, id)}"`;
      const r = await attempt(get, `verify:${id}`, 'details', what, () => api.verifyKey({ id }));
      bump();
      if (!r) return;
      get().recordResult(r);
      // The core recorded it; re-read so the row and panel show the stored last verification.
      void get().loadKeys();
      // failed() also re-checks the connection when the check could not reach ApexVerify.
      if (r.error) get().failed('details', what, r.error);
      else if (r.status === 'ok') get().say(`"${r.label}" works.`);
      else get().say(`ApexVerify rejected "${r.label}" (401): it no longer works.`);
    },
    async copyKey(id) {
      const label = labelOf(get, id);
      const r = await attempt(get, `copy:${id}`, 'details', `Copying "${label}"`, () =>
        api.copyKey({ id }),
      );
      bump();
      if (r) get().setClipboard({ label, clearsAt: Date.now() + r.clearAfterSec * 1000 });
    },
    async saveMeta(id, patch) {
      const what = `Saving the details of "${labelOf(get, id)}"`;
      const r = await attempt(get, `save:${id}`, 'details', what, () =>
        api.updateKeyMeta({ id, patch }),
      );
      bump();
      if (!r) return false;
      get().upsertKey(r);
      get().say(`Saved "${r.label}".`);
      return true;
    },
    async setEnabled(id, enabled) {
      const what = `${enabled ? 'Enabling' : 'Disabling'} "${labelOf(get, id)}"`;
      const r = await attempt(get, `enable:${id}`, 'details', what, () =>
        api.setKeyEnabled({ id, enabled }),
      );
      bump();
      if (!r) return;
      get().upsertKey(r);
      get().statusChanged(id);
      if (r.status === 'active') get().say(`"${r.label}" is enabled.`);
      else
        get().say(
          `"${r.label}" is disabled: ApexVerify rejects it (401) until you enable it again.`,
          id,
        );
    },
    async revokeKey(id, confirmLabel) {
      const what = `Revoking "${labelOf(get, id)}"`;
      const r = await attempt(get, `revoke:${id}`, 'revoke', what, () =>
        api.revokeKey({ id, confirmLabel }),
      );
      bump();
      if (!r) return false;
      get().upsertKey(r.key);
      set({
        revokeProof: {
          keyId: id,
          label: r.key.label,
          status: r.proof.status,
          checkedAt: r.proof.checkedAt,
          secretRemoved: r.secretRemoved,
        },
      });
      return true;
    },
    async generateKey(input) {
      const r = await attempt(get, 'create', 'newKey', `Generating "${input.label}"`, () =>
        api.generateKey(input),
      );
      if (r) get().upsertKey(r);
      return r;
    },
    async captureKey(input, secret) {
      const r = await attempt(get, 'create', 'newKey', `Saving "${input.label}"`, () =>
        api.captureKey({ ...input, secret }),
      );
      if (r) get().upsertKey(r);
      return r;
    },
    async writeEnv(id, path, variable, makePrivate) {
      const what = `Writing "${labelOf(get, id)}" to ${path}`;
      const r = await attempt(get, `env:${id}`, 'env', what, () =>
        api.writeKeyToEnv({ id, path, variable, ...(makePrivate ? { makePrivate } : {}) }),
      );
      bump();
      // The file is now one of the key's locations ("Where this key is").
      if (r) void get().loadKeys();
      return r;
    },
  };
};
