// The hosts' one configuration: every APEXKEYS_* variable parsed by one schema, the empty string
// meaning the default everywhere, a bad value stopping the start by name, and the README's table
// listing exactly the variables the schema knows, with the same values and meaning.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYCHAIN_SERVICE, defaultDataDir } from '../../../electron/core/paths.ts';
import {
  CONFIG_VARIABLES,
  DEFAULT_SANDBOX_PORT,
  parseHostConfig,
} from '../../../electron/hosts/config.ts';
import { REPO_ROOT } from '../../helpers/repo-root.ts';

describe('parseHostConfig', () => {
  it('gives the defaults for an empty environment', () => {
    expect(parseHostConfig({})).toEqual({
      dataDir: defaultDataDir({}),
      keychainService: DEFAULT_KEYCHAIN_SERVICE,
      http: {},
      sandbox: { enabled: true, port: DEFAULT_SANDBOX_PORT },
      preview: {},
      debug: false,
      demo: false,
    });
  });

  it('reads every variable', () => {
    expect(
      parseHostConfig({
        APEXKEYS_DATA_DIR: '/data',
        APEXKEYS_KEYCHAIN_SERVICE: 'svc',
        APEXKEYS_HTTP_TIMEOUT_MS: '400',
        APEXKEYS_HTTP_RETRIES: '0',
        APEXKEYS_MAX_RETRY_AFTER_SEC: '2',
        APEXKEYS_SANDBOX: 'off',
        APEXKEYS_SANDBOX_PORT: '0',
        APEXKEYS_SANDBOX_STATE: '/data/sb.json',
        APEXKEYS_PREVIEW_PORT: '65535',
        APEXKEYS_PREVIEW_RENDERER_DIR: '/r',
        APEXKEYS_DEBUG: '1',
        APEXKEYS_DEMO: '1',
      }),
    ).toEqual({
      dataDir: '/data',
      keychainService: 'svc',
      http: { timeoutMs: 400, retries: 0, maxRetryAfterSec: 2 },
      sandbox: { enabled: false, port: 0, stateFile: '/data/sb.json' },
      preview: { port: 65535, rendererDir: '/r' },
      debug: true,
      demo: true,
    });
  });

  it('treats the empty string as unset, for every variable', () => {
    const empty = Object.fromEntries(CONFIG_VARIABLES.map((v) => [v.name, '']));
    expect(parseHostConfig(empty)).toEqual(parseHostConfig({}));
  });

  it('takes the default data folder from the given environment, not the current directory', () => {
    const env = { APEXKEYS_DATA_DIR: '', XDG_CONFIG_HOME: '/xdg' };
    expect(parseHostConfig(env).dataDir).toBe(defaultDataDir(env));
  });

  it.each([
    ['APEXKEYS_SANDBOX_PORT', 'abc', /a port, 0 to 65535/],
    ['APEXKEYS_SANDBOX_PORT', '65536', /a port, 0 to 65535/],
    ['APEXKEYS_SANDBOX_PORT', '-1', /a port, 0 to 65535/],
    ['APEXKEYS_SANDBOX_PORT', ' 80', /a port, 0 to 65535/],
    ['APEXKEYS_PREVIEW_PORT', '8080.5', /a port, 0 to 65535/],
    ['APEXKEYS_HTTP_TIMEOUT_MS', '0', /a whole number, 1 or more/],
    ['APEXKEYS_HTTP_TIMEOUT_MS', 'ten', /a whole number, 1 or more/],
    ['APEXKEYS_HTTP_RETRIES', '1e3', /a whole number, 0 or more/],
    ['APEXKEYS_MAX_RETRY_AFTER_SEC', 'Infinity', /a whole number, 0 or more/],
    ['APEXKEYS_SANDBOX', 'no', /on or off/],
    ['APEXKEYS_SANDBOX', 'OFF', /on or off/],
    ['APEXKEYS_DEBUG', 'true', /0 or 1/],
    ['APEXKEYS_DEMO', 'yes', /0 or 1/],
  ])('refuses %s=%j, naming it and its allowed values', (name, value, allowed) => {
    const run = () => parseHostConfig({ [name]: value });
    expect(run).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    expect(run).toThrow(`${name}=${JSON.stringify(value)} is not allowed; use `);
    expect(run).toThrow(allowed);
  });

  it('knows one sandbox switch: APEXKEYS_PREVIEW_SANDBOX is gone', () => {
    expect(CONFIG_VARIABLES.map((v) => v.name)).not.toContain('APEXKEYS_PREVIEW_SANDBOX');
    expect(parseHostConfig({ APEXKEYS_PREVIEW_SANDBOX: 'off' }).sandbox.enabled).toBe(true);
    expect(parseHostConfig({ APEXKEYS_SANDBOX: 'off' }).sandbox.enabled).toBe(false);
  });

  it('ignores variables that are not its own (the test scripts set some)', () => {
    expect(parseHostConfig({ APEXKEYS_TEST_ROOT: '/tmp/x', PATH: '/bin' })).toEqual(
      parseHostConfig({}),
    );
  });

  it('keeps a long bad value short in the message', () => {
    expect(() => parseHostConfig({ APEXKEYS_SANDBOX: 'x'.repeat(500) })).toThrow(
      /^APEXKEYS_SANDBOX="x{57}\.\.\." is not allowed/,
    );
  });
});

describe('the README', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  /** The "Environment variables" table, as name -> [values, meaning], whatever its padding. */
  const table = () => {
    const section = readme.split('\n## Environment variables\n')[1]?.split('\n## ')[0] ?? '';
    const rows = new Map<string, [string, string]>();
    for (const line of section.split('\n')) {
      const cells = line.split('|').map((c) => c.trim());
      const name = /^`(APEXKEYS_[A-Z_]+)`$/.exec(cells[1] ?? '')?.[1];
      if (name) rows.set(name, [cells[2] ?? '', cells[3] ?? '']);
    }
    return rows;
  };

  it('lists every variable in one table, with the same values and meaning', () => {
    const expected = new Map(CONFIG_VARIABLES.map((v) => [v.name, [v.values, v.description]]));
    expect(table()).toEqual(expected);
  });

  it('names no retired variable', () => {
    expect(readme).not.toContain('APEXKEYS_PREVIEW_SANDBOX');
  });
});
