// Every APEXKEYS_* variable the hosts (Electron main, the preview host, the CLI) read, parsed
// once per process by one schema, so a value means the same everywhere: the empty string is
// "unset" (the default), and a value outside a variable's allowed set stops the start with a
// message naming the variable, instead of being used unchecked or silently ignored.
import { z } from 'zod';
import { AppError } from '../../shared/errors.ts';
import { DEFAULT_KEYCHAIN_SERVICE, defaultDataDir } from '../core/paths.ts';

/** The built-in sandbox's port when APEXKEYS_SANDBOX_PORT is unset (the README names it). */
export const DEFAULT_SANDBOX_PORT = 4780;

export interface HostConfig {
  /** APEXKEYS_DATA_DIR, or the app's user-data folder. */
  dataDir: string;
  /** APEXKEYS_KEYCHAIN_SERVICE, or the product's service name. */
  keychainService: string;
  /** HTTP tuning; undefined leaves the ApexVerify client's own default. */
  http: { timeoutMs?: number; retries?: number; maxRetryAfterSec?: number };
  sandbox: {
    /** False for APEXKEYS_SANDBOX=off: the hosts start no built-in sandbox. */
    enabled: boolean;
    port: number;
    /** Undefined: the hosts keep it beside the store. */
    stateFile?: string;
  };
  preview: {
    /** Undefined: any free port. */
    port?: number;
    /** Undefined: the built renderer (out/renderer). */
    rendererDir?: string;
  };
  /** APEXKEYS_DEBUG=1: print the stack of an unexpected error. */
  debug: boolean;
  /**
   * APEXKEYS_DEMO=1: npm start set up a throwaway keychain and data folder (no Secret Service
   * could be reached at all); the window says so on every screen.
   */
  demo: boolean;
}

export interface ConfigVariable {
  name: string;
  /** The allowed values and the default, as the README's table shows them. */
  values: string;
  description: string;
}

/** One line each; the README's "Environment variables" table is checked against this list. */
export const CONFIG_VARIABLES = [
  {
    name: 'APEXKEYS_DATA_DIR',
    values: "a folder (default: the app's user-data folder)",
    description: 'where the store, the audit trail and the sandbox state live',
  },
  {
    name: 'APEXKEYS_KEYCHAIN_SERVICE',
    values: `a name (default \`${DEFAULT_KEYCHAIN_SERVICE}\`)`,
    description: 'the OS keychain service the secrets are stored under',
  },
  {
    name: 'APEXKEYS_HTTP_TIMEOUT_MS',
    values: 'a whole number, 1 or more (default 10000)',
    description: 'milliseconds before an ApexVerify request times out',
  },
  {
    name: 'APEXKEYS_HTTP_RETRIES',
    values: 'a whole number, 0 or more (default 3)',
    description: 'retries of a GET after a network error, a timeout or a 5xx',
  },
  {
    name: 'APEXKEYS_MAX_RETRY_AFTER_SEC',
    values: 'a whole number, 0 or more (default 30)',
    description: 'the longest 429 `Retry-After` waited for; beyond it the call fails',
  },
  {
    name: 'APEXKEYS_SANDBOX',
    values: '`on` or `off` (default `on`)',
    description: 'whether the window and the preview host start the built-in sandbox account',
  },
  {
    name: 'APEXKEYS_SANDBOX_PORT',
    values: `a port, 0 to 65535, 0 = any free one (default ${DEFAULT_SANDBOX_PORT})`,
    description: "the built-in sandbox's port on 127.0.0.1",
  },
  {
    name: 'APEXKEYS_SANDBOX_STATE',
    values: 'a file (default `sandbox-state.json` in the data folder)',
    description: "the built-in sandbox's state file",
  },
  {
    name: 'APEXKEYS_PREVIEW_PORT',
    values: 'a port, 0 to 65535 (default: any free one)',
    description: "the preview host's port on 127.0.0.1",
  },
  {
    name: 'APEXKEYS_PREVIEW_RENDERER_DIR',
    values: 'a folder (default `out/renderer`)',
    description: 'the built renderer the preview host serves (tests point it at a stand-in)',
  },
  {
    name: 'APEXKEYS_DEBUG',
    values: '`0` or `1` (default `0`)',
    description: "`1`: the CLI prints an unexpected error's stack trace",
  },
  {
    name: 'APEXKEYS_DEMO',
    values: '`0` or `1` (default `0`)',
    description:
      '`1`: set by `npm start` for a demo on a throwaway keychain and data folder; the window shows a demo banner',
  },
] as const satisfies readonly ConfigVariable[];

