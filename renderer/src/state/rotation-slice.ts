// Rotations as the core shows them, by the OLD key's id: the open runs (loaded with the keys), and
// the run the wizard last saw. Views carry no secret; a pasted key passes straight through.
import type { ErrorInfo } from '../../../shared/errors.ts';
import type { OutputOf, Result } from '../../../shared/ipc/contract.ts';
import type { AbortChoice, EnvFileEvidence } from '../../../shared/rotation.ts';
import type { RotationView } from '../../../shared/rotation-view.ts';
import type { GetState, SliceCreator } from './types.ts';

export interface RotationSlice {
  rotations: Record<string, RotationView>;
  /** This session's .env replacements per old key (paths and variables, never a value). */
  envReplacements: Record<string, EnvFileEvidence[]>;
  /** The open runs; answers the error for the caller (loadKeys) to show, or null. */
  loadRotations(): Promise<ErrorInfo | null>;
  fetchRotation(id: string): Promise<void>;
  startRotation(id: string, newSecret?: string): Promise<boolean>;
  copyPendingKey(id: string): Promise<void>;
  replaceInEnvFiles(id: string, files: string[]): Promise<EnvFileEvidence[] | null>;
  confirmDeployed(id: string): Promise<void>;
  verifyRotation(id: string, acceptRecentUse?: boolean): Promise<void>;
  finishRotation(id: string, confirmLabel: string): Promise<void>;
  abortRotation(id: string, choice: AbortChoice): Promise<boolean>;
}

/** The pending flag every rotation call of a key shares: one call at a time per run. */
export const rotationBusy = (id: string): string => `rotate:${id}`;

/** Which key a view belongs to: the old key's id. */
const oldIdOf = (v: RotationView): string | null => v.oldKey?.id ?? null;

async function call<T>(
  get: GetState,
  id: string,
  what: string,
  run: () => Promise<Result<T>>,
): Promise<T | null> {
  const s = get();
  s.setPending(rotationBusy(id), true);
  s.setError('rotate', null);
  try {
    const r = await run();
    if (r.ok) return r.value;
    get().failed('rotate', what, r.error);
    return null;
  } finally {
    get().setPending(rotationBusy(id), false);
    // Keys change with every step (the pending key, statuses, labels); the trail grows.
    get().bumpRevision();
    void get().loadKeys();
  }
}

export const createRotationSlice: SliceCreator<RotationSlice> = (set, get, api) => {
  const keep = (id: string, view: RotationView | null) =>
    set((s) => {
      const rotations = { ...s.rotations };
      if (view) rotations[id] = view;
      else delete rotations[id];
      return { rotations };
    });
  /** Runs a call that answers the run, and keeps the answer. */
  const step = async (id: string, what: string, run: () => Promise<Result<RotationView>>) => {
    const v = await call(get, id, what, run);
    if (v) keep(id, v);
    return v !== null;
  };

  return {
    rotations: {},
    envReplacements: {},
    async loadRotations() {
      const r = await api.listRotations({});
      if (!r.ok) return r.error;
      set((s) => {
        // Closed runs the wizard still shows stay; open ones come from the list alone.
        const rotations: Record<string, RotationView> = {};
        for (const [id, v] of Object.entries(s.rotations)) if (!v.open) rotations[id] = v;
        for (const v of r.value) {
          const id = oldIdOf(v);
          if (id) rotations[id] = v;
        }
        return { rotations };
      });
      return null;
    },
    async fetchRotation(id) {
      const r = await api.getRotation({ id });
      if (!r.ok) return get().failed('rotate', 'Loading the rotation', r.error);
      // A run closed before this wizard opened is history: a new wizard starts a new run.
      const open = r.value?.open ? r.value : null;
      keep(id, open);
      if (!open)
        set((s) => {
          const envReplacements = { ...s.envReplacements };
          delete envReplacements[id];
          return { envReplacements };
        });
    },
    startRotation: (id, newSecret) =>
      step(id, newSecret === undefined ? 'Generating the new key' : 'Saving the new key', () =>
        api.startRotation(newSecret === undefined ? { id } : { id, newSecret }),
      ),
    async copyPendingKey(id) {
      const r: OutputOf<'copyPendingKey'> | null = await call(get, id, 'Copying the new key', () =>
        api.copyPendingKey({ id }),
      );
      if (r)
        get().setClipboard({ label: 'the new key', clearsAt: Date.now() + r.clearAfterSec * 1000 });
    },
    async replaceInEnvFiles(id, files) {
      const r = await call(get, id, 'Replacing the old key in the .env files', () =>
        api.replaceInEnvFiles({ id, files }),
      );
      if (r)
        set((s) => ({
          envReplacements: { ...s.envReplacements, [id]: [...(s.envReplacements[id] ?? []), ...r] },
        }));
      return r;
    },
    async confirmDeployed(id) {
      await step(id, 'Confirming the deployment', () => api.confirmDeployed({ id }));
    },
    async verifyRotation(id, acceptRecentUse) {
      await step(id, 'Verifying the new key', () =>
        api.verifyRotation(acceptRecentUse ? { id, acceptRecentUse } : { id }),
      );
    },
    async finishRotation(id, confirmLabel) {
      await step(id, 'Revoking the old key', () => api.finishRotation({ id, confirmLabel }));
    },
    abortRotation: (id, choice) =>
      step(id, 'Aborting the rotation', () => api.abortRotation({ id, choice })),
  };
};
