import type { Card, LaneKind } from './cards';

/** What every lane kind declares: a Record over LaneKind, so a new kind fails to compile until described. */
export interface LaneKindInfo {
  readonly label: string;
  /** One line for pickers and docs. */
  readonly hint: string;
  /** The short text a card of this kind shows in lists, CSV and screen-reader labels. */
  readonly summary: (card: Card) => string;
}

const textOf = (card: Card): string => ('text' in card && typeof card.text === 'string' ? card.text : '');

export const laneKinds: Record<LaneKind, LaneKindInfo> = {
  step: { label: 'Key journey steps', hint: 'what the customer experiences at this step', summary: textOf },
  touchpoint: {
    label: 'Touchpoints',
    hint: 'an interaction through a channel, inbound or outbound',
    summary: (c) => (c.kind === 'touchpoint' ? `${c.text} (${c.channel}, ${c.direction})` : textOf(c)),
  },
  'baton-change': {
    label: 'Baton changes',
    hint: 'the case passes from one owner to another',
    summary: (c) => (c.kind === 'baton-change' ? `${c.from} → ${c.to}${c.text ? `: ${c.text}` : ''}` : ''),
  },
  feeling: {
    label: 'Feelings and quotes',
    hint: 'what the customer does, thinks, feels and says',
    summary: textOf,
  },
  emotion: {
    label: 'Emotion',
    hint: 'satisfaction at this step, −100 (poor) to +100 (great)',
    summary: (c) =>
      c.kind === 'emotion' ? `${c.score > 0 ? '+' : ''}${c.score}${c.estimate ? ' (estimate)' : ''}` : '',
  },
  'moment-of-truth': {
    label: 'Moments of truth',
    hint: 'where the service succeeds or fails in the customer’s eyes',
    summary: (c) => (c.kind === 'moment-of-truth' && c.why ? `${c.text} (why: ${c.why})` : textOf(c)),
  },
  'pain-point': { label: 'Pain points', hint: 'where the experience is poor', summary: textOf },
  lever: {
    label: 'Levers for solution hunting',
    hint: 'an improvement idea under a category (Contact, Process, Comms…)',
    summary: (c) => (c.kind === 'lever' ? `${c.category}: ${c.text}` : ''),
  },
  metric: {
    label: 'Metrics',
    hint: 'measured or estimated figures for the step',
    summary: (c) => (c.kind === 'metric' ? `${c.metric} = ${c.value}` : ''),
  },
  text: {
    label: 'Notes',
    hint: 'free text, e.g. a life-course lane such as Family or Housing',
    summary: textOf,
  },
};
