import {
  cardSchemas,
  columnSchema,
  ideaSchema,
  laneSchema,
  leverCategorySchema,
  linkSchema,
  metaSchema,
  organisationSchema,
  personaSchema,
  sourceSchema,
  stageSchema,
  type Journey,
  type JourneyCommand,
} from '@waymark/core';
import { codeWords, fieldName, issueWords, pathSegments, type Issue } from '../api/error-words';
import { t } from '../i18n';

/** A refused command as the reducer (or the server, with the path formatted) reports it. */
export interface CommandRefusal {
  readonly code: string;
  readonly path?: unknown;
}

/** Why an edit was refused, worked out from the command itself: which field, which rule, which limit. */
export interface RefusalDetail {
  readonly code: string;
  /** The command's noun: card, meta, column… */
  readonly noun: string | null;
  /** The field refused, e.g. `title`. */
  readonly key: string | null;
  /** What the edit gave the field. */
  readonly value: unknown;
  /** The rule it broke, as the field's own schema reports it (too_big with its maximum…). */
  readonly issue: Issue | null;
}

interface FieldSchema {
  safeParse(value: unknown): { success: boolean; error?: { issues: readonly Issue[] } };
  readonly maxLength?: number | null;
  unwrap?: () => FieldSchema;
}
type Shape = Readonly<Record<string, FieldSchema>>;

const shapeOf = (schema: unknown): Shape | null =>
  ((schema as { shape?: Shape } | null)?.shape as Shape | undefined) ?? null;

const collectionShapes: Record<string, unknown> = {
  meta: metaSchema,
  persona: personaSchema,
  organisation: organisationSchema,
  leverCategory: leverCategorySchema,
  source: sourceSchema,
  stage: stageSchema,
  column: columnSchema,
  lane: laneSchema,
  link: linkSchema,
  idea: ideaSchema,
};

/** The object schema an add or update of this command is checked against (a card's by its kind). */
function shapeFor(journey: Journey, command: JourneyCommand): Shape | null {
  const [noun = ''] = command.type.split('.');
  const c = command as unknown as Record<string, unknown>;
  if (noun === 'card') {
    const item = c['item'] as { kind?: string } | undefined;
    const kind = item?.kind ?? journey.cards.find((card) => card.id === c['id'])?.kind;
    return kind ? shapeOf(cardSchemas[kind as keyof typeof cardSchemas]) : null;
  }
  return shapeOf(collectionShapes[noun]);
}

const path = (refusal: CommandRefusal): (string | number)[] =>
  Array.isArray(refusal.path)
    ? (refusal.path as (string | number)[])
    : typeof refusal.path === 'string'
      ? pathSegments(refusal.path)
      : [];

/** The refusal worked out: into a batch by the path's command index, then the field the path names. */
export function explainRefusal(
  journey: Journey,
  command: JourneyCommand,
  refusal: CommandRefusal,
): RefusalDetail {
  let at = path(refusal);
  let cmd = command;
  while (cmd.type === 'batch' && at[0] === 'commands' && typeof at[1] === 'number') {
    const inner = cmd.commands[at[1]];
    if (!inner) break;
    cmd = inner;
    at = at.slice(2);
  }
  const [noun = null] = cmd.type === 'batch' ? [] : cmd.type.split('.');
  const [where, key] = at;
  const holder =
    (where === 'patch' || where === 'item') && typeof key === 'string'
      ? ((cmd as unknown as Record<string, unknown>)[where] as Record<string, unknown> | undefined)
      : undefined;
  if (!holder || typeof key !== 'string')
    return { code: refusal.code, noun, key: null, value: undefined, issue: null };
  const value = holder[key];
  const field = shapeFor(journey, cmd)?.[key];
  const issue = field?.safeParse(value).error?.issues[0] ?? null;
  return { code: refusal.code, noun, key, value, issue };
}

/** The longest text a field of this command takes, when its schema says (e.g. a title's 200). */
export function textLimit(journey: Journey, command: JourneyCommand, key: string): number | null {
  let field = shapeFor(journey, command)?.[key];
  while (field && field.maxLength === undefined && field.unwrap) field = field.unwrap();
  return typeof field?.maxLength === 'number' ? field.maxLength : null;
}

/**
 * A refusal in words: the field's broken rule with its limit ("Card text is too long. Use 4,000 characters or
 * fewer (you have 4,120)."), else the code's words, else a plain fallback. `label` names the field as the
 * screen in front of the person does (a field beside its own error).
 */
export function refusalWords(detail: RefusalDetail, label?: string): string {
  if (detail.issue)
    return issueWords(detail.issue, label ?? fieldName(detail.noun, detail.key), detail.value);
  return codeWords(detail.code) ?? t('errors.status.refused');
}

/** `explainRefusal` and `refusalWords` in one. */
export const commandRefusalWords = (
  journey: Journey,
  command: JourneyCommand,
  refusal: CommandRefusal,
  label?: string,
): string => refusalWords(explainRefusal(journey, command, refusal), label);

/** The refusal of this edit, kept for the field that made it (CommitField words it beside itself). */
let last: RefusalDetail | null = null;
export function noteRefusal(detail: RefusalDetail | null): void {
  last = detail;
}
/** The refusal noted since the last call, once. */
export function takeRefusal(): RefusalDetail | null {
  const detail = last;
  last = null;
  return detail;
}
