// Types for scripts/electron-available.mjs (plain JS so start.sh runs it with bare node).
export type RuntimeAnswer = { ok: true; path: string } | { ok: false; reason: string };

export function electronBinaryPath(env?: NodeJS.ProcessEnv): RuntimeAnswer;

export function electronRuntime(options?: {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  args?: string[];
}): RuntimeAnswer;
