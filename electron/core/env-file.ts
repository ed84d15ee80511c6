// Writes one variable into a .env file: only the matching line changes, every other line and
// comment stays; the write is atomic (the Node side's one atomic writer) and the previous file
// is kept as a backup. The value is a secret, so nothing here ever puts it in an error message.
import { execFile } from 'node:child_process';
import { lstat, readFile, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { assertEnvTargetAllowed } from './env-target.ts';
import { writeFileAtomic } from './fs/atomic-write.ts';
import { errnoCode, errnoText } from './fs/errno.ts';
import type { EnvTargetCheck } from '../../shared/ipc/env-channels.ts';
import type { EnvWriteResult } from '../../shared/views.ts';

export const DEFAULT_ENV_VAR = 'APEXVERIFY_API_KEY';
const VAR_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

// The result's one definition is its schema in shared/views.ts; re-exported for the core's users.

export function envVarProblem(name: string): string | null {
  return VAR_RE.test(name)
    ? null
    : `"${name.slice(0, 40)}" is not a valid variable name (letters, digits and _; not starting with a digit).`;
}

/** Quotes only when a dotenv parser would otherwise misread the value. */
export function formatEnvValue(value: string): string {
  if (/^[A-Za-z0-9_\-.:/+=@%,]+$/.test(value)) return value;
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$')}"`;
}

function lineMatches(line: string, name: string): boolean {
  return new RegExp(`^\\s*(export\\s+)?${name}\\s*=`).test(line);
}

/** Replaces (or appends) NAME=value in `text`, keeping line endings and every other line. */
export function setEnvVar(
  text: string,
  name: string,
  value: string,
): { text: string; replaced: number } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.length ? text.split(/\r?\n/) : [];
  const trailingNewline = text.length > 0 && lines[lines.length - 1] === '';
  if (trailingNewline) lines.pop();
  let replaced = 0;
  const out = lines.map((line) => {
    if (!lineMatches(line, name)) return line;
    replaced++;
    const exported = /^\s*export\s+/.test(line) ? 'export ' : '';
    return `${exported}${name}=${formatEnvValue(value)}`;
  });
  if (replaced === 0) out.push(`${name}=${formatEnvValue(value)}`);
  return { text: out.join(eol) + (out.length ? eol : ''), replaced };
}

export function isGitTracked(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['ls-files', '--error-unmatch', '--', basename(path)],
      { cwd: dirname(path), timeout: 10_000 },
      (err) => resolve(!err),
    );
  });
}

function fsError(path: string, e: unknown): AppError {
  return new AppError('ENV_FILE', `Cannot write ${path}: ${errnoText(e)}. Nothing was changed.`);
}

/** Replaces `path` atomically with `text` at `mode`; a failure is an ENV_FILE error naming it. */
export function writeAtomic(path: string, text: string, mode: number): void {
  try {
    writeFileAtomic(path, text, { mode });
  } catch (e) {
    throw fsError(path, e);
  }
}

/**
 * The file's text and mode, or text null when it does not exist. Refuses a malformed path, the
 * app's own files (`protectedDirs`: the data folder), directories, symbolic links, other
 * non-regular files and read-only files, so a later write cannot go astray. Every .env writer
 * reads its target through here first.
 */
export async function readEnvTarget(
  path: string,
  protectedDirs: readonly string[],
): Promise<{ text: string | null; mode: number }> {
  await assertEnvTargetAllowed(path, protectedDirs);
  try {
    const st = await lstat(path);
    if (st.isDirectory())
      throw new AppError(
        'ENV_FILE',
        `Cannot write ${path}: it is a directory. Nothing was changed.`,
      );
    if (st.isSymbolicLink())
      throw new AppError(
        'ENV_FILE',
        `Cannot write ${path}: it is a symbolic link; give the real file's path. Nothing was changed.`,
      );
    if (!st.isFile())
      throw new AppError(
        'ENV_FILE',
        `Cannot write ${path}: it is not a regular file. Nothing was changed.`,
      );
    // Root can write anything: honour the read-only bit the user set instead of relying on EACCES.
    if ((st.mode & 0o200) === 0)
      throw new AppError(
        'ENV_FILE',
        `Cannot write ${path}: the file is read-only. Nothing was changed.`,
      );
    return { text: await readFile(path, 'utf8'), mode: st.mode & 0o777 };
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (errnoCode(e) !== 'ENOENT') throw fsError(path, e);
    return { text: null, mode: 0o600 };
  }
}

/** The folder the file goes in exists and is a folder; an ENV_FILE error naming the file if not. */
async function assertParentFolder(path: string): Promise<void> {
  try {
    const parent = await stat(dirname(path));
    if (!parent.isDirectory())
      throw new AppError(
        'ENV_FILE',
        `Cannot write ${path}: its parent is not a directory. Nothing was changed.`,
      );
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw fsError(path, e);
  }
}

/** The mode when group or others may read the file (so the key would be readable), or null. */
const readableMode = (mode: number): number | null => ((mode & 0o077) !== 0 ? mode : null);

/**
 * What a write to `path` would meet, asked before the secret is written so the window can warn
 * first: the same checks the write makes (readEnvTarget, the parent folder), with a refusal
 * given as `problem` instead of thrown. Reads nothing but the file's own metadata and git's index.
 */
export async function checkEnvTarget(
  path: string,
  protectedDirs: readonly string[],
): Promise<EnvTargetCheck> {
  try {
    const { text, mode } = await readEnvTarget(path, protectedDirs);
    await assertParentFolder(path);
    const exists = text !== null;
    return {
      exists,
      gitTracked: exists && (await isGitTracked(path)),
      readableByOthers: exists ? readableMode(mode) : null,
    };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { exists: false, gitTracked: false, readableByOthers: null, problem: e.message };
  }
}

export interface EnvWriteOptions {
  /** Write the file with mode 0600 whatever its mode was (the rename applies it with the text). */
  makePrivate?: boolean;
}

export async function writeEnvFile(
  path: string,
  name: string,
  value: string,
  protectedDirs: readonly string[],
  opts: EnvWriteOptions = {},
): Promise<EnvWriteResult> {
  const problem = envVarProblem(name);
  if (problem) throw new AppError('BAD_INPUT', problem);

  const { text: existing, mode } = await readEnvTarget(path, protectedDirs);
  await assertParentFolder(path);

  const next = setEnvVar(existing ?? '', name, value);
  let backup: string | null = null;
  if (existing !== null) {
    backup = `${path}.bak`;
    // The backup holds secrets too: written private and renamed into place, so an existing
    // .bak (or a symlink planted there) is replaced, never written through.
    writeAtomic(backup, existing, 0o600);
  }
  // The user's mode is kept unless they asked for a private file (a service may read it through
  // its group), and a mode others can read is said.
  const finalMode = existing === null || opts.makePrivate === true ? 0o600 : mode;
  writeAtomic(path, next.text, finalMode);
  return {
    path,
    created: existing === null,
    backup,
    replaced: next.replaced,
    gitTracked: await isGitTracked(path),
    readableByOthers: readableMode(finalMode),
  };
}
