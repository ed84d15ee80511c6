// waitForChange through dispatch, over a real core and its change feed: a change made by the
// CLI (another process, on the same data folder) answers the long poll; a zero timeout answers at
// once; a host without a feed answers unchanged; malformed input is refused; the window's own
// writes (a whole Verify all) wake nothing, while the CLI's still do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChangeFeed, type ChangeFeed } from '../../../../electron/core/change-feed.ts';
import {
  createClipboardGuard,
  memoryClipboard,
} from '../../../../electron/core/clipboard-guard.ts';
import { addAccount } from '../../../../electron/core/accounts.ts';
import { generateKey } from '../../../../electron/core/keys.ts';
import { getSettings } from '../../../../electron/core/settings.ts';
import { startSandboxServer } from '../../../../electron/sandbox/server.ts';
import type { VerifyJob } from '../../../../shared/views.ts';
import { dispatch } from '../../../../electron/core/window-api/dispatch.ts';
import { createHandlers, type Handlers } from '../../../../electron/core/window-api/handlers.ts';
import { makeCore } from '../../../helpers/core.ts';
import { runCli } from '../../../helpers/cli.ts';

type Core = Awaited<ReturnType<typeof makeCore>>;

function handlersOver(core: Core, changes?: ChangeFeed): Handlers {
  return createHandlers({
    deps: core,
    clipboard: createClipboardGuard({ clipboard: memoryClipboard() }),
    openExternal: async () => true,
    transport: 'preview',
    platform: 'linux',
    ...(changes ? { changes } : {}),
  });
}

describe('waitForChange', () => {
  let core: Core;
  let feed: ChangeFeed;
  let handlers: Handlers;
  const service = `apexkeys-test-changes-${process.pid}`;
  beforeAll(async () => {
    core = await makeCore('app-changes');
    feed = createChangeFeed({ dir: core.dataDir });
    handlers = handlersOver(core, feed);
  });
  afterAll(() => {
    feed?.close();
  });

  it('answers at once with a zero timeout, unchanged', async () => {
    await expect(dispatch(handlers, 'waitForChange', { since: 0, timeoutMs: 0 })).resolves.toEqual({
      ok: true,
      value: { revision: 0, changed: false },
    });
  });

  it('answers the long poll when the CLI changes a setting, and the change is there', async () => {
    const waiting = dispatch(handlers, 'waitForChange', { since: 0 });
    const cli = await runCli({ dataDir: core.dataDir, service }, [
      'settings',
      'set',
      '--clipboard-clear-sec',
      '45',
    ]);
    expect(cli.code).toBe(0);
    const answer = await waiting;
    expect(answer).toMatchObject({ ok: true, value: { changed: true } });
    const revision = answer.ok ? (answer.value as { revision: number }).revision : 0;
    expect(revision).toBeGreaterThan(0);
    // What the window reloads after the answer already holds the change.
    expect((await getSettings(core)).clipboardClearSec).toBe(45);
    // Caught up (once the burst's last bump is in): the latest revision waits again.
    const caughtUp = async () => {
      const r = await dispatch(handlers, 'waitForChange', { since: feed.revision, timeoutMs: 0 });
      return r.ok && (r.value as { changed: boolean }).changed;
    };
    await expect.poll(caughtUp).toBe(false);
    expect(feed.revision).toBeGreaterThanOrEqual(revision);
  });

  it('a revision the feed never gave (a restarted host) answers changed at once', async () => {
    const r = await dispatch(handlers, 'waitForChange', { since: 9999, timeoutMs: 60_000 });
    expect(r).toMatchObject({ ok: true, value: { changed: true } });
  });

  it('a host without a feed answers unchanged', async () => {
    const bare = handlersOver(core);
    await expect(dispatch(bare, 'waitForChange', { since: 3, timeoutMs: 0 })).resolves.toEqual({
      ok: true,
      value: { revision: 3, changed: false },
    });
  });

  it('refuses malformed input', async () => {
    for (const input of [{ since: -1 }, { since: 1.5 }, { since: 0, timeoutMs: 60_001 }, {}])
      await expect(dispatch(handlers, 'waitForChange', input)).resolves.toMatchObject({
        ok: false,
        error: { code: 'BAD_INPUT' },
      });
  });
});

describe("the window's own writes", () => {
  it('a Verify all through the handlers wakes no waiter; a CLI write after it does', async () => {
    const core = await makeCore('app-own-writes');
    const sandbox = await startSandboxServer({ rpm: 100_000 });
    const feed = createChangeFeed({ dir: core.dataDir });
    try {
      await addAccount(core, {
        name: 'acme',
        baseUrl: sandbox.url,
        secret: sandbox.bootstrapKey as string,
      });
      for (const label of ['a', 'b', 'c'])
        await generateKey(core, { account: 'acme', label, environment: 'staging' });
      const handlers = handlersOver(core, feed);
      const call = async <T>(channel: string, input: unknown): Promise<T> => {
        const r = await dispatch(handlers, channel, input);
        if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
        return r.value as T;
      };
      // Caught up with the set-up's writes (made outside the handlers, so they count).
      const since = (await call<{ revision: number }>('waitForChange', { since: 0, timeoutMs: 0 }))
        .revision;
      const waiting = call<{ changed: boolean }>('waitForChange', { since, timeoutMs: 60_000 });
      const { jobId } = await call<VerifyJob>('startVerifyAll', {});
      const job = () => call<VerifyJob>('getVerifyAll', { jobId });
      await expect.poll(async () => (await job()).state, { timeout: 30_000 }).toBe('done');
      expect((await job()).ok).toBe(3);
      await call('updateKeyMeta', { id: (await job()).results[0]?.keyId, patch: { notes: 'x' } });
      await expect(call('waitForChange', { since, timeoutMs: 0 })).resolves.toEqual({
        revision: since,
        changed: false,
      });

      const cli = await runCli(
        { dataDir: core.dataDir, service: `apexkeys-test-own-${process.pid}` },
        ['settings', 'set', '--clipboard-clear-sec', '50'],
      );
      expect(cli.code).toBe(0);
      await expect(waiting).resolves.toMatchObject({ changed: true });
    } finally {
      feed.close();
      await sandbox.close();
    }
  });
});
