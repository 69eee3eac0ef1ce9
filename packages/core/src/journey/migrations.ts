import { problem, type Problem } from '../problem';
import { err, ok, type Result } from '../result';
import { emotionScaleIds, emotionScales, toEmotionScore, type EmotionScale } from './scales';
import { separateTemplateGuidance } from '../templates/guidance';
import { CURRENT_SCHEMA_VERSION } from './schema';

type Doc = Record<string, unknown>;

/** A named step from one schema version to the next, on plain data read from a file or the database. */
export interface Migration {
  readonly from: number;
  readonly name: string;
  readonly up: (doc: Doc) => Result<Doc, Problem[]>;
}

const isObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Version 1 kept emotion as the respondent gave it (`value` on a named `scale`). Version 2 stores the
 * −100…+100 `score` every chart uses and keeps the original as `original`.
 */
const emotionOnOneScale: Migration = {
  from: 1,
  name: 'emotion-on-one-scale',
  up: (doc) => {
    const problems: Problem[] = [];
    const cards = Array.isArray(doc.cards) ? doc.cards : [];
    const migrated = cards.map((card: unknown, i) => {
      if (!isObject(card) || card.kind !== 'emotion' || !('value' in card)) return card;
      const { value, scale = 'minus100-100', ...rest } = card;
      if (typeof value !== 'number' || !emotionScaleIds.includes(scale as EmotionScale)) {
        problems.push(
          problem(
            'invalid_emotion',
            ['cards', i, 'value'],
            `expected a number value on one of the scales ${emotionScaleIds.join(', ')}`,
            'error',
            { reason: 'notOnScale', scales: emotionScaleIds.join(', ') },
          ),
        );
        return card;
      }
      try {
        const score = toEmotionScore(value, scale as EmotionScale);
        return scale === 'minus100-100' ? { ...rest, score } : { ...rest, score, original: { scale, value } };
      } catch (e) {
        const { min, max } = emotionScales[scale as EmotionScale];
        problems.push(
          problem('invalid_emotion', ['cards', i, 'value'], (e as Error).message, 'error', {
            reason: 'outOfRange',
            scale: String(scale),
            min,
            max,
            value,
          }),
        );
        return card;
      }
    });
    if (problems.length > 0) return err(problems);
    return ok({ ...doc, schemaVersion: 2, cards: migrated });
  },
};

export const migrations: readonly Migration[] = [emotionOnOneScale];

/** Brings a document of any known version up to CURRENT_SCHEMA_VERSION. */
export function migrateJourney(input: unknown): Result<Doc, Problem[]> {
  if (!isObject(input))
    return err([
      problem(
        'not_a_journey',
        [],
        'expected a journey: an object with schemaVersion, id, meta, columns and lanes',
      ),
    ]);
  const version = input.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return err([
      problem(
        'invalid_schema_version',
        ['schemaVersion'],
        `expected schemaVersion to be a whole number from 1 to ${CURRENT_SCHEMA_VERSION}`,
        'error',
        { max: CURRENT_SCHEMA_VERSION },
      ),
    ]);
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return err([
      problem(
        'newer_schema_version',
        ['schemaVersion'],
        `this document has schemaVersion ${version}, written by a newer Waymark; this one reads up to ${CURRENT_SCHEMA_VERSION}`,
        'error',
        { version, max: CURRENT_SCHEMA_VERSION },
      ),
    ]);
  }
  let doc: Doc = input;
  for (const m of migrations) {
    if ((doc.schemaVersion as number) !== m.from) continue;
    const next = m.up(doc);
    if (!next.ok) return next;
    doc = next.value;
  }
  // Template guidance an earlier Waymark stored as a description becomes guidance (decision 0016).
  return ok(separateTemplateGuidance(doc));
}
