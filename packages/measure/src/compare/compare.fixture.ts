import { parseJourney, type Journey } from '@waymark/core';

const lanes = [
  { id: 'steps', kind: 'step', label: 'Key steps' },
  { id: 'tp', kind: 'touchpoint', label: 'Touchpoints' },
  { id: 'baton', kind: 'baton-change', label: 'Baton changes' },
  { id: 'emo', kind: 'emotion', label: 'Satisfaction' },
  { id: 'mot', kind: 'moment-of-truth', label: 'Moments of truth' },
  { id: 'm', kind: 'metric', label: 'Metrics' },
];
const orgs = [
  { id: 'council', name: 'Council' },
  { id: 'police', name: 'Police' },
];

function journey(doc: Record<string, unknown>): Journey {
  const r = parseJourney({ schemaVersion: 2, lanes, organisations: orgs, ...doc });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** Current: report by phone (2 contacts, one progress chase), wait for the police, a letter. */
export const currentFixture = (): Journey =>
  journey({
    id: 'current',
    meta: { title: 'Now', journeyType: 'current' },
    columns: [
      { id: 'report', label: 'Reports incident' },
      { id: 'wait', label: 'Awaits response', waitDays: 14 },
      { id: 'told', label: 'Told the outcome' },
    ],
    cards: [
      {
        id: 't1',
        kind: 'touchpoint',
        laneId: 'tp',
        columnId: 'report',
        text: 'Rings the council',
        channel: 'telephone',
        contacts: 1,
      },
      {
        id: 't2',
        kind: 'touchpoint',
        laneId: 'tp',
        columnId: 'report',
        text: 'Rings again',
        channel: 'telephone',
        contacts: 1,
        avoidableCategory: 'PC',
      },
      { id: 'e1', kind: 'emotion', laneId: 'emo', columnId: 'report', score: -40 },
      { id: 'b1', kind: 'baton-change', laneId: 'baton', columnId: 'wait', from: 'council', to: 'police' },
      { id: 'e2', kind: 'emotion', laneId: 'emo', columnId: 'wait', score: -80 },
      { id: 'e3', kind: 'emotion', laneId: 'emo', columnId: 'wait', score: -60 },
      { id: 'mot1', kind: 'moment-of-truth', laneId: 'mot', columnId: 'wait', text: 'Nobody calls back' },
      { id: 'd1', kind: 'metric', laneId: 'm', columnId: 'wait', metric: 'elapsed-days', value: 21 },
      {
        id: 't3',
        kind: 'touchpoint',
        laneId: 'tp',
        columnId: 'told',
        text: 'Letter',
        channel: 'letter',
        direction: 'outbound',
      },
    ],
  });

/** Desired: report once on the web, the outcome told by a case officer visit (new), waiting removed. */
export const desiredFixture = (): Journey =>
  journey({
    id: 'desired',
    meta: { title: 'Then', journeyType: 'desired', basedOn: 'current' },
    columns: [
      { id: 'report', label: 'Reports incident' },
      { id: 'visit', label: 'Case officer visits' },
      { id: 'outcome', label: 'Told the Outcome!' },
    ],
    cards: [
      {
        id: 't1',
        kind: 'touchpoint',
        laneId: 'tp',
        columnId: 'report',
        text: 'Reports online',
        channel: 'web',
      },
      { id: 'e1', kind: 'emotion', laneId: 'emo', columnId: 'report', score: 20 },
      {
        id: 'v1',
        kind: 'touchpoint',
        laneId: 'tp',
        columnId: 'visit',
        text: 'Home visit',
        channel: 'home-visit',
        direction: 'outbound',
      },
      { id: 'c1', kind: 'metric', laneId: 'm', columnId: 'visit', metric: 'unit-cost', value: 30 },
      { id: 'e2', kind: 'emotion', laneId: 'emo', columnId: 'visit', score: 40 },
      {
        id: 't3',
        kind: 'touchpoint',
        laneId: 'tp',
        columnId: 'outcome',
        text: 'Email',
        channel: 'email',
        direction: 'outbound',
      },
    ],
  });
