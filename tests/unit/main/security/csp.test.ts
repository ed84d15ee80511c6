// The built renderer (SECURITY.md item 7): index.html carries the app's CSP in its meta tag,
// with no 'unsafe-inline' or 'unsafe-eval' in script-src, and holds no inline script or style
// that such a policy would need. Built here with the real renderer config (about 3 s).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_CSP } from '../../../../shared/csp.ts';
import { rendererConfig } from '../../../../vite.renderer.config.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';

let html = '';

beforeAll(async () => {
  // A private output folder: the shared out/renderer may be in use by the preview host.
  const outDir = join(makeTempDir('renderer-build'), 'renderer');
  await build({
    ...rendererConfig,
    logLevel: 'silent',
    build: { ...rendererConfig.build, outDir, emptyOutDir: true },
  });
  html = readFileSync(join(outDir, 'index.html'), 'utf8');
}, 120_000);

const cspMeta = (page: string) =>
  [...page.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)].map(
    (m) => m[1],
  );

describe('built index.html', () => {
  it('has exactly one CSP meta tag, the app’s policy', () => {
    expect(cspMeta(html)).toEqual([APP_CSP]);
  });

  it("has no 'unsafe-inline' or 'unsafe-eval' in script-src", () => {
    const policy = cspMeta(html)[0] ?? '';
    const scriptSrc = policy
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src '));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('loads its script from a file and inlines no script or style', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs = '', body = ''] of scripts) {
      expect(attrs).toMatch(/\bsrc="\.\/assets\/[^"]+\.js"/);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b|\sstyle="|\son[a-z]+="/i);
  });
});
