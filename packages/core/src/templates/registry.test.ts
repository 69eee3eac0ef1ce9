import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../journey/invariants';
import { parseJourney } from '../journey/parse';
import { formatPath } from '../problem';
import { createJourneyFromTemplate, journeyTemplates, templateNames } from './registry';

const laneLabels = (name: (typeof templateNames)[number]) =>
  journeyTemplates[name].create({ id: 'x' }).lanes.map((l) => l.label);

describe('journey templates', () => {
  it.each(templateNames)(
    'given the %s template, when created and written out as plain data, then parseJourney and the invariants accept it',
    (name) => {
      const journey = journeyTemplates[name].create({ id: `new-${name}`, title: 'A new map' });
      expect(checkInvariants(journey)).toEqual([]);
      const reread = parseJourney(JSON.parse(JSON.stringify(journey)));
      expect(reread.ok).toBe(true);
      if (reread.ok) expect(reread.value).toEqual(journey);
      expect(journey.id).toBe(`new-${name}`);
      expect(journey.meta.title).toBe('A new map');
    },
  );

  it.each(templateNames)('given the %s template, then it holds prompts but no content', (name) => {
    const journey = journeyTemplates[name].create({ id: 'x' });
    expect(journey.cards).toEqual([]);
    expect(journey.ideas).toEqual([]);
    for (const lane of journey.lanes) expect(lane.guidance, lane.id).toMatch(/\?|\.$/);
    expect(journeyTemplates[name].label.length).toBeGreaterThan(0);
  });

  it('given the melton template, then it has about six steps and the Cabinet Office lanes with Contact, Process, Comms', () => {
    const journey = journeyTemplates.melton.create({ id: 'x' });
    expect(journey.columns).toHaveLength(6);
    expect(journey.meta.journeyType).toBe('current');
    expect(laneLabels('melton')).toEqual([
      'Key journey steps',
      'Touchpoints',
      'Feelings and quotes',
      'Customer satisfaction (emotion)',
      'Moments of truth',
      'Pain points',
      'Levers for solution hunting',
    ]);
    expect(journey.leverCategories.map((c) => c.label)).toEqual(['Contact', 'Process', 'Comms']);
  });

  it('given the service blueprint, then its steps are grouped in stages and front and back stage are text lanes', () => {
    const journey = journeyTemplates['service-blueprint'].create({ id: 'x' });
    expect(journey.stages.length).toBeGreaterThan(1);
    expect(journey.columns.every((c) => c.stageId !== undefined)).toBe(true);
    const kinds = Object.fromEntries(journey.lanes.map((l) => [l.label, l.kind]));
    expect(kinds).toMatchObject({
      'Customer actions': 'step',
      Touchpoints: 'touchpoint',
      'Front stage': 'text',
      'Back stage': 'text',
      'Support processes': 'text',
      'Baton changes': 'baton-change',
      Metrics: 'metric',
    });
  });

  it('given the life-course template, then the axis runs by age from 0-4 to 18 with six life lanes', () => {
    const journey = journeyTemplates['life-course'].create({ id: 'x' });
    expect(journey.meta.journeyType).toBe('life-course');
    expect(journey.axis.kind).toBe('ages');
    expect(journey.columns.map((c) => c.label)).toEqual([
      '0-4',
      ...Array.from({ length: 14 }, (_, i) => String(i + 5)),
    ]);
    expect(journey.columns[0]!.age).toEqual({ from: 0, to: 4 });
    expect(journey.columns.at(-1)!.age).toEqual({ from: 18 });
    expect(laneLabels('life-course')).toEqual([
      'Family',
      'Behaviour',
      'Personal issues',
      'Housing',
      'Education',
      'Health',
    ]);
  });

  it('given the case template and a start month, then the columns are dated months with the case lanes', () => {
    const r = createJourneyFromTemplate('case', { id: 'mrs-x', startMonth: '2008-11', months: 14 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.meta.journeyType).toBe('case');
    expect(r.value.axis).toEqual({ kind: 'dates', unit: 'month' });
    expect(r.value.columns.map((c) => c.period)).toEqual([
      '2008-11',
      '2008-12',
      ...Array.from({ length: 12 }, (_, i) => `2009-${String(i + 1).padStart(2, '0')}`),
    ]);
    expect(laneLabels('case')).toEqual([
      'Key journey steps',
      'Baton changes',
      'Touchpoints',
      'Feelings and actions',
      'Moments of truth',
    ]);
  });
});

describe('createJourneyFromTemplate', () => {
  const problemsOf = (name: string, options: Parameters<typeof createJourneyFromTemplate>[1]) => {
    const r = createJourneyFromTemplate(name, options);
    return r.ok ? [] : r.error.map((p) => `${p.code} @ ${formatPath(p.path)}: ${p.message}`);
  };

  it('given a known name, then the journey comes back with the default title', () => {
    const r = createJourneyFromTemplate('melton', { id: 'asb-victims' });
    expect(r.ok && r.value.meta.title).toBe('Customer journey map');
  });

  it('given an unknown name, then the problem lists the templates there are', () => {
    const [only, ...rest] = problemsOf('swimlane', { id: 'x' });
    expect(rest).toEqual([]);
    expect(only).toMatch(
      /^template_not_found @ template: .*"swimlane".*melton, service-blueprint, life-course, case/,
    );
  });

  it('given a bad id, an empty title and a month 13, then each is named with what was expected', () => {
    const found = problemsOf('case', { id: 'has spaces', title: '  ', startMonth: '2009-13' });
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/^invalid_format @ id: expected an id/);
    expect(found[1]).toMatch(/^invalid_too_small @ title: expected some text/);
    expect(found[2]).toMatch(/^invalid_format @ startMonth: expected a month as YYYY-MM/);
  });

  it('given zero months, then the problem says at least one is expected', () => {
    expect(problemsOf('case', { id: 'x', months: 0 })).toEqual([
      'invalid_too_small @ months: expected at least 1 month',
    ]);
  });
});
