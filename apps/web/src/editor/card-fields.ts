import {
  avoidableCategories,
  cardFlags,
  cardSchemas,
  channelIds,
  directions,
  metaSchema,
  metricKindIds,
  metricOrigins,
  type Card,
  type Journey,
} from '@waymark/core';
import { t, type MessageId } from '../i18n';

export type Field = {
  key: string;
  label: string;
  multiline?: boolean;
  number?: boolean;
  required?: boolean;
  hint?: string;
  /** The most characters the map's rules take in this field (a character count shows near it). */
  maxLength?: number | null;
};
export type Choice = {
  key: string;
  label: string;
  options: readonly { id: string; label: string }[];
  optional?: boolean;
};

export const opts = (ids: readonly string[], label: (id: string) => string = (id) => id) =>
  ids.map((id) => ({ id, label: label(id) }));

interface Sized {
  readonly maxLength?: number | null;
  unwrap?: () => Sized;
}

/** The longest text a field of this object schema takes, read from the schema (core's rules, not a copy). */
function maxLengthIn(schema: unknown, key: string): number | null {
  let field = (schema as { shape?: Record<string, Sized> }).shape?.[key];
  while (field && field.maxLength === undefined && field.unwrap) field = field.unwrap();
  return typeof field?.maxLength === 'number' ? field.maxLength : null;
}

/** The most characters a journey detail takes (a title 200, a segment 300, a business question 4,000). */
export const metaTextLimit = (key: string): number | null => maxLengthIn(metaSchema, key);

/** The most characters a text field of a card of this kind takes. */
export const cardTextLimit = (kind: Card['kind'], key: string): number | null =>
  maxLengthIn(cardSchemas[kind], key);

const label = (id: string) => t(`errors.field.card.${id}` as MessageId);

/** The editable fields of a card by its kind: text fields, choices and checkboxes, then what every card has. */
export function fieldsOf(card: Card, journey: Journey) {
  const fields: Field[] = [];
  const choices: Choice[] = [];
  const checks: { key: string; label: string }[] = [];
  const text = (words = label('text')) =>
    fields.push({ key: 'text', label: words, multiline: true, required: true });
  const orgs = journey.organisations.map((o) => ({ id: o.id as string, label: o.name }));
  const personas = journey.personas.map((p) => ({ id: p.id as string, label: p.name }));
  switch (card.kind) {
    case 'step':
      text(label('textStep'));
      fields.push({ key: 'description', label: label('description'), multiline: true });
      break;
    case 'touchpoint':
      choices.push({
        key: 'channel',
        label: label('channel'),
        options: opts(channelIds, (c) => t(`model.channel.${c}` as MessageId)),
      });
      choices.push({
        key: 'direction',
        label: label('direction'),
        options: opts(directions, (d) => t(`model.direction.${d}` as MessageId)),
      });
      text(label('textTouchpoint'));
      fields.push(
        { key: 'actor', label: label('actor') },
        { key: 'contacts', label: label('contacts'), number: true },
        { key: 'handlingMinutes', label: label('handlingMinutes'), number: true },
      );
      break;
    case 'baton-change':
      choices.push(
        { key: 'from', label: label('from'), options: orgs },
        { key: 'to', label: label('to'), options: orgs },
      );
      fields.push({ key: 'text', label: label('textBaton'), multiline: true });
      break;
    case 'feeling':
      choices.push({
        key: 'mode',
        label: label('mode'),
        options: opts(['does', 'thinks', 'feels', 'says'], (m) => t(`model.feelingMode.${m}` as MessageId)),
      });
      text(label('textFeeling'));
      checks.push({ key: 'quote', label: label('quote') });
      fields.push({ key: 'source', label: label('source'), hint: label('sourceHint') });
      if (personas.length)
        choices.push({ key: 'personaId', label: label('persona'), options: personas, optional: true });
      break;
    case 'emotion':
      fields.push({ key: 'score', label: label('scoreRange'), number: true, required: true });
      checks.push({ key: 'estimate', label: label('estimate') });
      if (personas.length)
        choices.push({ key: 'personaId', label: label('personaCurve'), options: personas, optional: true });
      fields.push({ key: 'respondent', label: label('respondent') });
      break;
    case 'moment-of-truth':
      text(label('textMoment'));
      fields.push({ key: 'why', label: label('why'), multiline: true });
      break;
    case 'pain-point':
      text(label('textPain'));
      choices.push({
        key: 'type',
        label: label('type'),
        options: opts(['silence', 'delay', 'repeat', 'confusion', 'hand-off', 'other'], (p) =>
          t(`model.painType.${p}` as MessageId),
        ),
        optional: true,
      });
      choices.push({
        key: 'severity',
        label: label('severity'),
        options: opts(['1', '2', '3'], (s) => t('errors.field.card.severityOf', { severity: Number(s) })),
        optional: true,
      });
      break;
    case 'lever':
      choices.push({
        key: 'category',
        label: label('category'),
        options: journey.leverCategories.map((c) => ({ id: c.id as string, label: c.label })),
      });
      text(label('textLever'));
      fields.push(
        { key: 'owner', label: label('owner') },
        { key: 'expectedEffect', label: label('expectedEffect'), multiline: true },
      );
      break;
    case 'metric':
      choices.push({
        key: 'metric',
        label: label('metric'),
        options: opts(metricKindIds, (m) => t(`model.metric.${m}` as MessageId)),
      });
      fields.push({ key: 'value', label: label('value'), number: true, required: true });
      choices.push({
        key: 'origin',
        label: label('origin'),
        options: opts(metricOrigins, (o) => t(`model.metricOrigin.${o}` as MessageId)),
      });
      break;
    case 'text':
      text();
      break;
  }
  if (card.kind === 'touchpoint') {
    choices.push({
      key: 'avoidableCategory',
      label: label('avoidableCategory'),
      options: opts(avoidableCategories),
      optional: true,
    });
    checks.push({ key: 'resolvedFirstTime', label: label('resolvedFirstTime') });
    // closing the loop (issue 13 item 4): an outbound contact can be marked as the "was it OK?" one
    if (card.direction === 'outbound')
      checks.push({ key: 'confirmsDelivery', label: t('evidence.field.confirmsDelivery') });
  }
  if (journey.sources.length > 0) {
    choices.push({
      key: 'sourceId',
      label: label('sourceId'),
      options: journey.sources.map((s) => ({ id: s.id as string, label: s.title })),
      optional: true,
    });
  }
  fields.push({ key: 'note', label: label('note'), multiline: true });
  for (const flag of cardFlags) checks.push({ key: `flag:${flag}`, label: label(`flag.${flag}`) });
  for (const field of fields) if (!field.number) field.maxLength = cardTextLimit(card.kind, field.key);
  return { fields, choices, checks };
}
