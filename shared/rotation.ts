// A rotation run as the store keeps it: the four steps, where the run is, and the evidence each
// step gathered. Pure schemas and helpers shared by the core and the window. This file imports
// nothing of ours, because shared/schemas.ts embeds the run in the store's schema.
import { z } from 'zod';

export const ROTATION_STEPS = ['generate', 'deploy', 'verify', 'revoke'] as const;
export type RotationStepName = (typeof ROTATION_STEPS)[number];

export const rotationStepSchema = z.enum([...ROTATION_STEPS, 'done', 'aborted']);
export type RotationStep = z.infer<typeof rotationStepSchema>;

export const OPEN_STEPS: readonly RotationStep[] = ROTATION_STEPS;
export const isOpenStep = (step: RotationStep): boolean => OPEN_STEPS.includes(step);

/** 1 to 4 while the run is open, null once it is done or aborted. */
export function stepNumber(step: RotationStep): number | null {
  const i = ROTATION_STEPS.indexOf(step as RotationStepName);
  return i === -1 ? null : i + 1;
}

/** "step 2 of 4 (deploy)", or "done" / "aborted": how refusals and the window name a step. */
export function describeStep(step: RotationStep): string {
  const n = stepNumber(step);
  return n === null ? step : `step ${n} of ${ROTATION_STEPS.length} (${step})`;
}

/** One call of the credits endpoint with the new key. */
export const checkEvidenceSchema = z.object({
  at: z.string(),
  outcome: z.enum(['ok', 'unauthorized', 'error']),
  credits: z.object({ email: z.number(), phone: z.number() }).nullable(),
  errorCode: z.string().nullable(),
  /** When the request went out (`at`: when it came back), so the key's record can tell its last
   * use by this check from traffic. Older runs lack it. */
  sentAt: z.string().optional(),
});
export type CheckEvidence = z.infer<typeof checkEvidenceSchema>;

/** API mode: both keys' last_used_at as the server listed them (listed with the account key). */
export const lastUsedEvidenceSchema = z.object({
  listedAt: z.string(),
  old: z.string().nullable(),
  new: z.string().nullable(),
  /** False when the old key is not linked to a server key, so its last use cannot be seen. */
  oldListed: z.boolean(),
  /** The listed last use is only one of this app's own calls with that key, not traffic (the
   * recent-use warning ignores it). Older runs lack them: false. */
  oldByApp: z.boolean().optional(),
  newByApp: z.boolean().optional(),
});
export type LastUsedEvidence = z.infer<typeof lastUsedEvidenceSchema>;

export const envFileEvidenceSchema = z.object({
  path: z.string(),
  changed: z.boolean(),
  /** Variables whose value was exactly the old key's. */
  variables: z.array(z.string()),
  backup: z.string().nullable(),
  gitTracked: z.boolean(),
});
export type EnvFileEvidence = z.infer<typeof envFileEvidenceSchema>;

/** Issue 12: the old key's known locations, checked before the old key is revoked. */
export const locationCheckEvidenceSchema = z.object({
  at: z.string(),
  /** How many known locations of the old key were read. */
  checked: z.number().int().nonnegative(),
  /** Those still holding the old key (path and variable; never a value). */
  stillHeld: z.array(z.object({ path: z.string(), variable: z.string() })),
  /** The user chose to revoke although some still held it. */
  ignored: z.boolean(),
});
export type LocationCheckEvidence = z.infer<typeof locationCheckEvidenceSchema>;

/** What an abort did to each file the rotation changed. */
export const restoreEvidenceSchema = z.object({
  path: z.string(),
  outcome: z.enum(['restored', 'holds-old-key', 'not-restored', 'left-as-is']),
  /** Why, for not-restored and left-as-is (e.g. "the file is read-only"). */
  reason: z.string().nullable(),
});
export type RestoreEvidence = z.infer<typeof restoreEvidenceSchema>;

export const ABORT_CHOICES = ['revoke-new', 'keep-new', 'dashboard'] as const;
export const abortChoiceSchema = z.enum(ABORT_CHOICES);
export type AbortChoice = z.infer<typeof abortChoiceSchema>;

const at = z.string();
const maybeAt = z.string().nullable();

/** Issue 14: one share file the deploy step of a held key's rotation wrote for its holder. */
export const heldShareSchema = z.object({
  /** The absolute path. */
  file: z.string(),
  recipients: z.array(z.string()),
  /** Recorded before the file is written: a crash in between still names the path. */
  begunAt: at,
  writtenAt: maybeAt,
});
export type HeldShare = z.infer<typeof heldShareSchema>;

/**
 * Issue 14: the old key was held by a teammate (custody 'held') when the run started. The new
 * key goes to them in a share file, the old key's revocation is proven by the server no longer
 * listing it (no secret of it is here), and the new key is handed over at the end.
 */
