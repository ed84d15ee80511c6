// Step 2: the user puts the new key where the old one is used, helped by the core (reveal for a
// copy, .env replacement, run a command with it), then confirms "deployed".
import type { RotationRun } from '../../../shared/rotation.ts';
import type { RotationView } from '../../../shared/rotation-view.ts';
import type { EnvFileEvidence } from '../../../shared/rotation.ts';
import type { StoreData } from '../../../shared/schemas.ts';
import type { CoreDeps } from '../deps.ts';
import { DEFAULT_ENV_VAR } from '../env-file.ts';
import { revealKey, runWithKey } from '../key-handout.ts';
import { checkpoint, type RotationDeps } from './deps.ts';
import { protectedDirsOf } from '../env-target.ts';
import { replaceInEnvFiles } from './env-replace.ts';
import { requireRun, RotationRefused, type RotationRef } from './lookup.ts';
import { deployCheck, refuse } from './guards.ts';
import { keyById, runById, transition } from './run-store.ts';
import { settle } from './view.ts';
import { recordEvent } from '../audit.ts';
import { checkLocations } from '../locations/check.ts';
import { addLocationsIn } from '../locations/record.ts';
import { refuseEnvFiles, shareNewKey, writtenShares, type HeldShareInput } from './held.ts';

/** The open run whose new key is stored: the deploy helpers work from step 2 until the end. */
function withStoredNewKey(data: StoreData, ref: RotationRef): RotationRun {
  const run = requireRun(data, ref);
  const c = deployCheck(run);
  // The helpers stay available after deploy (a forgotten file); only closed runs refuse.
  if (c && c.rule !== 'wrong-step') refuse(c);
  return run;
}

/** Replaces the old key's value by the new key's in the named files; each change is audited. */
export async function replaceOldKeyInEnvFiles(
  deps: CoreDeps,
  ref: RotationRef,
  files: string[],
): Promise<EnvFileEvidence[]> {
  const data = await deps.store.read();
  const run = withStoredNewKey(data, ref);
  if (run.held) refuseEnvFiles(run);
  const fresh = keyById(data, run.newKeyId);
  const results = await replaceInEnvFiles(
    files,
    await deps.vault.get(run.oldKeyId),
    await deps.vault.get(run.newKeyId),
    protectedDirsOf(deps),
  );
  const changed = results.filter((x) => x.changed);
  // Kept on the run, so the deploy step's evidence names them even when confirmed later; and
  // in the same write, each becomes a known location of the new key (an abort puts them back).
  const now = deps.clock.now().toISOString();
  if (changed.length)
    await deps.store.update((d) => {
      const r = d.rotations.find((x) => x.id === run.id);
      if (r && r.step !== 'done' && r.step !== 'aborted') r.envFilesReplaced.push(...changed);
      const places = changed.flatMap((f) =>
        f.variables.map((variable) => ({ path: f.path, variable, via: 'rotation' as const })),
      );
      addLocationsIn(d, run.newKeyId, places, now);
    });
  for (const r of changed)
    await recordEvent(deps, {
      action: 'exported',
      keyId: fresh.id,
      accountId: fresh.accountId,
      label: fresh.label,
      fingerprint: fresh.fingerprint,
      outcome: 'ok',
      detail: { file: r.path, variable: r.variables.join(','), via: 'rotation', runId: run.id },
    });
  return results;
}

/**
 * The old key's known locations that hold it now: the files "Replace in all" rewrites. None for
 * a held key: no secret of it is here to compare files with (held.ts HELD_LOCATIONS_SKIPPED).
 */
async function oldKeyHeldAt(deps: CoreDeps, data: StoreData, run: RotationRun): Promise<string[]> {
  if (run.held) return [];
  const old = keyById(data, run.oldKeyId);
  const checked = await checkLocations(old.locations ?? [], await deps.vault.get(old.id));
  return [...new Set(checked.filter((l) => l.state === 'holds').map((l) => l.path))];
}

