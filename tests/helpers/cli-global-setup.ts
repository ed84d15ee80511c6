// Vitest global setup for the Node project: builds the CLI and the spawned test fixtures once per
// run (the suites run the
// built bundle, as an installed apexkeys does) and measures how long it takes to start here and
// now, so the CLI helper's timeouts scale with the machine instead of a fixed 60 s.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildFixtures } from './fixture-bundles.ts';
import { REPO_ROOT } from './repo-root.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built CLI's `--version`, whole process, median of three runs, in ms. */
    cliStartMs: number;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  await buildFixtures();
  const build = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/build-cli.mjs'), '--quiet'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('The CLI could not be built (scripts/build-cli.mjs).');
  const bundle = join(REPO_ROOT, 'out/cli/main.js');
  const once = (): number => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [bundle, '--version'], { stdio: 'ignore' });
    if (r.status !== 0) throw new Error('The built CLI does not start: `--version` failed.');
    return performance.now() - t0;
  };
  once(); // warm-up: the first run also pays for the file cache
  const runs = [once(), once(), once()].sort((a, b) => a - b);
  project.provide('cliStartMs', runs[1] as number);
}
