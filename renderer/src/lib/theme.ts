// The window's theme: 'system' follows the OS (prefers-color-scheme, no attribute); light and
// dark set data-theme on <html>, which the colour tokens honour (styles/tokens.css).
import type { Settings } from '../../../shared/schemas.ts';

export type Theme = Settings['theme'];

export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
}
