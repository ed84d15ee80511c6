// Content types of the built renderer's files, for the app:// handler and the preview host.
import { extname } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The type to send for this file; unknown kinds are sent as bytes, never sniffed. */
export function contentTypeOf(file: string, fallback = 'application/octet-stream'): string {
  return TYPES[extname(file).toLowerCase()] ?? fallback;
}
