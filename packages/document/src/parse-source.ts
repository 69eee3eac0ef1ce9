import { LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import { describeUnsafeCharacter, err, findUnsafeCharacter, ok, problem, type Result } from '@waymark/core';
import type { DocumentFormat } from './detect-format';
import { jsonErrorOffset } from './json-error-offset';
import type { LocatedProblem } from './located-problem';
import { unsafeValues } from './unsafe-characters';

/** Plain data read from a file, with the parsed document and line table to point problems back at. */
export interface ParsedSource {
  readonly data: unknown;
  readonly doc: Document;
  readonly lines: LineCounter;
}

/** Aliases may share a value a few times; more than this is an expansion attack ("billion laughs"). */
export const MAX_ALIAS_COUNT = 100;
/** Past this, further syntax errors are mostly echoes of the first ones. */
const MAX_SYNTAX_PROBLEMS = 20;

const keyAt = (text: string, offset: number): string => {
  const m = text.slice(offset, offset + 300).match(/^(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^:#\n]+?)\s*:)/);
  return (m?.[1] ?? m?.[2] ?? m?.[3] ?? '').trim();
};

/** The tag written at `offset` (`!include`), or the text there when it is not a tag. */
const tagAt = (text: string, offset: number): string =>
  /^!\S*/.exec(text.slice(offset, offset + 100))?.[0] ?? '';

function syntaxProblem(
  e: YAMLError,
  text: string,
  lines: LineCounter,
  format: DocumentFormat,
): LocatedProblem {
  const { line, col } = lines.linePos(e.pos[0]);
  const at = { line, column: col };
  const name = format === 'json' ? 'JSON' : 'YAML';
  switch (e.code) {
    case 'DUPLICATE_KEY':
      return {
        ...problem(
          'duplicate_key',
          [],
          `the field "${keyAt(text, e.pos[0])}" appears twice in the same object; keep one`,
          'error',
          { key: keyAt(text, e.pos[0]) },
        ),
        ...at,
      };
    case 'MULTIPLE_DOCS':
      return {
        ...problem(
          'multiple_documents',
          [],
          'a second document starts here (after "---"); expected one journey per file',
        ),
        ...at,
      };
    case 'TAG_RESOLVE_FAILED':
      return {
        ...problem('unsupported_tag', [], `${e.message}; write plain values without tags`, 'error', {
          tag: tagAt(text, e.pos[0]),
        }),
        ...at,
      };
    default:
      return {
        ...problem(`invalid_${format}`, [], `not valid ${name}: ${e.message}`, 'error', {
          reason: e.code.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
        }),
        ...at,
      };
  }
}

function jsonProblem(e: unknown, text: string, lines: LineCounter): LocatedProblem {
  const message = e instanceof Error ? e.message : String(e);
  const position = Number(message.match(/at position (\d+)/)?.[1] ?? jsonErrorOffset(text));
  const clean = message
    .replace(/\s*in JSON at position \d+.*$/, '')
    .replace(/, ".*" is not valid JSON$/s, '');
  const { line, col } = lines.linePos(position);
  const bad = findUnsafeCharacter(text.slice(position, position + 1));
  if (/control character/i.test(message) && bad)
    return {
      ...problem(
        'unsafe_character',
        [],
        `this text ${describeUnsafeCharacter({ ...bad, index: col - 1 }).replace(/ at position \d+/, '')}`,
        'error',
        unsafeValues('text', { ...bad, index: col - 1 }),
      ),
      line,
      column: col,
    };
  return {
    ...problem('invalid_json', [], `not valid JSON: ${clean}`, 'error', { reason: 'strictJson' }),
    line,
    column: col,
  };
}

/** A file nested so deep that reading it ran out of stack: said in words, not the engine's. */
const tooDeep = (): LocatedProblem =>
  problem(
    'too_deep',
    [],
    'the file nests lists or fields thousands of levels deep, which no journey does; check that it is the right file',
  );

function aliasProblem(e: unknown): LocatedProblem {
  if (e instanceof RangeError) return tooDeep();
  const message = e instanceof Error ? e.message : String(e);
  return /alias count/i.test(message)
    ? problem(
        'alias_limit',
        [],
        `aliases (*name) expand to too much data (more than ${MAX_ALIAS_COUNT}); write the values out`,
        'error',
        { max: MAX_ALIAS_COUNT },
      )
    : problem('invalid_yaml', [], `not valid YAML: ${message}`, 'error', { reason: 'other' });
}

/**
 * Parses YAML, or JSON as the YAML 1.2 it is, so both get line and column for every problem. JSON is then
 * read with JSON.parse as well, so a `.json` file holds strict JSON (no comments, no trailing commas);
 * `strictJson` is false when the format was guessed from the content, and a YAML flow map is accepted.
 */
export function parseSource(
  text: string,
  format: DocumentFormat,
  strictJson: boolean,
): Result<ParsedSource, LocatedProblem[]> {
  const lines = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, {
      lineCounter: lines,
      prettyErrors: false,
      uniqueKeys: true,
      schema: 'core',
    });
  } catch (e) {
    if (e instanceof RangeError) return err([tooDeep()]);
    throw e;
  }
  const issues = [...doc.errors, ...doc.warnings];
  // The YAML reader catches its own stack overflow on deep nesting and reports it as a syntax error.
  if (issues.some((e) => /call stack/i.test(e.message))) return err([tooDeep()]);
  if (issues.length > 0) {
    const problems = issues.slice(0, MAX_SYNTAX_PROBLEMS).map((e) => syntaxProblem(e, text, lines, format));
    if (issues.length > MAX_SYNTAX_PROBLEMS) {
      problems.push(
        problem(
          `invalid_${format}`,
          [],
          `…and ${issues.length - MAX_SYNTAX_PROBLEMS} more problems`,
          'error',
          {
            reason: 'more',
            count: issues.length - MAX_SYNTAX_PROBLEMS,
          },
        ),
      );
    }
    return err(problems);
  }
  if (format === 'json') {
    try {
      return ok({ data: JSON.parse(text) as unknown, doc, lines });
    } catch (e) {
      if (strictJson) return err([jsonProblem(e, text, lines)]);
    }
  }
  try {
    return ok({ data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown, doc, lines });
  } catch (e) {
    return err([aliasProblem(e)]);
  }
}
