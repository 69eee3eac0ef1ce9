import { err, ok, parseJourney, problem, type Journey, type Problem, type Result } from '@waymark/core';
import { detectFormat, type DocumentFormat } from './detect-format';
import type { LocatedProblem } from './located-problem';
import { parseSource } from './parse-source';
import { locateProblem } from './source-map';
import { checkSize, checkText, DEFAULT_MAX_BYTES } from './text-checks';
import { unsafeCharacterProblem } from './unsafe-characters';

export interface ReadJourneyOptions {
  /** Used to tell JSON from YAML by extension; otherwise the content decides. */
  readonly fileName?: string;
  readonly format?: DocumentFormat;
  /** Refuse text over this many UTF-8 bytes (default 20 MB). */
  readonly maxBytes?: number;
}

/** A journey read from text, with a way to point later findings (advice, lint) at their line in that text. */
export interface JourneySource {
  readonly journey: Journey;
  readonly locate: (problem: Problem) => LocatedProblem;
}

const hasKnownExtension = (fileName: string | undefined) => /\.(json|ya?ml)$/i.test(fileName ?? '');

/**
 * A journey from the text of a YAML or JSON file: every problem (syntax, schema, invariants) with its path
 * into the document and the line and column of that node in the text.
 */
export function readJourneyText(
  text: string,
  options: ReadJourneyOptions = {},
): Result<Journey, LocatedProblem[]> {
  const source = readJourneySource(text, options);
  return source.ok ? ok(source.value.journey) : source;
}

/** As readJourneyText, keeping the parsed text so warnings found afterwards get a line and column too. */
export function readJourneySource(
  text: string,
  options: ReadJourneyOptions = {},
): Result<JourneySource, LocatedProblem[]> {
  const tooLarge = checkSize(text, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (tooLarge) return err([tooLarge]);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const notText = checkText(body);
  if (notText) return err([notText]);
  if (body.trim() === '') {
    return err([problem('empty_document', [], 'the file is empty; expected a journey in YAML or JSON')]);
  }
  const format = options.format ?? detectFormat(body, options.fileName);
  const strictJson = options.format !== undefined || hasKnownExtension(options.fileName);
  const source = parseSource(body, format, strictJson);
  if (!source.ok) return source;
  const { doc, lines } = source.value;
  const locate = (p: Problem) => locateProblem(doc, lines, p);
  const unsafe = unsafeCharacterProblem(source.value.data, doc, lines, body);
  if (unsafe) return err([unsafe]);
  const journey = parseJourney(source.value.data);
  return journey.ok ? ok({ journey: journey.value, locate }) : err(journey.error.map(locate));
}
