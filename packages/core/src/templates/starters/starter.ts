import type { Channel } from '../../journey/channels';
import type { avoidableCategories } from '../../journey/cards';
import type { TemplateBody } from '../pack';
import { buildJourney } from '../journey-template';

type Avoidable = (typeof avoidableCategories)[number];
type PainType = 'silence' | 'delay' | 'repeat' | 'confusion' | 'hand-off' | 'other';

/** One step of a starter: what the customer does, the contacts it brings, and what typically goes wrong. */
export interface StarterStep {
  readonly id: string;
  readonly label: string;
  readonly stage: string;
  readonly does: string;
  /** Channel, what happens, and the avoidable-contact type (domain.md §4) when the contact is avoidable. */
  readonly touchpoints: ReadonlyArray<readonly [Channel, string, Avoidable?]>;
  readonly pains: ReadonlyArray<readonly [PainType, string]>;
  readonly moment?: string;
}

/** A starter template for a common council service, written from public guidance (cited in `source`). */
export interface StarterTemplate {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** The public guidance the steps were written from: titles and addresses. */
  readonly source: string;
  readonly body: Extract<TemplateBody, { kind: 'map' }>;
}

const stageId = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * A current-state map from steps: the stages in order of first use, lanes for steps, touchpoints, feelings
 * (empty, with guidance: quotes must come from real customers), emotion (empty: scores come from research),
 * moments of truth, pain points and levers. No figures: a council adds its own contacts and costs.
 */
export function starter(input: {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly sources: readonly string[];
  readonly trigger: string;
  readonly outcome: string;
  readonly steps: readonly StarterStep[];
}): StarterTemplate {
  const stages = [...new Set(input.steps.map((s) => s.stage))];
  const cards: unknown[] = [];
  for (const step of input.steps) {
    cards.push({ id: `${step.id}-step`, kind: 'step', laneId: 'steps', columnId: step.id, text: step.does });
    step.touchpoints.forEach(([channel, text, avoidable], i) =>
      cards.push({
        id: `${step.id}-tp-${i + 1}`,
        kind: 'touchpoint',
        laneId: 'touchpoints',
        columnId: step.id,
        channel,
        text,
        ...(avoidable ? { avoidableCategory: avoidable } : {}),
      }),
    );
    step.pains.forEach(([type, text], i) =>
      cards.push({
        id: `${step.id}-pain-${i + 1}`,
        kind: 'pain-point',
        laneId: 'pain-points',
        columnId: step.id,
        type,
        text,
      }),
    );
    if (step.moment)
      cards.push({
        id: `${step.id}-mot`,
        kind: 'moment-of-truth',
        laneId: 'moments',
        columnId: step.id,
        text: step.moment,
      });
  }
  const journey = buildJourney({
    schemaVersion: 2,
    id: input.id,
    meta: {
      title: input.name,
      journeyType: 'current',
      scope: input.description,
      trigger: input.trigger,
      outcome: input.outcome,
      tags: ['starter'],
    },
    axis: { kind: 'steps' },
    stages: stages.map((name) => ({ id: stageId(name), name })),
    columns: input.steps.map((s) => ({ id: s.id, label: s.label, stageId: stageId(s.stage) })),
    lanes: [
      { id: 'steps', kind: 'step', label: 'What the customer does' },
      { id: 'touchpoints', kind: 'touchpoint', label: 'Touchpoints and contacts' },
      {
        id: 'feelings',
        kind: 'feeling',
        label: 'Thinks and feels',
        guidance:
          'Add what your customers told you, in their words. This starter has no quotes: they must be real.',
      },
      {
        id: 'emotion',
        kind: 'emotion',
        label: 'Emotion',
        guidance: 'Score from your own research (−100 to +100); mark a guess as an estimate.',
      },
      { id: 'moments', kind: 'moment-of-truth', label: 'Moments of truth' },
      { id: 'pain-points', kind: 'pain-point', label: 'Typical pain points' },
      {
        id: 'levers',
        kind: 'lever',
        label: 'Levers',
        guidance:
          'What would remove the avoidable contacts at this step? File each under Contact, Process or Comms.',
      },
    ],
    cards: cards as never,
  });
  return {
    id: input.id,
    name: input.name,
    description: input.description,
    source: input.sources.join('\n'),
    body: { kind: 'map', journey },
  };
}
