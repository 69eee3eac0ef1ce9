import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { problem } from '@waymark/core';
import { problemCodesFromZod } from '@waymark/core/testing';
import { cliNamespaces } from '@waymark/i18n/cli';
import { describe, expect, it } from 'vitest';
import { cliWords } from './emit-sql/words';
import { problemLines, problemWordsId } from './problem-words';

/**
 * Every problem code reading a journey file can produce has words on the command line (`commands.problem.*`), in
 * English and in Welsh. The codes are found in the sources that make problems, so a new code without words fails
 * here rather than reaching a person as the plain "no words yet" sentence.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const sourcesIn = (folder: string) =>
  readdirSync(join(root, folder))
    .filter((f) => f.endsWith('.ts') && !/\.(test|fixture)\.ts$/.test(f))
    .map((f) => join(folder, f));
const sources = [
  ...sourcesIn('packages/core/src/journey'),
  'packages/core/src/text/decode-text.ts',
  ...sourcesIn('packages/document/src'),
  'apps/cli/src/files/read-journey-file.ts',
];
const read = (file: string) => readFileSync(join(root, file), 'utf8');

/** zod's issue codes, each made by zod itself so an upgrade that adds or renames one fails here. */
const zodCodes = () => [
  ...problemCodesFromZod(),
  // zod 4 reports a bad map or set entry as the entry's own issue, but the code exists
  'invalid_element',
];

/**
 * A problem made from an expression rather than a literal code, and the codes it can make. A new expression fails
 * the test until it is listed here with its codes.
 */
function dynamicCodes(expression: string, file: string, text: string): string[] | undefined {
  if (expression === "`${what.replace(/ /g, '_')}_not_found`")
    // need(map, value, path, 'lever category', 'leverCategories')
    return [...text.matchAll(/'([a-z ]+)',\s*'[A-Za-z]+',?\s*\)/g)].map(
      (m) => `${m[1]!.replace(/ /g, '_')}_not_found`,
    );
  if (expression === '`invalid_${format}`') return ['invalid_yaml', 'invalid_json'];
  if (file.endsWith('decode-bytes.ts') && expression === 'code')
    return [...read('packages/core/src/text/decode-text.ts').matchAll(/code: '([a-z0-9_]+)'/g)].map(
      (m) => m[1]!,
    );
  if (file.endsWith('parse.ts') && expression.startsWith("issue.code === 'custom'")) return zodCodes();
  if (file.endsWith('advice.ts') && expression === 'code')
    return [...text.matchAll(/\bwarn\(\s*'([a-z0-9_]+)'/g)].map((m) => m[1]!);
  return undefined;
}

/** The first argument of the call whose `(` is at `open`: up to the first comma outside brackets and quotes. */
function firstArgument(text: string, open: number): string {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) return text.slice(open + 1, i).trim();
  }
  return text.slice(open + 1);
}

function producedCodes(): { codes: Set<string>; unlisted: string[] } {
  const codes = new Set<string>();
  const unlisted: string[] = [];
  for (const file of sources) {
    const text = read(file);
    for (const m of text.matchAll(/(?<![\w$]|[^.]\.)problem\(/g)) {
      const first = firstArgument(text, m.index + m[0].length - 1);
      const literal = /^'([a-z0-9_]+)'$/.exec(first);
      const made = literal ? [literal[1]!] : dynamicCodes(first, file, text);
      if (made) made.forEach((c) => codes.add(c));
      else unlisted.push(`${file}: problem(${first}, …)`);
    }
    for (const m of text.matchAll(/\bcode: '([a-z0-9_]+)'/g)) codes.add(m[1]!);
  }
  return { codes, unlisted };
}

describe('every problem code has words on the command line', () => {
  const { codes, unlisted } = producedCodes();

  it('finds the codes of each kind of problem, and every way one is made', () => {
    expect(unlisted).toEqual([]);
    for (const code of [
      'duplicate_id',
      'lane_not_found',
      'lever_category_not_found',
      'invalid_too_big',
      'invalid_value',
      'feedback_loop_forward',
      'duplicate_key',
      'invalid_yaml',
      'invalid_json',
      'not_utf8',
      'invalid_utf16',
      'file_unreadable',
      'not_a_journey',
    ])
      expect(codes).toContain(code);
  });

  it.each(['en', 'cy'] as const)('%s: each code has words', (locale) => {
    const words = cliNamespaces.commands[locale] as Record<string, string>;
    expect([...codes].filter((code) => !words[problemWordsId(code)]?.trim())).toEqual([]);
  });
});

describe('problemLines', () => {
  const ctx = (env: Record<string, string> = {}) => ({
    stdout: () => {},
    stderr: () => {},
    cwd: '.',
    env,
  });

  it('given a code without words, then the plain sentence naming the code, never the English message', async () => {
    const p = { ...problem('brand_new_check', ['cards', 2], 'an English sentence'), line: 7, column: 3 };
    expect(await problemLines(ctx(), [p], 'j.yaml')).toEqual([
      'j.yaml:7:3 cards[2]: Waymark found a problem here that it has no words for yet (code brand_new_check). Check this part of the file.',
    ]);
    expect(await problemLines(ctx({ WAYMARK_LANG: 'cy' }), [p], 'j.yaml')).toEqual([
      'j.yaml:7:3 cards[2]: Daeth Waymark o hyd i broblem yma nad oes ganddo eiriau ar ei chyfer eto (cod brand_new_check). Gwiriwch y rhan hon o’r ffeil.',
    ]);
  });

  it('given a known code made without the values its words need, then the plain sentence too', async () => {
    const p = problem('lane_not_found', ['cards', 0, 'laneId'], 'no lane with id "x" in lanes');
    const [line] = await problemLines(ctx(), [p], 'j.yaml');
    expect(line).toBe(
      'j.yaml cards[0].laneId: Waymark found a problem here that it has no words for yet (code lane_not_found). Check this part of the file.',
    );
    expect(cliWords({})('commands.problem.emptyDocument')).toBe(
      'The file is empty. Give a journey in YAML or JSON.',
    );
  });
});
