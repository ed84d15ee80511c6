// The lint matrix proven by planting: every boundary in eslint.config.js gets one forbidden import
// in a temporary copy of the tree's config, and lint must fail on it with the boundary's rule;
// the allowed imports beside it must pass, so a rule can be neither missing nor over-broad.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/repo-root.ts';

type Rule = 'no-restricted-imports' | 'no-restricted-syntax';
interface Plant {
  /** Where the planted file sits, as a path in the tree. */
  file: string;
  code: string;
  /** The boundary rule that must fire; null: an allowed import that must pass. */
  rule: Rule | null;
}

const imp = (spec: string) => `import '${spec}';\n`;
const forbidden = (file: string, spec: string): Plant => ({
  file,
  code: imp(spec),
  rule: 'no-restricted-imports',
});
const allowed = (file: string, spec: string): Plant => ({ file, code: imp(spec), rule: null });
const syntax = (file: string, code: string): Plant => ({
  file,
  code,
  rule: 'no-restricted-syntax',
});

const PLANTS: Plant[] = [
  // the core imports no host, CLI, preview, sandbox, renderer or Electron
  forbidden('electron/core/planted.ts', 'electron'),
  forbidden('electron/core/planted.ts', '../main/window.ts'),
  forbidden('electron/core/planted.ts', '../preload/index.ts'),
  forbidden('electron/core/planted.ts', '../preview/server.ts'),
  forbidden('electron/core/planted.ts', '../sandbox/server.ts'),
  forbidden('electron/core/planted.ts', '../cli/program.ts'),
  forbidden('electron/core/rotation/planted.ts', '../../hosts/compose.ts'),
  forbidden('electron/core/planted.ts', '../../renderer/src/main.tsx'),
  allowed('electron/core/rotation/planted.ts', '../keys.ts'),
  allowed('electron/core/planted.ts', '../../shared/errors.ts'),
  allowed('electron/core/planted.ts', 'node:fs'),
  // the sandbox imports only shared/
  forbidden('electron/sandbox/planted.ts', 'electron'),
  forbidden('electron/sandbox/planted.ts', '../core/accounts.ts'),
  forbidden('electron/sandbox/planted.ts', '../hosts/compose.ts'),
  forbidden('electron/sandbox/planted.ts', '../../renderer/src/main.tsx'),
  allowed('electron/sandbox/planted.ts', '../../shared/errors.ts'),
  allowed('electron/sandbox/planted.ts', './keys.ts'),
  allowed('electron/sandbox/planted.ts', 'node:http'),
  // the hosts compose the core for main and the preview, without Electron
  forbidden('electron/hosts/planted.ts', 'electron'),
  forbidden('electron/hosts/planted.ts', '../main/window.ts'),
  allowed('electron/hosts/planted.ts', '../core/accounts.ts'),
  allowed('electron/hosts/planted.ts', '../sandbox/server.ts'),
  // the preview host imports no Electron
  forbidden('electron/preview/planted.ts', 'electron'),
  forbidden('electron/preview/planted.ts', '../main/ipc.ts'),
  allowed('electron/preview/planted.ts', '../hosts/compose.ts'),
  // the CLI runs without a window
  forbidden('electron/cli/planted.ts', 'electron'),
  forbidden('electron/cli/commands/planted.ts', '../../main/window.ts'),
  forbidden('electron/cli/planted.ts', '../preview/server.ts'),
  allowed('electron/cli/commands/planted.ts', '../../core/keys.ts'),
  // main never packages the preview host, the CLI or the renderer's code
  forbidden('electron/main/planted.ts', '../preview/server.ts'),
  forbidden('electron/main/planted.ts', '../cli/program.ts'),
  forbidden('electron/main/planted.ts', '../../renderer/src/main.tsx'),
  allowed('electron/main/planted.ts', 'electron'),
  allowed('electron/main/planted.ts', '../hosts/compose.ts'),
  // the preload: Electron's renderer modules and the contract
  forbidden('electron/preload/planted.ts', 'node:fs'),
  forbidden('electron/preload/planted.ts', 'fs'),
  forbidden('electron/preload/planted.ts', '../core/keys.ts'),
  forbidden('electron/preload/planted.ts', '../main/ipc.ts'),
  allowed('electron/preload/planted.ts', '../../shared/ipc/contract.ts'),
  // the renderer imports only shared/ and its own files
  forbidden('renderer/src/components/planted.tsx', 'electron'),
  forbidden('renderer/src/components/planted.tsx', 'node:fs'),
  forbidden('renderer/src/components/planted.tsx', 'fs'),
  forbidden('renderer/src/components/planted.tsx', '../../../electron/core/keys.ts'),
  forbidden('renderer/src/planted.ts', '../../electron/preload/index.ts'),
  forbidden('renderer/test/planted.ts', '../../tests/helpers/tmp.ts'),
  allowed('renderer/src/components/planted.tsx', '../../../shared/views.ts'),
  allowed('renderer/src/components/planted.tsx', './modal.tsx'),
  allowed('renderer/src/components/planted.tsx', '../lib/dates.ts'),
  // hooks, state and lib import no component
  forbidden('renderer/src/hooks/planted.ts', '../components/modal.tsx'),
  forbidden('renderer/src/state/planted.ts', '../components/modal.tsx'),
  forbidden('renderer/src/lib/planted.ts', '../components/modal.tsx'),
  forbidden('renderer/src/state/planted.ts', 'electron'),
  forbidden('renderer/src/lib/planted.ts', '../../../electron/core/keys.ts'),
  allowed('renderer/src/hooks/planted.ts', '../lib/dates.ts'),
  allowed('renderer/src/state/planted.ts', '../../../shared/views.ts'),
  // shared/ imports no process
  forbidden('shared/planted.ts', 'node:fs'),
  forbidden('shared/planted.ts', 'path'),
  forbidden('shared/planted.ts', 'electron'),
  forbidden('shared/planted.ts', '../electron/core/keys.ts'),
  forbidden('shared/ipc/planted.ts', '../../renderer/src/main.tsx'),
  allowed('shared/ipc/planted.ts', '../errors.ts'),
  allowed('shared/planted.ts', 'zod'),
  // ipcMain only in electron/main/ipc.ts, ipcRenderer only in the preload, Electron by name
  syntax(
    'electron/main/planted.ts',
    "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n",
  ),
  syntax(
    'electron/main/planted.ts',
    "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
  ),
  syntax(
    'electron/main/ipc.ts',
    "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
  ),
  syntax(
    'electron/preload/planted.ts',
    "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n",
  ),
  syntax(
    'electron/main/planted.ts',
    "import * as electron from 'electron';\nexport const x = electron;\n",
  ),
  syntax(
    'electron/main/planted.ts',
    "import electron from 'electron';\nexport const x = electron;\n",
  ),
  {
    file: 'electron/main/ipc.ts',
    code: "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n",
    rule: null,
  },
  {
    file: 'electron/preload/planted.ts',
    code: "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
    rule: null,
  },
];