export type ConfigVariableName = (typeof CONFIG_VARIABLES)[number]['name'];

// The message of each check is the variable's allowed values (without the README's code marks),
// so the error can quote them.
const allowed = (name: ConfigVariableName) =>
  (CONFIG_VARIABLES.find((v) => v.name === name)?.values ?? '').replaceAll('`', '');

/** The empty string is "unset", the same in every host. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
}

function wholeNumber(name: ConfigVariableName, min: number, max = Number.MAX_SAFE_INTEGER) {
  return optional(
    z
      .string()
      .regex(/^\d+$/, allowed(name))
      .transform(Number)
      .pipe(z.number().min(min, allowed(name)).max(max, allowed(name))),
  );
}

function oneOf<const T extends readonly [string, ...string[]]>(
  name: ConfigVariableName,
  values: T,
) {
  return optional(z.enum(values, { error: allowed(name) }));
}

const path = optional(z.string());

const schema = z.object({
  APEXKEYS_DATA_DIR: path,
  APEXKEYS_KEYCHAIN_SERVICE: path,
  APEXKEYS_HTTP_TIMEOUT_MS: wholeNumber('APEXKEYS_HTTP_TIMEOUT_MS', 1),
  APEXKEYS_HTTP_RETRIES: wholeNumber('APEXKEYS_HTTP_RETRIES', 0),
  APEXKEYS_MAX_RETRY_AFTER_SEC: wholeNumber('APEXKEYS_MAX_RETRY_AFTER_SEC', 0),
  APEXKEYS_SANDBOX: oneOf('APEXKEYS_SANDBOX', ['on', 'off']),
  APEXKEYS_SANDBOX_PORT: wholeNumber('APEXKEYS_SANDBOX_PORT', 0, 65535),
  APEXKEYS_SANDBOX_STATE: path,
  APEXKEYS_PREVIEW_PORT: wholeNumber('APEXKEYS_PREVIEW_PORT', 0, 65535),
  APEXKEYS_PREVIEW_RENDERER_DIR: path,
  APEXKEYS_DEBUG: oneOf('APEXKEYS_DEBUG', ['0', '1']),
  APEXKEYS_DEMO: oneOf('APEXKEYS_DEMO', ['0', '1']),
} satisfies Record<ConfigVariableName, z.ZodType>);

/** A value's text for the message, cut short: these are names and numbers, never secrets. */
function shown(value: unknown): string {
  const text = String(value);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

/**
 * The host configuration from the environment. Throws AppError BAD_INPUT (the CLI's exit 2)
 * naming the first bad variable, its value and its allowed values.
 */
export function parseHostConfig(env: NodeJS.ProcessEnv): HostConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'APEXKEYS_*');
    throw new AppError(
      'BAD_INPUT',
      `${name}=${shown(env[name])} is not allowed; use ${issue?.message ?? 'a valid value'}.`,
    );
  }
  const e = parsed.data;
  return {
    dataDir: e.APEXKEYS_DATA_DIR ?? defaultDataDir(env),
    keychainService: e.APEXKEYS_KEYCHAIN_SERVICE ?? DEFAULT_KEYCHAIN_SERVICE,
    http: {
      ...(e.APEXKEYS_HTTP_TIMEOUT_MS !== undefined
        ? { timeoutMs: e.APEXKEYS_HTTP_TIMEOUT_MS }
        : {}),
      ...(e.APEXKEYS_HTTP_RETRIES !== undefined ? { retries: e.APEXKEYS_HTTP_RETRIES } : {}),
      ...(e.APEXKEYS_MAX_RETRY_AFTER_SEC !== undefined
        ? { maxRetryAfterSec: e.APEXKEYS_MAX_RETRY_AFTER_SEC }
        : {}),
    },
    sandbox: {
      enabled: e.APEXKEYS_SANDBOX !== 'off',
      port: e.APEXKEYS_SANDBOX_PORT ?? DEFAULT_SANDBOX_PORT,
      ...(e.APEXKEYS_SANDBOX_STATE !== undefined ? { stateFile: e.APEXKEYS_SANDBOX_STATE } : {}),
    },
    preview: {
      ...(e.APEXKEYS_PREVIEW_PORT !== undefined ? { port: e.APEXKEYS_PREVIEW_PORT } : {}),
      ...(e.APEXKEYS_PREVIEW_RENDERER_DIR !== undefined
        ? { rendererDir: e.APEXKEYS_PREVIEW_RENDERER_DIR }
        : {}),
    },
    debug: e.APEXKEYS_DEBUG === '1',
    demo: e.APEXKEYS_DEMO === '1',
  };
}
