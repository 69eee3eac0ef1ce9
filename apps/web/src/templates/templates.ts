import { CURRENT_SCHEMA_VERSION, type Journey, type LaneKind } from '@waymark/core';

export interface TemplateInput {
  readonly id: string;
  readonly title: string;
  readonly journeyType: Journey['meta']['journeyType'];
}

interface Template {
  readonly label: string;
  readonly hint: string;
  readonly build: (input: TemplateInput) => Journey;
}

type LaneSpec = readonly [id: string, kind: LaneKind, label: string];

function journeyOf(
  input: TemplateInput,
  axis: Journey['axis'],
  lanes: readonly LaneSpec[],
  columns: readonly string[],
): Journey {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: input.id,
    meta: { title: input.title, journeyType: input.journeyType, status: 'draft', objectives: [], tags: [] },
    personas: [],
    organisations: [],
    leverCategories: [
      { id: 'contact', label: 'Contact' },
      { id: 'process', label: 'Process' },
      { id: 'comms', label: 'Comms' },
    ],
    sources: [],
    axis,
    stages: [],
    columns: columns.map((label, i) => ({ id: `step-${i + 1}`, label })),
    lanes: lanes.map(([id, kind, label]) => ({ id, kind, label })),
    cards: [],
    links: [],
    ideas: [],
  } as unknown as Journey;
}

/** The lanes of the Melton posters: steps, touchpoints, what people say, the emotion curve, and solution hunting. */
const posterLanes: readonly LaneSpec[] = [
  ['steps', 'step', 'Key journey steps'],
  ['touchpoints', 'touchpoint', 'Touchpoints'],
  ['batons', 'baton-change', 'Baton changes'],
  ['quotes', 'feeling', 'Thinks, feels, says'],
  ['emotion', 'emotion', 'Emotion'],
  ['moments', 'moment-of-truth', 'Moments of truth'],
  ['pain-points', 'pain-point', 'Pain points'],
  ['levers', 'lever', 'Levers for solution hunting'],
  ['metrics', 'metric', 'Metrics'],
];

export const journeyTemplates = {
  poster: {
    label: 'Journey poster (Melton style)',
    hint: 'Steps across; touchpoints, quotes, emotion, pain points and levers down. Start with one step.',
    build: (input) => journeyOf(input, { kind: 'steps' }, posterLanes, ['Step 1']),
  },
  case: {
    label: 'One person’s case, by date',
    hint: 'A dated journey of one case, month by month.',
    build: (input) =>
      journeyOf(
        input,
        { kind: 'dates', unit: 'month' },
        [
          ['events', 'step', 'What happened'],
          ['contacts', 'touchpoint', 'Contacts'],
          ['batons', 'baton-change', 'Baton changes'],
          ['feelings', 'feeling', 'In their words'],
          ['emotion', 'emotion', 'Emotion'],
        ],
        ['First month'],
      ),
  },
  'life-course': {
    label: 'Life course, by age',
    hint: 'A person’s life by age with lanes such as family, housing and education.',
    build: (input) =>
      journeyOf(
        input,
        { kind: 'ages' },
        [
          ['family', 'text', 'Family'],
          ['housing', 'text', 'Housing'],
          ['education', 'text', 'Education'],
          ['work', 'text', 'Work'],
          ['health', 'text', 'Health'],
          ['services', 'touchpoint', 'Services'],
          ['emotion', 'emotion', 'Emotion'],
        ],
        ['Birth'],
      ),
  },
} as const satisfies Record<string, Template>;

export type TemplateId = keyof typeof journeyTemplates;
export const templateIds = Object.keys(journeyTemplates) as TemplateId[];

/** A readable id from a title (`ASB victim journey` → `asb-victim-journey`), with a suffix to keep it unique. */
export function slugify(title: string, suffix: string): string {
  const base = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base === '' ? 'journey' : base}-${suffix}`;
}
