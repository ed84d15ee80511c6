// The preview host: the renderer and the real handlers over loopback HTTP, behind a random
// token. It must refuse anything without the token, any foreign Host or Origin, anything but a
// JSON POST on the API, and any file outside the renderer, and send its CSP on every answer.
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CSP, PREVIEW_CSP } from '../../../shared/csp.ts';
import { SECURITY_HEADERS } from '../../../shared/security-headers.ts';
import { startPreview, type PreviewServer } from '../../../electron/preview/server.ts';
import {
  makeRendererDir,
  previewApi,
  rawRequest,
  startAppRig,
  type AppRig,
  type RawAnswer,
} from '../../helpers/app.ts';

const OUTSIDE = 'OUTSIDE-THE-RENDERER';

/** Writes `text` on a raw connection and resolves with everything read until the server closes. */
function rawSocket(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let got = '';
    socket.setEncoding('utf8').on('data', (d: string) => (got += d));
    socket.on('error', reject);
    socket.on('close', () => resolve(got));
  });
}

describe('preview host', () => {
  let rig: AppRig;
  let preview: PreviewServer;
  let port = 0;
  let t = '';
  let parent = '';
  beforeAll(async () => {
    rig = await startAppRig('preview-host', { keys: ['ci'] });
    const made = makeRendererDir('preview-host');
    const dir = made.dir;
    parent = made.parent;
    writeFileSync(join(parent, 'outside.txt'), OUTSIDE);
    mkdirSync(join(parent, 'renderer-evil'));
    writeFileSync(join(parent, 'renderer-evil', 'x.txt'), OUTSIDE);
    symlinkSync(join(parent, 'outside.txt'), join(dir, 'assets', 'link.txt'));
    symlinkSync(parent, join(dir, 'up'));
    preview = await startPreview({ rendererDir: dir, handlers: rig.handlers });
    port = preview.port;
    t = `/${preview.token}`;
  });
  afterAll(async () => {
    await preview?.close();
    await rig?.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    rawRequest(port, path, { headers });
  const post = (path: string, headers: Record<string, string>, body = '{}') =>
    rawRequest(port, path, { method: 'POST', headers, body });
  const json = { 'Content-Type': 'application/json' };
  /**
   * Every answer, refusals included, carries the preview CSP and the security headers the app://
   * handler sends too (one constant), and leaks nothing outside.
   */
  const expectStatus = (r: RawAnswer, status: number) => {
    expect(r.status).toBe(status);
    expect(r.headers['content-security-policy']).toBe(PREVIEW_CSP);
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect(r.headers[name.toLowerCase()], name).toBe(value);
    expect(r.body).not.toContain(OUTSIDE);
  };

  it('serves index.html under the token with the preview CSP in the meta and the header', async () => {
    expect(preview.url).toBe(`http://127.0.0.1:${port}${t}/`);
    expect(preview.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    for (const path of [`${t}/`, `${t}/index.html`]) {
      const r = await get(path);
      expectStatus(r, 200);
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.body).toContain(`content="${PREVIEW_CSP}"`);
      expect(r.body).not.toContain(APP_CSP);
    }
    expect(PREVIEW_CSP).toContain("connect-src 'self'");
    expect(PREVIEW_CSP).toMatch(/script-src 'self';/);
    const asset = await get(`${t}/assets/app.js`);
    expectStatus(asset, 200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a missing or wrong token with 403', async () => {
    const sameLength = (preview.token[0] === 'A' ? 'B' : 'A') + preview.token.slice(1);
    const paths = [
      '/',
      '/index.html',
      '/assets/app.js',
      `/?token=${preview.token}`,
      `/${sameLength}/`,
      `/${preview.token.slice(0, -1)}/`,
      `/${preview.token}A/`,
      `/x/${preview.token}/`,
    ];
    for (const path of paths) expectStatus(await get(path), 403);
    expectStatus(await post(`/${sameLength}/api/listAccounts`, json), 403);
  });

  it('refuses a foreign Origin with 403, on pages and on the API', async () => {
    const origins = [
      'http://evil.example',
      `http://127.0.0.1:${port + 1}`,
      `https://127.0.0.1:${port}`,
      `http://127.0.0.1:${port}.evil.example`,
      'null',
    ];
    for (const Origin of origins) {
      expectStatus(await get(`${t}/`, { Origin }), 403);
      expectStatus(await post(`${t}/api/revealKey`, { ...json, Origin }), 403);
    }
    expectStatus(await get(`${t}/`, { Origin: `http://localhost:${port}` }), 200);
  });

  it('refuses a foreign Host with 403 (DNS rebinding)', async () => {
    const hosts = [
      'evil.example',
      `attacker.com:${port}`,
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
      `127.0.0.2:${port}`,
      `[::1]:${port}`,
      `localhost.evil.example:${port}`,
    ];
    for (const Host of hosts) {
      expectStatus(await get(`${t}/`, { Host }), 403);
      expectStatus(await post(`${t}/api/listKeys`, { ...json, Host }), 403);
    }
    const local = { Host: `localhost:${port}`, Origin: `http://localhost:${port}` };
    expectStatus(await get(`${t}/`, local), 200);
  });

  it('takes only POSTs on the API (405 otherwise) and only JSON (415 otherwise)', async () => {
    expectStatus(await get(`${t}/api/listAccounts`), 405);
    expectStatus(await rawRequest(port, `${t}/api/listAccounts`, { method: 'PUT' }), 405);
    expectStatus(await post(`${t}/index.html`, json), 405);
    const wrongTypes = [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
      'application/jsonp',
      'application/json-patch+json',
      'application/jsonx; charset=utf-8',
    ];
    for (const type of wrongTypes)
      expectStatus(await post(`${t}/api/listAccounts`, { 'Content-Type': type }), 415);
    expectStatus(await post(`${t}/api/listAccounts`, {}), 415);
    // The media type is case-insensitive and may carry parameters.
    for (const type of ['Application/JSON', 'application/json; charset=utf-8', 'application/json;'])
      expectStatus(await post(`${t}/api/listAccounts`, { 'Content-Type': type }), 200);
  });

  it('answers 413 to a body over 64 KiB (declared or sent) and 400 to one that is not JSON', async () => {
    const big = JSON.stringify({ id: 'x'.repeat(65 * 1024) });
    expectStatus(await post(`${t}/api/revealKey`, json, big), 413);
    // Sent in chunks with no declared length: refused once it grows past the limit.
    const chunked = { ...json, 'Transfer-Encoding': 'chunked' };
    expectStatus(await post(`${t}/api/revealKey`, chunked, big), 413);
    expectStatus(await post(`${t}/api/revealKey`, json, '{"id":'), 400);
  });

  it('refuses a declared 10 GB body at once, before it is sent', async () => {
    const answer = await rawSocket(
      port,
      `POST ${t}/api/listKeys HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 10737418240\r\n\r\n{}',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
  });

  it('drops a body that stops arriving (408) instead of holding the connection', async () => {
    const slow = await startPreview({
      rendererDir: makeRendererDir('preview-idle').dir,
      handlers: rig.handlers,
      bodyIdleMs: 200,
    });
    try {
      const answer = await rawSocket(
        slow.port,
        `POST /${slow.token}/api/listKeys HTTP/1.1\r\nHost: 127.0.0.1:${slow.port}\r\n` +
          'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{}',
      );
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      await slow.close();
    }
  });

  it("refuses to write a key into the app's own files, or to a malformed path", async () => {
    const [id] = rig.keyIds;
    const dataDir = dirname(rig.core.store.path);
    const before = readFileSync(rig.core.store.path, 'utf8');
    for (const path of [rig.core.store.path, rig.core.audit.path, join(dataDir, 'x.env')]) {
      const r = await previewApi(port, preview.token, 'writeKeyToEnv', { id, path });
      expect(r).toMatchObject({ ok: false, error: { code: 'ENV_FILE' } });
    }
    expect(readFileSync(rig.core.store.path, 'utf8')).toBe(before);
    for (const secret of rig.secrets()) {
      expect(readFileSync(rig.core.store.path, 'utf8')).not.toContain(secret);
      expect(readFileSync(rig.core.audit.path, 'utf8')).not.toContain(secret);
    }
    for (const path of ['', join(parent, 'a\nb.env')]) {
      const r = await previewApi(port, preview.token, 'writeKeyToEnv', { id, path });
      expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
    expect(existsSync(join(parent, 'a\nb.env'))).toBe(false);
  });

  it('refuses an empty metadata patch without recording an event', async () => {
    const [id] = rig.keyIds;
    const events = () => readFileSync(rig.core.audit.path, 'utf8');
    const before = events();
    const r = await previewApi(port, preview.token, 'updateKeyMeta', { id, patch: {} });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect((r as { error: { message: string } }).error.message).toMatch(/Nothing to change/);
    expect(events()).toBe(before);
  });

  it("reports how many audit lines could not be read in the key's audit trail", async () => {
    const [id] = rig.keyIds;
    const clean = await previewApi(port, preview.token, 'keyAudit', { id });
    expect(clean).toMatchObject({ ok: true, value: { events: expect.any(Array) } });
    expect((clean as { value: object }).value).not.toHaveProperty('unreadableLines');
    appendFileSync(rig.core.audit.path, '{"at":"2026-12-01T00:00:00.000Z","act');
    await rig.ok('updateKeyMeta', { id: id as string, patch: { owner: 'ops' } });
    const torn = await previewApi(port, preview.token, 'keyAudit', { id });
    expect(torn).toMatchObject({ ok: true, value: { unreadableLines: 1 } });
    const first = (torn as { value: { events: Array<{ action: string }> } }).value.events[0];
    expect(first?.action).toBe('updated');
  });

  it('never serves a file outside the renderer (traversal, encoded slashes, symlinks)', async () => {
    const escapes = [
      `${t}/..%2foutside.txt`,
      `${t}/%2e%2e%2foutside.txt`,
      `${t}/assets%2f..%2f..%2foutside.txt`,
      `${t}/assets/..%2f..%2foutside.txt`,
      `${t}/..%2frenderer-evil%2fx.txt`,
      `${t}/..%5coutside.txt`,
      `${t}/${encodeURIComponent(join(parent, 'outside.txt'))}`,
      `${t}/assets/link.txt`,
      `${t}/up/outside.txt`,
      `${t}/outside.txt%00.js`,
      `${t}/missing.js`,
    ];
    for (const path of escapes) expectStatus(await get(path), 404);
    // A plain "../" (or its %2e form) is resolved away before routing: the token is gone with it.
    for (const path of [`${t}/%2e%2e/outside.txt`, `${t}/../outside.txt`])
      expectStatus(await get(path), 403);
  });

  it('answers 404, not an error, for a folder or a malformed escape', async () => {
    for (const path of [`${t}/assets`, `${t}/assets/`, `${t}/%E0%A4%A.js`, `${t}/%`])
      expectStatus(await get(path), 404);
  });

  it('runs the API through dispatch: a Result, typed errors, no stack', async () => {
    const accounts = await previewApi(port, preview.token, 'listAccounts', {});
    expect(accounts).toEqual({
      ok: true,
      value: [expect.objectContaining({ name: 'acme', isSandbox: true })],
    });
    const keys = await previewApi(port, preview.token, 'listKeys', {});
    expect(keys).toMatchObject({ ok: true, value: [{ label: 'ci' }] });
    for (const channel of ['nope', '__proto__', 'listKeys/extra'])
      expect(await previewApi(port, preview.token, channel, {})).toEqual({
        ok: false,
        error: { code: 'BAD_INPUT', message: 'Unknown request.' },
      });
    const bad = await previewApi(port, preview.token, 'revealKey', { id: 7, leak: 'avk_x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(JSON.stringify(bad)).not.toContain('avk_x');
    const r = await post(`${t}/api/getStatus`, json, '{}');
    expectStatus(r, 200);
    expect(r.headers['content-type']).toBe('application/json');
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { transport: 'preview' } });
  });
});
