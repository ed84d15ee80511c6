// IPC sender check (SECURITY.md item 17): only the main frame of a window the app created,
// showing the app's own app:// origin, may call the API.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../electron/main/app-origin.ts';
import { senderAllowed } from '../../../electron/main/sender-check.ts';
import { createWindowRegistry } from '../../../electron/main/window-registry.ts';
import { FakeEmitter } from '../../helpers/fake-electron.ts';
import { fakeEvent, fakeFrame, ownsOnlyOne } from '../../helpers/fake-electron-events.ts';

describe('sender check', () => {
  it("accepts the main frame of the app's window on app://renderer", () => {
    expect(senderAllowed(fakeEvent(), ownsOnlyOne)).toBe(true);
    const deepLink = fakeFrame({ url: `${APP_ORIGIN}/index.html?view=keys#k1` });
    expect(senderAllowed(fakeEvent({ mainFrame: deepLink }), ownsOnlyOne)).toBe(true);
  });

  it('rejects a null senderFrame (navigated away or destroyed)', () => {
    expect(senderAllowed(fakeEvent({ senderFrame: null }), ownsOnlyOne)).toBe(false);
  });

  it('rejects a sub-frame, even one on the app origin', () => {
    const main = fakeFrame();
    const sub = fakeFrame({ parent: main });
    expect(senderAllowed(fakeEvent({ mainFrame: main, senderFrame: sub }), ownsOnlyOne)).toBe(
      false,
    );
  });

  it("rejects a parentless frame that is not the sender's main frame", () => {
    const main = fakeFrame();
    const other = fakeFrame({ processId: 99 });
    expect(senderAllowed(fakeEvent({ mainFrame: main, senderFrame: other }), ownsOnlyOne)).toBe(
      false,
    );
  });

  it.each([
    ['https://evil.example', 'https://evil.example/'],
    ['file://', 'file:///etc/passwd'],
    ['null', 'file:///tmp/index.html'],
    ['null', 'data:text/html,<script>1</script>'],
    ['http://127.0.0.1:4780', 'http://127.0.0.1:4780/'],
    ['app://evil', 'app://evil/index.html'],
    ['app://renderer.evil.example', 'app://renderer.evil.example/'],
    ['null', 'about:blank'],
  ])('rejects the foreign origin %s', (origin, url) => {
    const frame = fakeFrame({ origin, url });
    expect(senderAllowed(fakeEvent({ mainFrame: frame }), ownsOnlyOne)).toBe(false);
  });

  it('rejects an app origin whose URL says otherwise (and the reverse)', () => {
    const lying = fakeFrame({ origin: APP_ORIGIN, url: 'https://evil.example/' });
    expect(senderAllowed(fakeEvent({ mainFrame: lying }), ownsOnlyOne)).toBe(false);
    const other = fakeFrame({ origin: 'https://evil.example', url: `${APP_ORIGIN}/index.html` });
    expect(senderAllowed(fakeEvent({ mainFrame: other }), ownsOnlyOne)).toBe(false);
  });

  it('rejects a window the app did not create', () => {
    expect(senderAllowed(fakeEvent({ contentsId: 2 }), ownsOnlyOne)).toBe(false);
  });

  it('rejects every origin but the app’s own (property)', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['https', 'http', 'file', 'app', 'ftp'] }), (url) => {
        const origin = (() => {
          try {
            return new URL(url).origin;
          } catch {
            return 'null';
          }
        })();
        fc.pre(origin !== APP_ORIGIN);
        return !senderAllowed(fakeEvent({ mainFrame: fakeFrame({ origin, url }) }), ownsOnlyOne);
      }),
    );
  });
});

describe('window registry', () => {
  it('owns the windows it was given until they are destroyed', () => {
    const registry = createWindowRegistry();
    const contents = Object.assign(new FakeEmitter(), { id: 5 });
    expect(registry.owns(5)).toBe(false);
    registry.add(contents);
    expect(registry.owns(5)).toBe(true);
    expect(registry.owns(6)).toBe(false);
    contents.emit('destroyed');
    expect(registry.owns(5)).toBe(false);
  });
});