let dir: string;
let eslint: ESLint;

beforeAll(() => {
  // A temporary copy of the config, with the project's packages, so the planted files never
  // touch the real tree (another test or a developer may be linting it).
  dir = mkdtempSync(join(tmpdir(), 'apexkeys-lint-'));
  copyFileSync(join(REPO_ROOT, 'eslint.config.js'), join(dir, 'eslint.config.js'));
  copyFileSync(join(REPO_ROOT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  eslint = new ESLint({ cwd: dir });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function lintPlant(p: Plant): Promise<string[]> {
  const path = join(dir, p.file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, p.code);
  try {
    const [result] = await eslint.lintFiles([path]);
    return (result?.messages ?? []).map((m) => m.ruleId ?? 'parse-error');
  } finally {
    rmSync(path);
  }
}

describe('lint boundaries, planted one by one', () => {
  for (const p of PLANTS) {
    const what = p.code.trim().split('\n')[0];
    const title = p.rule ? `${p.file}: \`${what}\` fails lint` : `${p.file}: \`${what}\` passes`;
    it(title, async () => {
      const rules = await lintPlant(p);
      expect(rules).not.toContain('parse-error');
      if (p.rule) expect(rules).toContain(p.rule);
      else {
        expect(rules).not.toContain('no-restricted-imports');
        expect(rules).not.toContain('no-restricted-syntax');
      }
    });
  }
});
