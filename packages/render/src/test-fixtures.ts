import { formatPath, parseJourney, type Journey, type JourneyInput } from '@waymark/core';

/** Parses a fixture; a broken fixture is a bug in the test, so it throws with every problem listed. */
export function buildJourney(input: unknown): Journey {
  const parsed = parseJourney(input);
  if (!parsed.ok) throw new Error(parsed.error.map((p) => `${formatPath(p.path)}: ${p.message}`).join('\n'));
  return parsed.value;
}

const stepLabels = [
  'Incident occurs',
  'Reports incident',
  'Awaits response by authorities',
  'Investigation takes place',
  'No information passed to victim',
  "Being told I'm unreasonable",
  'Perpetrator carries on',
];

/** Melton case study 1, shortened: seven steps, two personas' scores, quotes, levers in three categories. */
export function stepsJourneyInput(): JourneyInput {
  const columns = stepLabels.map((label, i) => ({
    id: `c${i + 1}`,
    label,
    stageId: i < 2 ? 'report' : i < 5 ? 'investigate' : 'outcome',
    ownerId: i < 3 ? 'police' : 'council',
  }));
  const victim = [-60, -80, -70, -40, -90, -95, -100];
  const witness = [-20, -30, -50, 0, -40, -60, -70];
  return {
    schemaVersion: 2,
    id: 'asb-victim',
    meta: {
      title: 'Victims of anti-social behaviour: “My life is far from quiet”',
      journeyType: 'current',
      segment: 'ASB victims',
      businessQuestion: 'Why do repeat victims stop reporting, and what would keep them informed?',
      owner: 'Circles of Need project',
    },
    personas: [
      { id: 'victim', name: 'Repeat victim' },
      { id: 'witness', name: 'Neighbour who witnessed' },
    ],
    organisations: [
      { id: 'police', name: 'Leicestershire Police', kind: 'organisation' },
      { id: 'council', name: 'Melton Borough Council', kind: 'organisation' },
    ],
    sources: [{ id: 'ws1', kind: 'workshop', title: 'Victims workshop, March 2009', people: 8 }],
    stages: [
      { id: 'report', name: 'Report' },
      { id: 'investigate', name: 'Investigation' },
      { id: 'outcome', name: 'Outcome' },
    ],
    columns,
    lanes: [
      { id: 'steps', kind: 'step', label: 'Key journey steps' },
      { id: 'touch', kind: 'touchpoint', label: 'Touchpoints' },
      { id: 'baton', kind: 'baton-change', label: 'Baton changes' },
      { id: 'feel', kind: 'feeling', label: 'Feelings and quotes' },
      { id: 'emotion', kind: 'emotion', label: 'Customer satisfaction rating' },
      { id: 'mot', kind: 'moment-of-truth', label: 'Moments of truth' },
      { id: 'pain', kind: 'pain-point', label: 'Pain points' },
      { id: 'levers', kind: 'lever', label: 'Levers for solution hunting' },
      { id: 'metrics', kind: 'metric', label: 'Metrics' },
    ],
    cards: [
      ...columns.map((c) => ({
        id: `s-${c.id}`,
        kind: 'step' as const,
        laneId: 'steps',
        columnId: c.id,
        text: c.label,
      })),
      ...victim.map((score, i) => ({
        id: `ev-${i + 1}`,
        kind: 'emotion' as const,
        laneId: 'emotion',
        columnId: `c${i + 1}`,
        score,
        personaId: 'victim',
        estimate: i === 0,
      })),
      ...witness.map((score, i) => ({
        id: `ew-${i + 1}`,
        kind: 'emotion' as const,
        laneId: 'emotion',
        columnId: `c${i + 1}`,
        score,
        personaId: 'witness',
      })),
      {
        id: 'q1',
        kind: 'feeling',
        laneId: 'feel',
        columnId: 'c1',
        text: "Not again. I've had enough",
        quote: true,
        source: 'Victim interview 3',
      },
      {
        id: 'q2',
        kind: 'feeling',
        laneId: 'feel',
        columnId: 'c2',
        text: "I feel guilty. I can't cope",
        quote: true,
        sourceId: 'ws1',
      },
      {
        id: 'q3',
        kind: 'feeling',
        laneId: 'feel',
        columnId: 'c4',
        text: 'How hard is it to keep me informed?',
        quote: true,
        source: 'Victim interview 5',
      },
      {
        id: 'f1',
        kind: 'feeling',
        laneId: 'feel',
        columnId: 'c5',
        text: 'Anxiety at delay and the potential outcome',
        mode: 'feels',
      },
      {
        id: 't1',
        kind: 'touchpoint',
        laneId: 'touch',
        columnId: 'c2',
        text: 'Calls 101 to report',
        channel: 'telephone',
        contacts: 2,
        handlingMinutes: 12,
      },
      {
        id: 't2',
        kind: 'touchpoint',
        laneId: 'touch',
        columnId: 'c4',
        text: 'Receives diary sheets',
        channel: 'letter',
        direction: 'outbound',
      },
      {
        id: 'b1',
        kind: 'baton-change',
        laneId: 'baton',
        columnId: 'c4',
        from: 'police',
        to: 'council',
        text: 'Case passed to the ASB team',
      },
      {
        id: 'm1',
        kind: 'moment-of-truth',
        laneId: 'mot',
        columnId: 'c6',
        text: 'Being told I am unreasonable',
        why: 'the victim stops trusting the service',
      },
      {
        id: 'p1',
        kind: 'pain-point',
        laneId: 'pain',
        columnId: 'c5',
        text: 'Weeks with no news',
        type: 'silence',
        severity: 3,
      },
      {
        id: 'l1',
        kind: 'lever',
        laneId: 'levers',
        columnId: 'c2',
        category: 'contact',
        text: 'Single point of contact across all channels',
      },
      {
        id: 'l2',
        kind: 'lever',
        laneId: 'levers',
        columnId: 'c3',
        category: 'process',
        text: 'Multi-agency incident matching',
      },
      {
        id: 'l3',
        kind: 'lever',
        laneId: 'levers',
        columnId: 'c3',
        category: 'comms',
        text: 'Keep the victim informed at all stages',
      },
      {
        id: 'l4',
        kind: 'lever',
        laneId: 'levers',
        columnId: 'c3',
        category: 'contact',
        text: 'Match to previous incidents',
      },
      { id: 'k1', kind: 'metric', laneId: 'metrics', columnId: 'c3', metric: 'elapsed-days', value: 21 },
      {
        id: 'k2',
        kind: 'metric',
        laneId: 'metrics',
        columnId: 'c2',
        metric: 'unit-cost',
        value: 2.83,
        origin: 'measured',
      },
    ],
    links: [
      {
        id: 'loop1',
        kind: 'feedback-loop',
        from: { columnId: 'c7' },
        to: { kind: 'column', columnId: 'c1' },
        label: 'Perpetrator carries on: a new incident',
      },
      {
        id: 'ask1',
        kind: 'outside-request',
        from: { columnId: 'c4' },
        to: { kind: 'customer' },
        returnsTo: { columnId: 'c5' },
        label: 'Diary sheets',
        waitDays: 14,
      },
    ],
    ideas: [
      {
        id: 'i1',
        title: 'Single case officer for the victim',
        leverCardIds: ['l1'],
        painPointCardIds: ['p1'],
      },
    ],
  } as unknown as JourneyInput;
}

