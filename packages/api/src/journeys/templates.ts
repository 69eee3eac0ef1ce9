import { parseJourney, type Journey } from '@waymark/core';

/** Starting points for a new journey: a name and a function from id and title to a valid journey. */
export const journeyTemplates: Readonly<Record<string, (id: string, title: string) => unknown>> = {
  'blank-current': (id, title) => blank(id, title, 'current'),
  'blank-desired': (id, title) => blank(id, title, 'desired'),
};

function blank(id: string, title: string, journeyType: string) {
  return {
    schemaVersion: 2,
    id,
    meta: { title, journeyType },
    columns: [
      { id: 'need', label: 'Need arises' },
      { id: 'contact', label: 'Makes contact' },
      { id: 'outcome', label: 'Outcome' },
    ],
    lanes: [
      { id: 'steps', kind: 'step', label: 'What the customer does' },
      { id: 'touchpoints', kind: 'touchpoint', label: 'Touchpoints' },
      { id: 'feelings', kind: 'feeling', label: 'Thinks and feels' },
      { id: 'emotion', kind: 'emotion', label: 'Emotion' },
      { id: 'pain', kind: 'pain-point', label: 'Pain points' },
    ],
  };
}

export function journeyFromTemplate(name: string, id: string, title: string): Journey | null {
  const make = journeyTemplates[name];
  if (!make) return null;
  const parsed = parseJourney(make(id, title));
  if (!parsed.ok) throw new Error(`template ${name} is invalid: ${JSON.stringify(parsed.error)}`);
  return parsed.value;
}
