// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
];

// `import * as electron` or a default import would hide ipcMain/ipcRenderer from the rules
// below: Electron is imported by name everywhere.
const wholeElectronImports = ['ImportNamespaceSpecifier', 'ImportDefaultSpecifier'].map((kind) => ({
  selector: `ImportDeclaration[source.value='electron'] > ${kind}`,
  message: "Import Electron's modules by name, so the IPC import rules can see them.",
}));

// The process boundaries as a matrix: one `no-restricted-imports` block per layer. In flat config
// a later block that sets the same rule for the same files replaces the earlier one instead of
// merging with it, so every layer's full list is built here and no two blocks overlap.
// tests/unit/lint/boundaries.test.ts plants one forbidden import per rule and proves each fails.
const nodePaths = nodeBuiltins.filter((n) => !n.includes('*'));
/** A relative import that climbs into one of these top-level or electron/ folders. */
const into = (folders, why) => ({
  regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`,
  message: why,
});
const noElectron = {
  paths: [{ name: 'electron', message: 'Only electron/main and the preload use Electron.' }],
  patterns: [
    { group: ['electron/*'], message: 'Only electron/main and the preload use Electron.' },
  ],
};
const restrict = (files, ignores, { paths = [], patterns = [] }) => ({
  files,
  ...(ignores.length ? { ignores } : {}),
  rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
});
const NOT_IN_RENDERER =
  'The renderer imports only shared/ and its own files; it talks to main through window.apexKeys.';
const rendererOwn = {
  paths: ['electron', ...nodePaths],
  patterns: [
    { group: ['node:*', 'electron/*'], message: NOT_IN_RENDERER },
    into(['electron', 'tests', 'bench', 'scripts', 'resources'], NOT_IN_RENDERER),
  ],
};
const layerBoundaries = [
  // The core runs in Node under the CLI, the preview host and main: it knows no host.
  restrict(['electron/core/**'], [], {
    paths: noElectron.paths,
    patterns: [
      ...noElectron.patterns,
      into(
        ['main', 'preload', 'preview', 'sandbox', 'cli', 'hosts', 'renderer'],
        'The core imports no host, CLI, preview, sandbox, renderer or Electron: they import it.',
      ),
    ],
  }),
  // The sandbox stands in for the remote ApexVerify server: it shares only shared/ with the app.
  restrict(['electron/sandbox/**'], [], {
    paths: noElectron.paths,
    patterns: [
      ...noElectron.patterns,
      {
        regex: '^\\.\\./(?!\\.\\./shared/)',
        message:
          'The sandbox imports only shared/ (and Node): it is a stand-in for the remote server, not part of the app.',
      },
    ],
  }),
  // Composition for the Node hosts (main and the preview host): no Electron, so the preview runs it.
  restrict(['electron/hosts/**'], [], {
    paths: noElectron.paths,
    patterns: [
      ...noElectron.patterns,
      into(
        ['main', 'preload', 'preview', 'cli', 'renderer'],
        'The hosts compose the core; the processes that run them import hosts, not the other way.',
      ),
    ],
  }),
  // The preview host runs in plain Node where there is no Electron.
  restrict(['electron/preview/**'], [], {
    paths: noElectron.paths,
    patterns: [
      ...noElectron.patterns,
      into(
        ['main', 'preload', 'cli', 'renderer'],
        'The preview host serves the built renderer and the core; it imports no other host.',
      ),
    ],
  }),
  // The CLI runs the core without a window.
  restrict(['electron/cli/**'], [], {
    paths: noElectron.paths,
    patterns: [
      ...noElectron.patterns,
      into(['main', 'preload', 'preview', 'renderer'], 'The CLI runs the core without a window.'),
    ],
  }),
  // Main reaches the renderer only over IPC, and the preview host is never packaged.
  restrict(['electron/main/**'], [], {
    patterns: [
      into(
        ['preview', 'cli', 'renderer'],
        'Main talks to the renderer over IPC only, and never packages the preview host or the CLI.',
      ),
    ],
  }),
  // A sandboxed preload can require only Electron's renderer modules; the rest is bundled.
  restrict(['electron/preload/**'], [], {
    paths: nodePaths,
    patterns: [
      { group: ['node:*'], message: 'A sandboxed preload has no Node.' },
      into(
        ['core', 'main', 'hosts', 'preview', 'cli', 'sandbox', 'renderer'],
        'The preload exposes the contract from shared/ and nothing else.',
      ),
    ],
  }),
  // The renderer: a sandboxed page with shared/ and its own files.
  restrict(
    ['renderer/**'],
    ['renderer/src/hooks/**', 'renderer/src/state/**', 'renderer/src/lib/**'],
    rendererOwn,
  ),
  // Hooks, state and helpers sit below the components: they never import one.
  restrict(['renderer/src/hooks/**', 'renderer/src/state/**', 'renderer/src/lib/**'], [], {
    paths: rendererOwn.paths,
    patterns: [
      ...rendererOwn.patterns,
      {
        regex: '(^|/)components/',
        message:
          'hooks, state and lib sit below the components: move the shared piece down into lib/.',
      },
    ],
  }),
  // shared/ is imported by every process, the renderer too: no Node, no Electron, no process code.
  restrict(['shared/**'], [], {
    paths: ['electron', ...nodePaths],
    patterns: [
      {
        group: ['node:*', 'electron/*'],
        message: 'shared/ runs in every process, the renderer too.',
      },
      into(['electron', 'renderer'], 'shared/ imports no process code: the processes import it.'),
    ],
  }),
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'out', 'release', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  ...layerBoundaries,
  {
    // The renderer runs in a sandboxed browser page: DOM globals and React's hook rules.
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Only the preload may touch ipcRenderer, and only electron/main/ipc.ts may touch ipcMain.
    files: ['electron/**'],
    ignores: ['electron/preload/**', 'electron/main/ipc.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportSpecifier[imported.name=/^ipc(Main|Renderer)$/]',
          message:
            'Only electron/main/ipc.ts imports ipcMain, and only the preload imports ipcRenderer.',
        },
        ...wholeElectronImports,
      ],
    },
  },
  {
    // The preload is the renderer's side: ipcMain has no business there.
    files: ['electron/preload/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportSpecifier[imported.name="ipcMain"]',
          message: 'The preload talks to main through ipcRenderer only.',
        },
        ...wholeElectronImports,
      ],
    },
  },
  {
    // Main's IPC registration never reaches for the renderer's side.
    files: ['electron/main/ipc.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportSpecifier[imported.name="ipcRenderer"]',
          message: 'ipcRenderer belongs to the preload.',
        },
        ...wholeElectronImports,
      ],
    },
  },
);
