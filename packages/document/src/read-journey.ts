import { err, parseJourney, problem, type Journey, type Result } from '@waymark/core';
import { detectFormat, type DocumentFormat } from './detect-format';
import type { LocatedProblem } from './located-problem';
import { parseSource } from './parse-source';
import { locateProblem } from './source-map';
import { checkSize, checkText, DEFAULT_MAX_BYTES } from './text-checks';

export interface ReadJourneyOptions {
  /** Used to tell JSON from YAML by extension; otherwise the content decides. */
  readonly fileName?: string;
  readonly format?: DocumentFormat;
  /** Refuse text over this many UTF-8 bytes (default 20 MB). */
  readonly maxBytes?: number;
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
  const tooLarge = checkSize(text, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (tooLarge) return err([tooLarge]);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const notText = checkText(body);
  if (notText) return err([notText]);
  if (body.trim() === '') {
    return err([problem('empty_document', [], 'the file is empty; expected a journey in YAML or JSON')]);
  }
  const format = options.format ?? detectFormat(body, options.fileName);
  const source = parseSource(
    body,
    format,
    options.format !== undefined || hasKnownExtension(options.fileName),
  );
  if (!source.ok) return source;
  const journey = parseJourney(source.value.data);
  if (journey.ok) return journey;
  return err(journey.error.map((p) => locateProblem(source.value.doc, source.value.lines, p)));
}
