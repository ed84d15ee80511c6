// AST check (SECURITY.md checklist 2-4, 6, 8-11): every window or view that can host a renderer,
// anywhere under electron/, is created from an options literal with contextIsolation and sandbox
// on, nodeIntegration off, and nothing weakened. No window at all fails too, so the check cannot
// pass by finding nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../helpers/repo-root.ts';

const ROOT = REPO_ROOT;
const RENDERER_HOSTS = new Set(['BrowserWindow', 'WebContentsView', 'BrowserView']);
const REQUIRED: Record<string, boolean> = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
};
// Present only with this value (or absent, so Electron's safe default holds).
const ONLY_IF: Record<string, boolean> = {
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  nodeIntegrationInSubFrames: false,
  nodeIntegrationInWorker: false,
  webviewTag: false,
};
const NEVER = ['enableBlinkFeatures'];

interface Finding {
  where: string;
  host: string;
  problems: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(p);
    return /\.(m|c)?(t|j)sx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

const propName = (p: ts.ObjectLiteralElementLike): string | null =>
  p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : null;

const boolValue = (e: ts.Expression): boolean | null =>
  e.kind === ts.SyntaxKind.TrueKeyword
    ? true
    : e.kind === ts.SyntaxKind.FalseKeyword
      ? false
      : null;

/** Every value must be visible in the literal: no spreads, no shorthand, no computed names. */
function literalProps(obj: ts.ObjectLiteralExpression, problems: string[], what: string) {
  const props = new Map<string, ts.Expression>();
  for (const p of obj.properties) {
    const name = propName(p);
    if (!ts.isPropertyAssignment(p) || name === null) {
      problems.push(`${what}: only plain "name: value" properties can be checked`);
      continue;
    }
    props.set(name, p.initializer);
  }
  return props;
}

function checkOptions(arg: ts.Expression | undefined): string[] {
  const problems: string[] = [];
  if (!arg || !ts.isObjectLiteralExpression(arg))
    return ['options are not an object literal, so they cannot be checked'];
  const webPreferences = literalProps(arg, problems, 'options').get('webPreferences');
  if (!webPreferences || !ts.isObjectLiteralExpression(webPreferences))
    return [...problems, 'webPreferences is missing or not an object literal'];
  const prefs = literalProps(webPreferences, problems, 'webPreferences');
  for (const [name, want] of Object.entries(REQUIRED)) {
    const value = prefs.get(name);
    if (!value || boolValue(value) !== want) problems.push(`${name} must be the literal ${want}`);
  }
  for (const [name, want] of Object.entries(ONLY_IF)) {
    const value = prefs.get(name);
    if (value && boolValue(value) !== want) problems.push(`${name} may only be ${want}`);
  }
  for (const name of NEVER) if (prefs.has(name)) problems.push(`${name} must not be set`);
  return problems;
}

/** Finds `new X(...)` where X is a renderer host, under any local alias or as electron.X. */
function scan(fileName: string, text: string): Finding[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const aliases = new Map<string, string>();
  const findings: Finding[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportSpecifier(node)) {
      const imported = (node.propertyName ?? node.name).text;
      if (RENDERER_HOSTS.has(imported)) aliases.set(node.name.text, imported);
    }
    if (ts.isNewExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : null;
      const host = name && (aliases.get(name) ?? (RENDERER_HOSTS.has(name) ? name : null));
      if (host) {
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
        findings.push({
          where: `${relative(ROOT, fileName)}:${line + 1}`,
          host,
          problems: checkOptions(node.arguments?.[0]),
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

describe('every BrowserWindow under electron/', () => {
  const findings = sourceFiles(join(ROOT, 'electron')).flatMap((f) =>
    scan(f, readFileSync(f, 'utf8')),
  );

  it('exists (a scan that finds nothing proves nothing)', () => {
    expect(findings.filter((f) => f.host === 'BrowserWindow').length).toBeGreaterThan(0);
  });

  it('has contextIsolation and sandbox on, nodeIntegration off, and nothing weakened', () => {
    expect(findings.filter((f) => f.problems.length > 0)).toEqual([]);
  });
});

describe('the checker itself', () => {
  const ok =
    'webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, preload: p }';
  const problemsOf = (src: string) => scan('probe.ts', src).flatMap((f) => f.problems);

  it('accepts a hardened window', () => {
    expect(problemsOf(`new BrowserWindow({ width: 1, ${ok} })`)).toEqual([]);
  });

  it.each([
    ['contextIsolation off', 'contextIsolation: false, sandbox: true, nodeIntegration: false'],
    ['sandbox missing', 'contextIsolation: true, nodeIntegration: false'],
    ['nodeIntegration on', 'contextIsolation: true, sandbox: true, nodeIntegration: true'],
    [
      'webSecurity off',
      'contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: false',
    ],
    [
      'insecure content',
      'contextIsolation: true, sandbox: true, nodeIntegration: false, allowRunningInsecureContent: true',
    ],
    [
      'experimental',
      'contextIsolation: true, sandbox: true, nodeIntegration: false, experimentalFeatures: true',
    ],
    [
      'blink features',
      "contextIsolation: true, sandbox: true, nodeIntegration: false, enableBlinkFeatures: 'X'",
    ],
    [
      'sub-frames',
      'contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInSubFrames: true',
    ],
    [
      'workers',
      'contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: true',
    ],
    ['webview', 'contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: true'],
    ['a spread', 'contextIsolation: true, sandbox: true, nodeIntegration: false, ...weak'],
    ['a computed value', 'contextIsolation: flag, sandbox: true, nodeIntegration: false'],
  ])('rejects %s', (_what, prefs) => {
    expect(
      problemsOf(`new BrowserWindow({ webPreferences: { ${prefs} } })`).length,
    ).toBeGreaterThan(0);
  });

  it('finds windows under an alias, through a namespace, and views too', () => {
    expect(problemsOf("import { BrowserWindow as W } from 'electron'; new W({})").length).toBe(1);
    expect(problemsOf('new electron.BrowserWindow(opts)').length).toBe(1);
    expect(problemsOf('new WebContentsView({ webPreferences: {} })').length).toBeGreaterThan(0);
  });
});
