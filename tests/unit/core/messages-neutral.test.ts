// The core's words reach the window and the CLI alike, so none of them may name an apexkeys
// command or a CLI flag: each front end phrases its own next step from the error's code and rule.
// This reads every string and template literal in electron/core with the TypeScript parser.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/repo-root.ts';

const CORE = join(REPO_ROOT, 'electron/core');

/** Names, not messages: the store's file name and the keychain canary's id. */
const NAMES = new Set(['apexkeys', '__apexkeys_canary__']);

/**
 * "the apexkeys CLI" describes who may hold the store's lock; it names the tool, not a command.
 * Removed before the check, so any other use of the word still fails.
 */
const NEUTRAL_MENTION = /\bapexkeys CLI\b/g;

/** A command ("apexkeys key list"), or a flag after a space, quote or parenthesis (" --account"). */
const COMMAND = /\bapexkeys\s/;
// A literal that starts with "--" is an argv entry (git's --error-unmatch), not prose.
const FLAG = /[\s"'(`]--[a-z]/;

interface Literal {
  file: string;
  line: number;
  text: string;
}

function isModuleSpecifier(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent))
    return parent.moduleSpecifier === node;
  if (ts.isExternalModuleReference(parent)) return true;
  if (ts.isLiteralTypeNode(parent) && ts.isImportTypeNode(parent.parent)) return true;
  // import('x') and require('x')
  return (
    ts.isCallExpression(parent) &&
    (parent.expression.kind === ts.SyntaxKind.ImportKeyword ||
      (ts.isIdentifier(parent.expression) && parent.expression.text === 'require'))
  );
}

function literalsOf(path: string): Literal[] {
  const source = ts.createSourceFile(
    path,
    readFileSync(path, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: Literal[] = [];
  const add = (node: ts.Node, text: string) =>
    found.push({
      file: relative(REPO_ROOT, path),
      line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      text,
    });
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (!isModuleSpecifier(node)) add(node, node.text);
      return;
    }
    if (ts.isTemplateExpression(node)) {
      // The literal parts joined, so a flag split by a substitution is still seen.
      add(node, [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('${…}'));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function coreFiles(): string[] {
  return readdirSync(CORE, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(CORE, f));
}

function offends(text: string): boolean {
  if (NAMES.has(text)) return false;
  const prose = text.replace(NEUTRAL_MENTION, '');
  return COMMAND.test(prose) || FLAG.test(prose);
}

describe('the core names no front end', () => {
  const literals = coreFiles().flatMap(literalsOf);

  it('reads the core (the check would pass vacuously on nothing)', () => {
    expect(literals.length).toBeGreaterThan(500);
    expect(literals.some((l) => l.text === 'apexkeys')).toBe(true);
  });

  it('has no message naming an apexkeys command or a CLI flag', () => {
    const bad = literals.filter((l) => offends(l.text)).map((l) => `${l.file}:${l.line} ${l.text}`);
    expect(bad).toEqual([]);
  });

  it('catches what it is for', () => {
    expect(offends('start one with "apexkeys rotate start LABEL".')).toBe(true);
    expect(offends('choose one with --account NAME.')).toBe(true);
    expect(offends('add ("--no-verify")')).toBe(true);
    expect(offends('the app or the apexkeys CLI')).toBe(false);
    expect(offends('--error-unmatch')).toBe(false);
    expect(offends('__apexkeys_canary__')).toBe(false);
  });
});
