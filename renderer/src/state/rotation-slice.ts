// Rotations as the core shows them, by the OLD key's id: the open runs (loaded with the keys), and
// the run the wizard last saw. Views carry no secret; a pasted key passes straight through.
import type { ErrorInfo } from '../../../shared/errors.ts';
import type { OutputOf, Result } from '../../../shared/ipc/contract.ts';
import type { AbortChoice, EnvFileEvidence } from '../../../shared/rotation.ts';
import type { RotationView } from '../../../shared/rotation-view.ts';
import { holdOf, type RotationHold } from './rotation-hold.ts';
import type { GetState, SliceCreator } from './types.ts';

/** A key's known locations, each with its state (checked when read). */
export type CheckedPlaces = OutputOf<'keyLocations'>;

/** Where both keys of a run are known to be, as last checked. */
export interface RotationPlaces {
  old: CheckedPlaces;
  /** The new key's (recorded by the core as it replaces); empty before it is stored. */
  fresh: CheckedPlaces;
}

export interface RotationSlice {
  rotations: Record<string, RotationView>;
  /** This session's .env replacements per old key (paths and variables, never a value). */
  envReplacements: Record<string, EnvFileEvidence[]>;
  /** The last check of both keys' known locations, per old key (paths and states only). */
  rotationPlaces: Record<string, RotationPlaces>;
  /** A refusal naming files, waiting for the user's second confirmation, per old key. */
  rotationHolds: Record<string, RotationHold>;
  /** The open runs; answers the error for the caller (loadKeys) to show, or null. */
  loadRotations(): Promise<ErrorInfo | null>;
  fetchRotation(id: string): Promise<void>;
  startRotation(id: string, newSecret?: string): Promise<boolean>;
  copyPendingKey(id: string): Promise<void>;
  replaceInEnvFiles(id: string, files: string[]): Promise<EnvFileEvidence[] | null>;
  /** Replace in all: every known location of the old key that holds it. */
  replaceInAllLocations(id: string): Promise<EnvFileEvidence[] | null>;
  /** Reads both keys' known locations; a hold on the old key's is narrowed to what still holds. */
  checkRotationPlaces(id: string): Promise<void>;
  /**
   * A key held by a teammate (issue 14) passes `share`: the new key goes into a new share file to
   * the holder first. `onRefused` takes the refusals the caller shows at its fields.
   */
  confirmDeployed(
    id: string,
    share?: { recipients: string[]; path: string },
    onRefused?: (error: ErrorInfo) => boolean,
  ): Promise<void>;
  verifyRotation(id: string, acceptRecentUse?: boolean): Promise<void>;
  /** ignoreLocations: the second confirmation while a known location still holds the old key. */
  finishRotation(id: string, confirmLabel: string, ignoreLocations?: boolean): Promise<void>;
  /** revokeUnrestored: the second confirmation when a changed file cannot get the old key back. */
  abortRotation(id: string, choice: AbortChoice, revokeUnrestored?: boolean): Promise<boolean>;
}

/** The pending flag every rotation call of a key shares: one call at a time per run. */
export const rotationBusy = (id: string): string => `rotate:${id}`;

/** Which key a view belongs to: the old key's id. */
const oldIdOf = (v: RotationView): string | null => v.oldKey?.id ?? null;

/** A copy of `map` with `id` set to `value`, or without `id` when `value` is null. */
function withEntry<T>(map: Record<string, T>, id: string, value: T | null): Record<string, T> {
  const next = { ...map };
  if (value) next[id] = value;
  else delete next[id];
  return next;
}