export const stepsJourney = (): Journey => buildJourney(stepsJourneyInput());

/** Melton case study 3, shortened: Mrs X's adaptations, dated Nov 2008 – Dec 2009. */
export function datedJourneyInput(): JourneyInput {
  const periods = ['2008-11', '2008-12', '2009-03', '2009-06', '2009-09', '2009-10', '2009-12'];
  return {
    schemaVersion: 2,
    id: 'mrs-x-adaptations',
    meta: {
      title: 'Recipients of disabled aids and adaptations',
      journeyType: 'case',
      segment: 'Mrs X, adaptations',
    },
    organisations: [
      { id: 'social', name: 'Social services' },
      { id: 'mbc', name: 'Melton Borough Council' },
      { id: 'builder', name: 'Building contractors', kind: 'contractor' },
    ],
    axis: { kind: 'dates', unit: 'month' },
    columns: periods.map((period, i) => ({
      id: `m${i + 1}`,
      label: i === 0 ? 'Recommendation received' : `Month ${i + 1}`,
      period,
    })),
    lanes: [
      { id: 'steps', kind: 'step', label: 'Key journey steps' },
      { id: 'baton', kind: 'baton-change', label: 'Baton changes' },
      { id: 'feel', kind: 'feeling', label: 'Feelings and actions' },
      { id: 'mot', kind: 'moment-of-truth', label: 'Moments of truth' },
    ],
    cards: [
      {
        id: 's1',
        kind: 'step',
        laneId: 'steps',
        columnId: 'm1',
        text: 'Disabled adaptation recommendation received',
      },
      { id: 's2', kind: 'step', laneId: 'steps', columnId: 'm5', text: 'Work started' },
      {
        id: 'b1',
        kind: 'baton-change',
        laneId: 'baton',
        columnId: 'm1',
        from: 'social',
        to: 'mbc',
        text: 'Recommendations pass to the council',
      },
      { id: 'b2', kind: 'baton-change', laneId: 'baton', columnId: 'm4', from: 'mbc', to: 'builder' },
      {
        id: 'f1',
        kind: 'feeling',
        laneId: 'feel',
        columnId: 'm2',
        text: 'Mrs X feels she is not being kept well informed',
      },
      {
        id: 'mt1',
        kind: 'moment-of-truth',
        laneId: 'mot',
        columnId: 'm7',
        text: 'Extremely pleased with the service',
      },
    ],
  } as unknown as JourneyInput;
}

export const datedJourney = (): Journey => buildJourney(datedJourneyInput());

/** Melton case study 2: a life course by age, lanes of free text. */
export function ageJourneyInput(): JourneyInput {
  const ages = [{ from: 0, to: 4 }, { from: 5 }, { from: 6 }, { from: 7 }, { from: 8 }];
  const lanes = ['Family', 'Behaviour', 'Personal issues', 'Housing', 'Education'];
  const notes: Record<string, string[]> = {
    Family: ['Mother & Father working', 'Mother gets depression', 'Sent to live with Aunt'],
    Housing: ['Private', 'Moved to Melton', 'Council housing'],
    Education: ['Attended nursery school', 'Did not like nursery'],
  };
  return {
    schemaVersion: 2,
    id: 'asb-life-course',
    meta: { title: 'Perpetrators of anti-social behaviour', journeyType: 'life-course' },
    axis: { kind: 'ages' },
    columns: ages.map((age, i) => ({ id: `a${i}`, label: i === 0 ? 'Early years' : 'School', age })),
    lanes: lanes.map((label) => ({ id: label.toLowerCase().replace(/ /g, '-'), kind: 'text', label })),
    cards: Object.entries(notes).flatMap(([lane, texts]) =>
      texts.map((text, i) => ({
        id: `${lane}-${i}`.toLowerCase(),
        kind: 'text',
        laneId: lane.toLowerCase(),
        columnId: `a${i}`,
        text,
      })),
    ),
  } as unknown as JourneyInput;
}

export const ageJourney = (): Journey => buildJourney(ageJourneyInput());
