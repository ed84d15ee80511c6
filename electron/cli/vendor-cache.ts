// zod and commander, which every command loads before it does anything, are most of the code a
// built CLI start compiles. Node 20 has no compile cache for ES modules (module.enableCompileCache
// came with 22.1), so scripts/build-cli.mjs bundles the two as one CommonJS file (vendor/) and
// ships V8's code cache for it, made by the build itself (vendor-train.ts). Here that file is
// compiled with the cache. V8 checks a cache against its own version and flags and the source,
// and compiles afresh when it does not fit (another Node, --cpu-prof), so a stale or missing cache
// costs only its read. The cache is a file of the package, never written at run time.
// Only the built CLI comes here (the build's plugin points `zod` and `commander` at it); run from
// source, the two load as usual.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/** What the vendor bundle exports: each library's exports under its name (zod, commander). */
export type VendorExports = Record<string, Record<string, unknown>>;

/** The code cache's file beside a vendor bundle. */
export const cacheFileOf = (file: string): string => `${file}.v8cache`;

/** The built CLI's folder: this code sits in its entry (out/cli) or in one of its chunks. */
function cliDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return basename(here) === 'chunks' ? dirname(here) : here;
}

/** Where a vendor bundle named by the build lives. */
export const vendorFile = (name: string, dir: string = cliDir()): string =>
  join(dir, 'vendor', name);

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(cacheFileOf(file));
  } catch {
    // No cache (a build that could not make one): V8 compiles the source instead.
    return undefined;
  }
}

/** Compiles and runs one CommonJS vendor bundle, with its code cache when there is one. */
export function compileVendor(
  file: string,
  useCache = true,
): { exports: VendorExports; script: Script; cacheRejected: boolean | undefined } {
  const source = readFileSync(file, 'utf8');
  const cachedData = useCache ? readCache(file) : undefined;
  // Node's own CommonJS wrapper, so the bundle runs as it would under require().
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    { filename: file, ...(cachedData ? { cachedData } : {}) },
  );
  const module = { exports: {} as VendorExports };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, script, cacheRejected: script.cachedDataRejected };
}

// One copy per process: both libraries keep state (zod's registries, commander's classes) that
// every importer must share, as one ES module instance would be shared.
const loaded = new Map<string, ReturnType<typeof compileVendor>>();

function load(name: string): ReturnType<typeof compileVendor> {
  let vendor = loaded.get(name);
  if (!vendor) {
    vendor = compileVendor(vendorFile(name));
    loaded.set(name, vendor);
  }
  return vendor;
}

/** The vendor bundle's exports, loaded on first use. */
export const loadVendor = (name: string): VendorExports => load(name).exports;

/** The compiled vendor bundle, for the build to make its code cache from (vendor-train.ts). */
export const vendorScript = (name: string): Script => load(name).script;
