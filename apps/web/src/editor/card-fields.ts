import {
  avoidableCategories,
  cardFlags,
  channelIds,
  channels,
  directions,
  metricKindIds,
  metricKinds,
  metricOrigins,
  type Card,
  type Journey,
} from '@waymark/core';

export type Field = {
  key: string;
  label: string;
  multiline?: boolean;
  number?: boolean;
  required?: boolean;
  hint?: string;
};
export type Choice = {
  key: string;
  label: string;
  options: readonly { id: string; label: string }[];
  optional?: boolean;
};

export const opts = (ids: readonly string[], label: (id: string) => string = (id) => id) =>
  ids.map((id) => ({ id, label: label(id) }));

const flagLabels: Record<(typeof cardFlags)[number], string> = {
  delight: 'A moment of delight',
  'outside-control': 'Outside our control',
  'good-practice': 'Good practice to keep',
};

/** The editable fields of a card by its kind: text fields, choices and checkboxes, then what every card has. */
export function fieldsOf(card: Card, journey: Journey) {
  const fields: Field[] = [];
  const choices: Choice[] = [];
  const checks: { key: string; label: string }[] = [];
  const text = (label = 'Text') => fields.push({ key: 'text', label, multiline: true, required: true });
  const orgs = journey.organisations.map((o) => ({ id: o.id as string, label: o.name }));
  const personas = journey.personas.map((p) => ({ id: p.id as string, label: p.name }));
  switch (card.kind) {
    case 'step':
      text('What the customer experiences');
      fields.push({ key: 'description', label: 'Description', multiline: true });
      break;
    case 'touchpoint':
      choices.push({
        key: 'channel',
        label: 'Channel',
        options: opts(channelIds, (c) => channels[c as keyof typeof channels].label),
      });
      choices.push({ key: 'direction', label: 'Direction', options: opts(directions) });
      text('What happens');
      fields.push(
        { key: 'actor', label: 'Who handles it' },
        { key: 'contacts', label: 'Contacts', number: true },
        { key: 'handlingMinutes', label: 'Handling minutes', number: true },
      );
      break;
    case 'baton-change':
      choices.push({ key: 'from', label: 'From', options: orgs }, { key: 'to', label: 'To', options: orgs });
      fields.push({ key: 'text', label: 'What is handed over', multiline: true });
      break;
    case 'feeling':
      choices.push({
        key: 'mode',
        label: 'Does, thinks, feels or says',
        options: opts(['does', 'thinks', 'feels', 'says']),
      });
      text('Words');
      checks.push({ key: 'quote', label: 'A quote in the customer’s own words' });
      fields.push({
        key: 'source',
        label: 'Source of the quote',
        hint: 'Who said it or where it is from, e.g. “Victim interview 3”.',
      });
      if (personas.length)
        choices.push({ key: 'personaId', label: 'Persona', options: personas, optional: true });
      break;
    case 'emotion':
      fields.push({ key: 'score', label: 'Score (−100 poor … +100 great)', number: true, required: true });
      checks.push({ key: 'estimate', label: 'An estimate (no customer gave this number)' });
      if (personas.length)
        choices.push({ key: 'personaId', label: 'Persona (curve)', options: personas, optional: true });
      fields.push({ key: 'respondent', label: 'Respondent' });
      break;
    case 'moment-of-truth':
      text('Moment of truth');
      fields.push({ key: 'why', label: 'Why it matters', multiline: true });
      break;
    case 'pain-point':
      text('Pain point');
      choices.push({
        key: 'type',
        label: 'Type',
        options: opts(['silence', 'delay', 'repeat', 'confusion', 'hand-off', 'other']),
        optional: true,
      });
      choices.push({
        key: 'severity',
        label: 'Severity',
        options: opts(['1', '2', '3'], (s) => `${s} of 3`),
        optional: true,
      });
      break;
    case 'lever':
      choices.push({
        key: 'category',
        label: 'Category',
        options: journey.leverCategories.map((c) => ({ id: c.id as string, label: c.label })),
      });
      text('Lever');
      fields.push(
        { key: 'owner', label: 'Owner' },
        { key: 'expectedEffect', label: 'Expected effect', multiline: true },
      );
      break;
    case 'metric':
      choices.push({
        key: 'metric',
        label: 'Figure',
        options: opts(
          metricKindIds,
          (m) =>
            `${metricKinds[m as keyof typeof metricKinds].label} (${metricKinds[m as keyof typeof metricKinds].unit})`,
        ),
      });
      fields.push({ key: 'value', label: 'Value', number: true, required: true });
      choices.push({ key: 'origin', label: 'Where the figure came from', options: opts(metricOrigins) });
      break;
    case 'text':
      text();
      break;
  }
  if (card.kind === 'touchpoint') {
    choices.push({
      key: 'avoidableCategory',
      label: 'Avoidable contact (NI14 category)',
      options: opts(avoidableCategories),
      optional: true,
    });
    checks.push({ key: 'resolvedFirstTime', label: 'Resolved at first contact' });
  }
  if (journey.sources.length > 0) {
    choices.push({
      key: 'sourceId',
      label: 'Evidence (source)',
      options: journey.sources.map((s) => ({ id: s.id as string, label: s.title })),
      optional: true,
    });
  }
  fields.push({ key: 'note', label: 'Note', multiline: true });
  for (const flag of cardFlags) checks.push({ key: `flag:${flag}`, label: flagLabels[flag] });
  return { fields, choices, checks };
}
