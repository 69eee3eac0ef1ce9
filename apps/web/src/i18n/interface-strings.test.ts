/**
 * Fails if an interface string is written in the code instead of the message catalogue (decision 0017).
 *
 * It reads every source file of the web app and of the poster/export renderer with the TypeScript parser and
 * reports, by file and line:
 * - text between JSX tags that has a letter in it (`<h1>Journeys</h1>`);
 * - a string with a letter in an attribute people read or hear (`aria-label="Close"`, `title`, `placeholder`,
 *   `alt`, `label`…);
 * - any other string or template text that reads as prose: it starts with a capital letter followed by a small one
 *   and has a space in it (`'Add step'`, `` `Step ${n} of ${m}` ``).
 * A line that is not for people (a programmer's error, a file format's own header) says so with a comment holding
 * `i18n-exempt` and why, on that line or the one above.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));

const spokenAttributes = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
  'legend',
  'hint',
  'heading',
  'caption',
  'summary',
  'description',
]);

const prose = /^\s*[A-Z][a-z’'][\s\S]*\s/;
const hasLetter = /\p{L}/u;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (
      /\.tsx?$/.test(name) &&
      !/(\.test\.tsx?|\.d\.ts|test-fixtures\.ts|\.fixture\.ts|testing\.ts)$/.test(name)
    )
      out.push(path);
  }
  return out;
}

/** Every hard-coded interface string in one file, as `path:line: text`. */
export function literalStrings(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const file = ts.createSourceFile(
    path,
    text,
    ts.ScriptTarget.Latest,
    true,
    path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const lines = text.split('\n');
  const exempt = (node: ts.Node) => {
    const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
    return /i18n-exempt/.test(lines[line] ?? '') || /i18n-exempt/.test(lines[line - 1] ?? '');
  };
  const found: string[] = [];
  const report = (node: ts.Node, words: string) => {
    if (exempt(node)) return;
    const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
    found.push(`${relative(repo, path)}:${line}: ${words.trim().replace(/\s+/g, ' ').slice(0, 80)}`);
  };
  const isImportOrType = (node: ts.Node): boolean => {
    for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
      if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isLiteralTypeNode(p)) return true;
      if (ts.isCallExpression(p) && /^console\./.test(p.expression.getText(file))) return true;
    }
    return false;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (hasLetter.test(node.text)) report(node, node.text);
    } else if (ts.isJsxAttribute(node) && spokenAttributes.has(node.name.getText(file))) {
      const init = node.initializer;
      if (init && ts.isStringLiteral(init) && hasLetter.test(init.text)) report(init, init.text);
    } else if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
      !ts.isJsxAttribute(node.parent) &&
      prose.test(node.text) &&
      !isImportOrType(node)
    ) {
      report(node, node.text);
    } else if (ts.isTemplateExpression(node) && !isImportOrType(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
      if (
        parts.some((p) => prose.test(p)) ||
        (prose.test(node.head.text + ' ') && node.head.text.includes(' '))
      )
        report(node, parts.join('…'));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const web = join(repo, 'apps/web/src');
const areas = [
  ...readdirSync(web)
    .filter((name) => statSync(join(web, name)).isDirectory() && name !== 'i18n')
    .map((name) => join(web, name)),
  join(repo, 'packages/render/src'),
  join(repo, 'packages/measure/src'),
];

describe('every interface string is in the message catalogue', () => {
  it.each(areas.map((dir) => [relative(repo, dir), dir]))('%s', (_name, dir) => {
    const found = sourceFiles(dir).flatMap(literalStrings);
    expect(found, `${found.length} strings written in the code instead of the catalogue`).toEqual([]);
  });

  it('finds the kinds of string it is meant to find (and not class names or ids)', () => {
    const probe = join(repo, 'apps/web/src/i18n/interface-strings.probe.tsx');
    const found = literalStrings(probe).map((line) => line.replace(/^.*probe\.tsx:/, ''));
    expect(found).toEqual(['4: Journeys', '5: Close', '6: Add step', '7: Step … of …']);
  });
});
