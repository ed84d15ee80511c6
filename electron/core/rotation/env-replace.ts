// Deploy helper: puts the new key where the old one is, in the .env files the user names. Only
// those files are read; a line changes only where a variable holds exactly the old key's value
// (bare, 'single' or "double" quoted); a file without it is left untouched (not even rewritten).
// Writes are atomic with the previous file kept as FILE.bak, as `key env` does.
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { pathProblem } from '../../../shared/input-rules.ts';
import type { EnvFileEvidence } from '../../../shared/rotation.ts';
import { formatEnvValue, isGitTracked, readEnvTarget, writeAtomic } from '../env-file.ts';

// prefix (export, name, =) | value | trailing space and comment
const ASSIGNMENT =
  /^(\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s"'][^\s]*|)(\s*|\s+#.*)$/;

/** The value a dotenv parser reads from the raw right-hand side. */
function valueOf(raw: string): string {
  if (raw.startsWith('"')) return raw.slice(1, -1).replace(/\\(.)/g, '$1');
  if (raw.startsWith("'")) return raw.slice(1, -1);
  return raw;
}

/** Every NAME=value the file assigns, as a dotenv parser reads it (a later line wins). */
export function envValues(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = ASSIGNMENT.exec(line);
    if (m) out.set(m[2] ?? '', valueOf(m[3] ?? ''));
  }
  return out;
}

/** Replaces the old value by the new one wherever a variable holds exactly the old value. */
export function replaceEnvValue(
  text: string,
  oldValue: string,
  newValue: string,
): { text: string; variables: string[] } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const variables: string[] = [];
  const lines = text.split(/\r?\n/).map((line) => {
    const m = ASSIGNMENT.exec(line);
    if (!m || valueOf(m[3] ?? '') !== oldValue) return line;
    variables.push(m[2] ?? '');
    return `${m[1]}${formatEnvValue(newValue)}${m[4]}`;
  });
  return { text: lines.join(eol), variables };
}

/**
 * Every named file is read first (a missing or unwritable one stops the whole call before any
 * write); then each file holding the old value is backed up and rewritten.
 */
export async function replaceInEnvFiles(
  paths: string[],
  oldValue: string,
  newValue: string,
  protectedDirs: readonly string[],
): Promise<EnvFileEvidence[]> {
  // Checked before resolve(): "" would otherwise become the working folder.
  for (const p of paths) {
    const problem = pathProblem(p);
    if (problem) throw new AppError('BAD_INPUT', problem);
  }
  const unique = [...new Set(paths.map((p) => resolve(p)))];
  const files: Array<{ path: string; text: string; mode: number }> = [];
  for (const path of unique) {
    const { text, mode } = await readEnvTarget(path, protectedDirs);
    if (text === null)
      throw new AppError('ENV_FILE', `${path} does not exist. Nothing was changed.`);
    files.push({ path, text, mode });
  }
  const results: EnvFileEvidence[] = [];
  for (const f of files) {
    const next = replaceEnvValue(f.text, oldValue, newValue);
    const changed = next.variables.length > 0;
    const backup = changed ? `${f.path}.bak` : null;
    if (backup) {
      writeAtomic(backup, f.text, 0o600);
      writeAtomic(f.path, next.text, f.mode);
    }
    results.push({
      path: f.path,
      changed,
      variables: next.variables,
      backup,
      gitTracked: await isGitTracked(f.path),
    });
  }
  return results;
}