/** Replaces the old key by the new one in every known location that still holds it. */
export async function replaceInAllLocations(
  deps: CoreDeps,
  ref: RotationRef,
): Promise<EnvFileEvidence[]> {
  const data = await deps.store.read();
  const run = withStoredNewKey(data, ref);
  const files = await oldKeyHeldAt(deps, data, run);
  return files.length ? replaceOldKeyInEnvFiles(deps, { runId: run.id }, files) : [];
}

export interface DeployOptions {
  envFiles?: string[];
  /** Also replace in every known location of the old key that holds it (issue 12). */
  allLocations?: boolean;
  /** A held key (issue 14): write the new key into a share file for the holder first. */
  share?: HeldShareInput;
}

export async function confirmDeployed(
  deps: RotationDeps,
  ref: RotationRef,
  opts: DeployOptions = {},
): Promise<RotationView> {
  const data = await deps.store.read();
  const run = requireRun(data, ref);
  refuse(deployCheck(run));
  // "Stored in the keychain" is checked where it lives, not taken from the record.
  await deps.vault.get(run.newKeyId).catch((e: unknown) => {
    throw new RotationRefused(
      'deploy-needs-stored-verified-key',
      `Refused at step 2 of 4 (deploy) of rotation ${run.id}: the new key's secret cannot be read from the keychain (${(e as { code?: string }).code ?? 'error'}).`,
    );
  });
  if (run.held) {
    if (opts.envFiles?.length) refuseEnvFiles(run);
    if (opts.share) await shareNewKey(deps, run.id, opts.share);
    if (!writtenShares(runById(await deps.store.read(), run.id)).length)
      throw new RotationRefused(
        'held-needs-share',
        `Refused at step 2 of 4 (deploy) of rotation ${run.id}: the key is held by ${run.held.holder}, so the new key reaches them in a share file; name their recipient(s) and the file to write. Nothing was confirmed.`,
      );
  } else if (opts.share)
    throw new RotationRefused(
      'wrong-step',
      `Refused at step 2 of 4 (deploy) of rotation ${run.id}: a share file is written here only for a key held by a teammate; share this key with "Share with a teammate" instead. Nothing was confirmed.`,
    );
  const files = [...(opts.envFiles ?? [])];
  if (opts.allLocations) files.push(...(await oldKeyHeldAt(deps, data, run)));
  const envFiles = files.length
    ? await replaceOldKeyInEnvFiles(deps, { runId: run.id }, files)
    : [];
  await checkpoint(deps, 'deploy:files');
  await transition(deps, run.id, deployCheck, (r, _d, now) => {
    // Every file the helper changed during the run (this call's included, recorded as they
    // were written), then this call's files left untouched, for the record.
    const changed = new Set(r.envFilesReplaced.map((f) => f.path));
    r.deploy = {
      confirmedAt: now,
      envFiles: [...r.envFilesReplaced, ...envFiles.filter((f) => !changed.has(f.path))],
    };
    r.step = 'verify';
  });
  await checkpoint(deps, 'deploy:done');
  return settle(deps, run.id);
}

/** The pending new key's secret, for an explicit reveal or a copy (`key get --pending`). */
export async function revealPending(
  deps: CoreDeps,
  ref: RotationRef,
  via = 'rotation-pending',
): Promise<string> {
  const run = withStoredNewKey(await deps.store.read(), ref);
  return revealKey(deps, { id: run.newKeyId }, via, { allowPending: true });
}

/** Runs a command with the pending new key in its environment (e.g. a deploy script). */
export async function runWithPending(
  deps: CoreDeps,
  ref: RotationRef,
  command: string,
  args: string[],
  varName = DEFAULT_ENV_VAR,
): Promise<number> {
  const run = withStoredNewKey(await deps.store.read(), ref);
  return runWithKey(deps, { id: run.newKeyId }, command, args, varName, { allowPending: true });
}
