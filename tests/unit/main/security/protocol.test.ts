// The app:// handler (SECURITY.md items 7 and 18): only files under the built renderer, no path
// traversal in any spelling, no other host, and the app's CSP on every response.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_CSP } from '../../../../shared/csp.ts';
import { SECURITY_HEADERS } from '../../../../shared/security-headers.ts';
import {
  appHeaders,
  createAppFileHandler,
  resolveAppPath,
} from '../../../../electron/main/app-files.ts';
import { registerAppScheme, serveApp } from '../../../../electron/main/protocol.ts';
import { electronFake } from '../../../helpers/fake-electron.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';

vi.mock('electron', async () => (await import('../../../helpers/fake-electron.ts')).electronFake);

let base: string;
let root: string;

beforeAll(() => {
  base = makeTempDir('app-protocol');
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(base, 'outside.txt'), 'not for the renderer');
  mkdirSync(join(base, 'renderer-evil'));
  writeFileSync(join(base, 'renderer-evil', 'x.js'), 'evil');
  symlinkSync(join(base, 'outside.txt'), join(root, 'assets', 'link.txt'));
});

describe('resolveAppPath', () => {
  it('maps app://renderer/ paths to files under the renderer folder', () => {
    expect(resolveAppPath('app://renderer/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://renderer/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://renderer/assets/index-abc.js?v=1#x', root)).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveAppPath('app://renderer/assets/a%20b.js', root)).toBe(
      join(root, 'assets', 'a b.js'),
    );
  });

  it.each([
    'app://renderer/../outside.txt',
    'app://renderer/assets/../../outside.txt',
    'app://renderer/%2e%2e/outside.txt',
    'app://renderer/%2E%2E/%2e%2e/etc/passwd',
    'app://renderer/.%2e/outside.txt',
    'app://renderer/..%2foutside.txt',
    'app://renderer/..%2Foutside.txt',
    'app://renderer/%2e%2e%2foutside.txt',
    'app://renderer/..%5coutside.txt',
    'app://renderer/assets%2f..%2f..%2foutside.txt',
    'app://renderer/./index.html',
    'app://renderer/%00index.html',
    'app://renderer/C:%5cWindows%5cwin.ini',
    'app://renderer/%',
    'app://evil/index.html',
    'app://renderer.evil/index.html',
    'app://user@renderer/index.html',
    'app://renderer:8080/index.html',
    'file:///etc/passwd',
    'https://renderer/index.html',
    '/etc/passwd',
    '../outside.txt',
    '',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(url, root)).toBeNull();
  });

  it('never resolves outside the renderer folder, whatever the path (property)', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E.', '%2f', '%5c', '..%2f', 'assets', 'index.html'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (parts) => {
        const file = resolveAppPath(`app://renderer/${parts.join('/')}`, root);
        return file === null || file.startsWith(`${root}/`);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the app:// handler', () => {
  const get = (url: string, method = 'GET') => createAppFileHandler(root)({ url, method });

  it('sends the security headers the preview host sends too (one constant), on every answer', async () => {
    expect(appHeaders(null)).toEqual({
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': APP_CSP,
      ...SECURITY_HEADERS,
    });
    for (const url of ['app://renderer/index.html', 'app://evil/index.html']) {
      const res = await get(url);
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(res.headers.get(name), `${url} ${name}`).toBe(value);
    }
  });

  it('serves the page with the CSP header and its content type', async () => {
    const res = await get('app://renderer/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>app</title>');
    const js = await get('app://renderer/assets/index-abc.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses traversal, other hosts and symlinks out of the folder, still with the CSP', async () => {
    for (const url of [
      'app://renderer/%2e%2e/outside.txt',
      'app://renderer/../renderer-evil/x.js',
      'app://evil/index.html',
      'app://renderer/assets/link.txt',
    ]) {
      const res = await get(url);
      expect(res.status, url).toBeGreaterThanOrEqual(400);
      expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
      expect(await res.text()).not.toContain('not for the renderer');
    }
  });

  it('answers 404 for a missing file and 405 for anything but GET and HEAD', async () => {
    expect((await get('app://renderer/nope.js')).status).toBe(404);
    expect((await get('app://renderer/index.html', 'POST')).status).toBe(405);
    expect((await get('app://renderer/index.html', 'HEAD')).status).toBe(200);
  });
});

describe('the CSP the handler sends', () => {
  const directives = new Map(
    APP_CSP.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('allows no inline script, no eval and nothing remote in script-src', () => {
    const script = directives.get('script-src') ?? directives.get('default-src') ?? [];
    expect(script).toEqual(["'self'"]);
    expect(APP_CSP).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|\*/);
  });

  it('starts from nothing and gives the page no network', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });
});

describe('registration', () => {
  it('registers app as a standard, secure scheme without CSP bypass or CORS', () => {
    registerAppScheme();
    expect(electronFake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves app:// in the session through the handler above', async () => {
    const handle = vi.fn();
    // A session's protocol is all serveApp touches.
    serveApp({ protocol: { handle } } as unknown as Electron.Session, root);
    expect(handle).toHaveBeenCalledWith('app', expect.any(Function));
    const serve = handle.mock.calls[0]?.[1] as (r: Request) => Promise<Response>;
    const res = await serve(new Request('app://renderer/index.html'));
    expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
  });
});
