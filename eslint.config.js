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
  {
    // The core runs in Node, the CLI and the preview host: it must never reach for Electron.
    files: ['electron/core/**', 'electron/cli/**', 'electron/sandbox/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron'], patterns: ['electron/*'] }],
    },
  },
  {
    // The renderer runs in a sandboxed browser page: DOM globals, no Node, no Electron.
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', ...nodeBuiltins.filter((n) => !n.includes('*'))],
          patterns: ['node:*', 'electron/*', '**/electron/core/**', '**/electron/main/**'],
        },
      ],
    },
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
      // A sandboxed preload can require only Electron's renderer modules; the rest is bundled.
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.filter((n) => !n.includes('*')),
          patterns: ['node:*', '**/electron/core/**', '**/electron/main/**'],
        },
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
  {
    // shared/ is imported by the renderer too: no Node, no Electron.
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', ...nodeBuiltins.filter((n) => !n.includes('*'))],
          patterns: ['node:*'],
        },
      ],
    },
  },
);
