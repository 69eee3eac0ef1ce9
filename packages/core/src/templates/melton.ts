import type { JourneyTemplate } from './journey-template';
import { buildJourney, numberedColumns } from './journey-template';

/** The Cabinet Office / Melton map: about six key steps with the experience lanes beneath them. */
export const meltonTemplate: JourneyTemplate = {
  label: 'Cabinet Office / Melton customer journey map',
  description:
    'About six key journey steps with touchpoints, feelings and quotes, a satisfaction rating from −100 to +100, moments of truth, pain points and levers for solution hunting (Contact, Process, Comms).',
  create: ({ id, title }) =>
    buildJourney({
      schemaVersion: 2,
      id,
      meta: { title: title ?? 'Customer journey map', journeyType: 'current' },
      leverCategories: [
        { id: 'contact', label: 'Contact' },
        { id: 'process', label: 'Process' },
        { id: 'comms', label: 'Comms' },
      ],
      axis: { kind: 'steps' },
      columns: numberedColumns(
        6,
        'step',
        'Step',
        'Name this key journey step as the customer would say it, e.g. “Reports incident”. Keep to about six steps; split a longer journey into linked sub-journeys.',
      ),
      lanes: [
        {
          id: 'key-steps',
          kind: 'step',
          label: 'Key journey steps',
          guidance: 'What does the customer experience at this step, in their words?',
        },
        {
          id: 'touchpoints',
          kind: 'touchpoint',
          label: 'Touchpoints',
          guidance: 'Each contact at this step: which channel, inbound or outbound, and who handles it?',
        },
        {
          id: 'feelings',
          kind: 'feeling',
          label: 'Feelings and quotes',
          guidance:
            'What does the customer do, think and feel here? Quote real customers and name the source.',
        },
        {
          id: 'satisfaction',
          kind: 'emotion',
          label: 'Customer satisfaction (emotion)',
          guidance:
            'Rate the experience from −100 (poor) to +100 (great). Where no customer gave a number, mark the score as an estimate.',
        },
        {
          id: 'moments-of-truth',
          kind: 'moment-of-truth',
          label: 'Moments of truth',
          guidance: 'Where is the service most likely to succeed or fail in the customer’s eyes, and why?',
        },
        {
          id: 'pain-points',
          kind: 'pain-point',
          label: 'Pain points',
          guidance: 'Where is the experience poor: a silence, a delay, a repeat, confusion, a hand-off?',
        },
        {
          id: 'levers',
          kind: 'lever',
          label: 'Levers for solution hunting',
          guidance: 'Which changes would improve this step? File each under Contact, Process or Comms.',
        },
      ],
    }),
};
