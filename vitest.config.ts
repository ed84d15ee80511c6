import { defineConfig } from 'vitest/config';

// Two projects in one run (one report): Node tests under tests/, and the renderer's own tests in
// happy-dom (vitest.renderer.config.ts).
export default defineConfig({
  test: {
    // Two files at a time. Vitest's default for a run is one fewer than the cores, so one here,
    // and most suites wait on child processes, the keychain and HTTP rather than compute: one at a
    // time left the second core idle for most of the run. Every suite keeps to its own temp
    // folders, keychain service, ports and private build folders, so they can overlap.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'node',
          include: ['tests/**/*.test.ts'],
          // electron-store imports `electron` at load: inlined, it gets the tests' fake instead.
          server: { deps: { inline: ['electron-store'] } },
          // Budgets, not expectations: the crash and CLI suites run many child processes, and on a
          // machine busy with other work 60 s was too little for some (nothing waits this long
          // when the machine is free).
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // Builds out/cli once per run and measures its start (the CLI suites' timeouts scale
          // with it: tests/helpers/cli.ts).
          globalSetup: ['tests/helpers/cli-global-setup.ts'],
          // The secret scan reads what every other suite left behind, so it runs last, alone.
          sequence: { groupOrder: 0 },
        },
      },
      './vitest.renderer.config.ts',
    ],
  },
});
