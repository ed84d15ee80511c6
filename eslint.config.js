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
