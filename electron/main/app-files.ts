// What app://renderer/ serves: only files under the built renderer, each with the app's CSP.
// Pure (Node only), so path traversal and the headers are tested without Electron.
import { readFile, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { APP_CSP } from '../../shared/csp.ts';
import { responseHeaders } from '../../shared/security-headers.ts';
import { contentTypeOf } from '../core/content-types.ts';
import { parseAppUrl } from './app-origin.ts';

/** Headers every app:// response carries, the CSP first among them. */
export function appHeaders(file: string | null): Record<string, string> {
  const plainText = 'text/plain; charset=utf-8';
  return responseHeaders(file ? contentTypeOf(file, plainText) : plainText, APP_CSP);
}

const inside = (root: string, file: string): boolean => {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

function hasDotSegment(rawUrl: string): boolean {
  const path = rawUrl.replace(/^[^:]*:\/\/[^/]*/, '').split(/[?#]/)[0] ?? '';
  return path.split(/[/\\]/).some((s) => /^(\.|%2e){1,2}$/i.test(s));
}

/**
 * The file under `root` that an app:// URL names, or null when the URL is foreign or tries to
 * leave the folder. Chromium already folds `..` in standard-scheme URLs; this does not rely on it.
 */
export function resolveAppPath(rawUrl: string, root: string): string | null {
  // URL parsing folds "..", even encoded, into a harmless path; a request that carries one is
  // hostile all the same (Chromium never sends one), so it is refused before parsing.
  if (hasDotSegment(rawUrl)) return null;
  const url = parseAppUrl(rawUrl);
  if (!url) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // Encoded separators, drive letters and NULs have no business in a renderer asset path.
  if (/[\\:\0]/.test(path)) return null;
  const segments = path.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) return null;
  const base = resolve(root);
  const file = resolve(base, ...(segments.length ? segments : ['index.html']));
  return inside(base, file) ? file : null;
}

export interface AppRequest {
  url: string;
  method: string;
}

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: appHeaders(null) });

/** The app:// handler: GET only, resolved path, symlinks followed and re-checked, CSP header. */
export function createAppFileHandler(rootDir: string): (req: AppRequest) => Promise<Response> {
  return async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(405, 'Method not allowed');
    const file = resolveAppPath(req.url, rootDir);
    if (!file) return plain(403, 'Forbidden');
    try {
      const [root, real] = await Promise.all([realpath(rootDir), realpath(file)]);
      if (!inside(root, real)) return plain(403, 'Forbidden');
      const body = req.method === 'HEAD' ? null : await readFile(real);
      return new Response(body, { status: 200, headers: appHeaders(real) });
    } catch {
      return plain(404, 'Not found');
    }
  };
}