/** `onRefused` takes the errors the caller shows itself (true: handled, no alert). */
async function call<T>(
  get: GetState,
  id: string,
  what: string,
  run: () => Promise<Result<T>>,
  onRefused?: (error: ErrorInfo) => boolean,
): Promise<T | null> {
  const s = get();
  s.setPending(rotationBusy(id), true);
  s.setError('rotate', null);
  try {
    const r = await run();
    if (r.ok) return r.value;
    if (!onRefused?.(r.error)) get().failed('rotate', what, r.error);
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
    set((s) => ({ rotations: withEntry(s.rotations, id, view) }));
  const setHold = (id: string, hold: RotationHold | null) =>
    set((s) => ({ rotationHolds: withEntry(s.rotationHolds, id, hold) }));
  /** Runs a call that answers the run, and keeps the answer. */
  const step = async (id: string, what: string, run: () => Promise<Result<RotationView>>) => {
    const v = await call(get, id, what, run);
    if (v) keep(id, v);
    return v !== null;
  };
  /** A step whose refusal may name files: it becomes a hold (shown by the step), not an alert. */
  const holdingStep = async (
    id: string,
    what: string,
    run: () => Promise<Result<RotationView>>,
  ) => {
    const v = await call(get, id, what, run, (error) => {
      const hold = holdOf(error);
      if (hold) setHold(id, hold);
      return hold !== null;
    });
    if (v) {
      keep(id, v);
      setHold(id, null);
    }
    return v !== null;
  };
  const places = async (keyId: string | undefined): Promise<CheckedPlaces | null> => {
    if (!keyId) return [];
    const r = await api.keyLocations({ id: keyId, check: true });
    if (r.ok) return r.value;
    get().failed('rotate', 'Checking where the key is', r.error);
    return null;
  };

  /** This session's replacements, for the deploy step's per-file evidence. */
  const remember = (id: string, files: EnvFileEvidence[]) =>
    set((s) => ({
      envReplacements: { ...s.envReplacements, [id]: [...(s.envReplacements[id] ?? []), ...files] },
    }));

  return {
    rotations: {},
    envReplacements: {},
    rotationPlaces: {},
    rotationHolds: {},
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
        set((s) => ({
          envReplacements: withEntry(s.envReplacements, id, null),
          rotationPlaces: withEntry(s.rotationPlaces, id, null),
          rotationHolds: withEntry(s.rotationHolds, id, null),
        }));
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
      if (r) remember(id, r);
      await get().checkRotationPlaces(id);
      return r;
    },
    async replaceInAllLocations(id) {
      const r = await call(get, id, 'Replacing the old key in all known locations', () =>
        api.replaceInAllLocations({ id }),
      );
      if (r) remember(id, r);
      await get().checkRotationPlaces(id);
      return r;
    },
    async checkRotationPlaces(id) {
      const old = await places(id);
      if (!old) return;
      // The new key's only annotate the old key's ("the new key"): a failure leaves them out.
      const fresh = (await places(get().rotations[id]?.newKey?.id)) ?? [];
      set((s) => ({ rotationPlaces: { ...s.rotationPlaces, [id]: { old, fresh } } }));
      // A finish hold lists what still held the old key: files fixed since then leave the list.
      const hold = get().rotationHolds[id];
      if (hold?.rule === 'old-key-still-deployed') {
        const files = old.flatMap((l) =>
          l.state === 'holds' ? [{ path: l.path, variable: l.variable, reason: null }] : [],
        );
        setHold(id, files.length ? { ...hold, files } : null);
      }
    },
    async confirmDeployed(id, share, onRefused) {
      const v = await call(
        get,
        id,
        share ? 'Writing the share file' : 'Confirming the deployment',
        () => api.confirmDeployed(share ? { id, share } : { id }),
        onRefused,
      );
      if (v) keep(id, v);
    },
    async verifyRotation(id, acceptRecentUse) {
      await step(id, 'Verifying the new key', () =>
        api.verifyRotation(acceptRecentUse ? { id, acceptRecentUse } : { id }),
      );
    },
    async finishRotation(id, confirmLabel, ignoreLocations) {
      await holdingStep(id, 'Revoking the old key', () =>
        api.finishRotation(
          ignoreLocations ? { id, confirmLabel, ignoreLocations } : { id, confirmLabel },
        ),
      );
    },
    abortRotation: (id, choice, revokeUnrestored) =>
      holdingStep(id, 'Aborting the rotation', () =>
        api.abortRotation(revokeUnrestored ? { id, choice, revokeUnrestored } : { id, choice }),
      ),
  };
};
