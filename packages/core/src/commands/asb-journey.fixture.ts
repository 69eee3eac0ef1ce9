import { journeySchema, type Journey } from '../journey/schema';

/**
 * A small journey for tests: a victim of anti-social behaviour reports it and is kept informed.
 * Two stages over four columns, lanes of several kinds, cards, links and ideas that point at each other.
 */
export const asbJourney = (): Journey =>
  journeySchema.parse({
    schemaVersion: 2,
    id: 'asb-victim',
    meta: { title: 'Victims of ASB', journeyType: 'current', status: 'in-review', tags: ['asb'] },
    personas: [{ id: 'victim', name: 'Repeat victim' }],
    organisations: [
      { id: 'police', name: 'Police', kind: 'organisation' },
      { id: 'council', name: 'Council ASB team' },
      { id: 'housing', name: 'Housing association', kind: 'contractor' },
    ],
    sources: [{ id: 'workshop-1', kind: 'workshop', title: 'Victims workshop', people: 8 }],
    stages: [
      { id: 'report', name: 'Report' },
      { id: 'resolve', name: 'Resolve' },
    ],
    columns: [
      { id: 'incident', label: 'Incident occurs', stageId: 'report' },
      { id: 'reports', label: 'Reports incident', stageId: 'report', ownerId: 'police' },
      { id: 'assessed', label: 'Risk assessed', stageId: 'resolve', ownerId: 'council' },
      { id: 'closed', label: 'Case closed', stageId: 'resolve' },
    ],
    lanes: [
      { id: 'steps', kind: 'step', label: 'Key steps' },
      { id: 'touch', kind: 'touchpoint', label: 'Touchpoints' },
      { id: 'baton', kind: 'baton-change', label: 'Baton changes' },
      { id: 'emotion', kind: 'emotion', label: 'Satisfaction', personaId: 'victim' },
      { id: 'pain', kind: 'pain-point', label: 'Pain points' },
      { id: 'levers', kind: 'lever', label: 'Levers' },
    ],
    cards: [
      { id: 's1', kind: 'step', laneId: 'steps', columnId: 'incident', text: 'Incident occurs' },
      { id: 's2', kind: 'step', laneId: 'steps', columnId: 'reports', text: 'Reports incident' },
      {
        id: 't1',
        kind: 'touchpoint',
        laneId: 'touch',
        columnId: 'reports',
        text: 'Calls 101',
        channel: 'telephone',
      },
      {
        id: 't2',
        kind: 'touchpoint',
        laneId: 'touch',
        columnId: 'reports',
        text: 'Web form',
        channel: 'web',
      },
      { id: 's3', kind: 'step', laneId: 'steps', columnId: 'assessed', text: 'Risk assessed' },
      {
        id: 'b1',
        kind: 'baton-change',
        laneId: 'baton',
        columnId: 'assessed',
        from: 'police',
        to: 'council',
      },
      {
        id: 'e1',
        kind: 'emotion',
        laneId: 'emotion',
        columnId: 'incident',
        score: -80,
        sourceId: 'workshop-1',
      },
      { id: 'e2', kind: 'emotion', laneId: 'emotion', columnId: 'assessed', score: -40, personaId: 'victim' },
      {
        id: 'p1',
        kind: 'pain-point',
        laneId: 'pain',
        columnId: 'assessed',
        text: 'Heard nothing for 3 weeks',
        type: 'silence',
      },
      {
        id: 'l1',
        kind: 'lever',
        laneId: 'levers',
        columnId: 'assessed',
        category: 'comms',
        text: 'Text updates',
      },
      { id: 's4', kind: 'step', laneId: 'steps', columnId: 'closed', text: 'Case closed' },
    ],
    links: [
      {
        id: 'handoff',
        kind: 'hand-off',
        from: { columnId: 'reports', cardId: 't1' },
        to: { kind: 'column', columnId: 'assessed', cardId: 's3' },
      },
      {
        id: 'check',
        kind: 'outside-request',
        from: { columnId: 'assessed' },
        to: { kind: 'organisation', organisationId: 'housing' },
        returnsTo: { columnId: 'assessed', cardId: 'p1' },
      },
      {
        id: 'loop',
        kind: 'feedback-loop',
        from: { columnId: 'closed' },
        to: { kind: 'column', columnId: 'reports' },
      },
    ],
    ideas: [
      { id: 'updates', title: 'Proactive text updates', leverCardIds: ['l1'], painPointCardIds: ['p1'] },
      { id: 'one-number', title: 'One number for ASB', painPointCardIds: ['p1'] },
    ],
  });

/** Freezes a value and everything in it, so a test fails if code under test mutates it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
