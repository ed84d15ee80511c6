// What a store file holds: the version check, the migrations and the layout check on read, and
// the one serialization on write. No file system here.
import { AppError } from '../../../shared/errors.ts';
import { STORE_VERSION, storeDataSchema } from '../../../shared/schemas.ts';
import type { StoreData } from '../../../shared/schemas.ts';

/** Upgrades from version N to N + 1, applied on read before validation. */
export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type ParsedStore = { kind: 'ok'; data: StoreData } | { kind: 'corrupt'; reason: string };

/**
 * An object with none of the store's own data: `{}`, or only conf's leftover bookkeeping
 * (`__internal__…`). We always write a full store, so this is a first run only where the folder
 * never held one (readState decides that); anywhere else it is a wiped file.
 */
export function isBlankStore(raw: unknown): boolean {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    !Array.isArray(raw) &&
    Object.keys(raw).every((k) => k.startsWith('__internal__'))
  );
}

/** Why a blank object is corrupt where a store existed before. */
export const BLANK_REASON = 'it holds no data (an empty object)';

/**
 * Interprets what a store file held: an older version is migrated, a newer one throws STORE_IO
 * (the file must not be touched), anything invalid, a blank object included, is 'corrupt'.
 */
export function interpretStoreData(
  raw: unknown,
  file: string,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
): ParsedStore {
  const corrupt = (reason: string): ParsedStore => ({ kind: 'corrupt', reason });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return corrupt('it does not hold a JSON object');
  }
  if (isBlankStore(raw)) return corrupt(BLANK_REASON);
  let data = raw as Record<string, unknown>;
  let version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return corrupt('it has no valid version number');
  }
  if (version > STORE_VERSION) {
    throw new AppError(
      'STORE_IO',
      `The store ${file} was written by a newer version of the app (store version ${version}; ` +
        `this one knows ${STORE_VERSION}). Update the app. The file was not changed.`,
    );
  }
  for (; version < STORE_VERSION; version++) {
    const step = migrations[version];
    if (!step) return corrupt(`there is no upgrade from store version ${version}`);
    try {
      data = { ...step(structuredClone(data)), version: version + 1 };
    } catch {
      return corrupt(`upgrading it from store version ${version} failed`);
    }
  }
  const result = storeDataSchema.safeParse(data);
  if (result.success) return { kind: 'ok', data: result.data };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the top level';
  return corrupt(`it does not match the expected layout at ${where}`);
}

/** Tab-indented JSON, as conf wrote it, so files written before and after read the same. */
export const serialize = (data: StoreData): string => JSON.stringify(data, undefined, '\t');
