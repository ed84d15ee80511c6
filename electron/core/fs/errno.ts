// The one errno-to-text table of the Node side, so the store, the .env writer and whatever comes
// next word a file-system failure the same way.

/** What the user can do something about; any other code is shown as a file-system error. */
const ERRNO_TEXT: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'its folder does not exist',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EISDIR: 'a folder is in the way of the file',
  ENOTDIR: 'a file is in the way of the folder',
  EROFS: 'the file system is read-only',
};

/** The errno code Node put on an error (`'EACCES'`), or undefined for any other throw. */
export function errnoCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** "permission denied (EACCES)": the table's text and the code, for a one-line message. */
export function errnoText(e: unknown): string {
  const code = errnoCode(e);
  if (!code) return 'an unexpected error';
  return `${ERRNO_TEXT[code] ?? 'a file system error'} (${code})`;
}
