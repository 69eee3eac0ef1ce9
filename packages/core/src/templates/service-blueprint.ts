import type { ColumnInput, JourneyTemplate } from './journey-template';
import { buildJourney } from './journey-template';

const stages = [
  { id: 'before', name: 'Before', description: 'Becoming aware of the need and finding the service.' },
  { id: 'during', name: 'During', description: 'Asking for the service and having it delivered.' },
  { id: 'after', name: 'After', description: 'Being told it is done, and asked whether it was OK.' },
] as const;

const columns: ColumnInput[] = stages.flatMap((stage, s) =>
  [1, 2].map((n) => ({
    id: `step-${s * 2 + n}`,
    label: `Step ${s * 2 + n}`,
    stageId: stage.id,
    guidance: 'Name the step the customer takes; add or remove steps so each stage has what happens in it.',
  })),
);

/** A service blueprint: what the customer does, and everything behind the line of visibility that makes it happen. */
export const serviceBlueprintTemplate: JourneyTemplate = {
  label: 'Service blueprint',
  description:
    'Stages and steps with customer actions, touchpoints, front-stage and back-stage work, support processes, baton changes and metrics: the system behind the experience.',
  create: ({ id, title }) =>
    buildJourney({
      schemaVersion: 2,
      id,
      meta: { title: title ?? 'Service blueprint', journeyType: 'current' },
      axis: { kind: 'steps' },
      stages: stages.map((s) => ({ ...s })),
      columns,
      lanes: [
        {
          id: 'customer-actions',
          kind: 'step',
          label: 'Customer actions',
          guidance: 'What does the customer do at this step?',
        },
        {
          id: 'touchpoints',
          kind: 'touchpoint',
          label: 'Touchpoints',
          guidance: 'Where does the customer meet the service: which channel, inbound or outbound?',
        },
        {
          id: 'front-stage',
          kind: 'text',
          label: 'Front stage',
          guidance: 'What do staff the customer can see or hear do at this step?',
        },
        {
          id: 'back-stage',
          kind: 'text',
          label: 'Back stage',
          guidance: 'What happens out of the customer’s sight: checks, data entry, waiting for decisions?',
        },
        {
          id: 'support-processes',
          kind: 'text',
          label: 'Support processes',
          guidance: 'Which systems, policies, other teams or outside agencies make this step possible?',
        },
        {
          id: 'baton-changes',
          kind: 'baton-change',
          label: 'Baton changes',
          guidance: 'Where does the case pass from one team or organisation to another?',
        },
        {
          id: 'metrics',
          kind: 'metric',
          label: 'Metrics',
          guidance:
            'Contacts, handling time, waiting time, volume or cost at this step; say whether measured or estimated.',
        },
      ],
    }),
};