export const heldRotationSchema = z.object({
  holder: z.string(),
  shares: z.array(heldShareSchema),
  /** The new key's secret was removed from this keychain after the revocation. */
  handedOverAt: maybeAt,
});
export type HeldRotation = z.infer<typeof heldRotationSchema>;

export const rotationRunSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  /** The account's mode when the run started; it decides how keys are made and revoked. */
  mode: z.enum(['api', 'dashboard']),
  oldKeyId: z.string(),
  /** Reserved before the key exists: its keychain entry, so a resumed generate finds it. */
  newKeyId: z.string(),
  /** The new key's label while pending (also its label on the server in API mode). */
  pendingLabel: z.string(),
  step: rotationStepSchema,
  startedAt: at,
  updatedAt: at,
  generate: z.object({
    /** The process generating now: another live process must not treat its key as an orphan. */
    owner: z.object({ pid: z.number().int(), at }).nullable(),
    /** Dashboard mode: the pasted key's fingerprint, so a resume takes only that key. */
    fingerprint: z.string().nullable(),
    remoteId: z.string().nullable(),
    /** The new key's record (status pending) was written, its secret already in the keychain. */
    storedAt: maybeAt,
    check: checkEvidenceSchema.nullable(),
    /** Server keys made by an interrupted attempt whose secret never reached the keychain. */
    orphansRevoked: z.number().int().nonnegative(),
    confirmedAt: maybeAt,
  }),
  /**
   * .env files the deploy helper changed before "deployed" was confirmed (the window replaces
   * first and confirms later); confirming copies them into deploy.envFiles. Older runs lack it.
   */
  envFilesReplaced: z.array(envFileEvidenceSchema).default([]),
  deploy: z.object({ confirmedAt: at, envFiles: z.array(envFileEvidenceSchema) }).nullable(),
  verify: z
    .object({
      check: checkEvidenceSchema,
      lastUsed: lastUsedEvidenceSchema.nullable(),
      /** The old key was used within the window: confirming took a second confirmation. */
      recentUse: z.boolean(),
      acceptedRecentUse: z.boolean(),
      confirmedAt: maybeAt,
    })
    .nullable(),
  revoke: z
    .object({
      begunAt: at,
      /** The last check of the old key before it answered 401 (dashboard mode: still 200). */
      lastCheck: z.object({ at, status: z.number().int() }).nullable(),
      /** 401: the old key answered 401. 404: a held key, which the server no longer lists. */
      proof: z
        .object({ status: z.union([z.literal(401), z.literal(404)]), checkedAt: at })
        .nullable(),
      completedAt: maybeAt,
    })
    .nullable(),
  /** Issue 14: the old key is held by a teammate. Older runs lack it. */
  held: heldRotationSchema.optional(),
  /** Written when finish passed the check (or it was ignored). Older runs lack it. */
  locationCheck: locationCheckEvidenceSchema.optional(),
  abort: z
    .object({
      requestedAt: at,
      choice: abortChoiceSchema,
      /** revoke-new: the new key answered 401. */
      proof: z.object({ status: z.literal(401), checkedAt: at }).nullable(),
      /** keep-new and dashboard: the label the new key got. */
      keptLabel: z.string().nullable(),
      /** revoke-new: each changed file put back (or not) before the revocation. Older runs lack it. */
      restored: z.array(restoreEvidenceSchema).optional(),
      completedAt: maybeAt,
    })
    .nullable(),
});
export type RotationRun = z.infer<typeof rotationRunSchema>;

/** What a caller can ask of a run; the view says for each whether the rules allow it now. */
export const ROTATION_ACTIONS = ['generate', 'deployed', 'verify', 'finish', 'abort'] as const;
export type RotationAction = (typeof ROTATION_ACTIONS)[number];

export const actionStateSchema = z.object({
  allowed: z.boolean(),
  /** Why not, in words a user can act on; null when allowed. */
  reason: z.string().nullable(),
});
export type ActionState = z.infer<typeof actionStateSchema>;

/** The rules the core enforces; a refusal names the one it broke. */
export const ROTATION_RULES = [
  'no-run',
  'one-run-per-key',
  'key-must-be-active',
  'not-the-account-key',
  'run-closed',
  'abort-in-progress',
  'busy',
  'wrong-step',
  'paste-needed',
  'deploy-needs-stored-verified-key',
  'verify-needs-deploy',
  'revoke-needs-confirmed-verify',
  'revoke-needs-typed-label',
  'abort-before-revoke',
  'abort-choice',
  /** Finish while a known location still holds the old key (issue 12). */
  'old-key-still-deployed',
  /** Abort revoke-new while a changed file cannot be put back to the old key. */
  'locations-not-restored',
  /** Verify, disable or revoke of a key that an open run holds. */
  'key-in-rotation',
  /** Issue 14: a held key's deploy writes a share file for the holder, never a .env file. */
  'held-no-env-files',
  'held-needs-share',
] as const;
export type RotationRule = (typeof ROTATION_RULES)[number];
