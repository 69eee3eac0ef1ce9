import { applyCommand, type Journey } from '@waymark/core';
import {
  balancedScorecard,
  buildFiveCase,
  computeBusinessCase,
  fiveCaseTextSchema,
  parseScenario,
  profileActivity,
  switchingValue,
  tornado,
  type BusinessCaseInputDraft,
} from '@waymark/measure';
import { sampleJourney } from '@waymark/store';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { getTranslator, setLocale, type Locale } from '../i18n';
import { BusinessCaseResults } from './business-case-results';
import type { BusinessCaseJson } from './business-case-view';
import { carryIntoJourney, emptyStudy, profileSummary } from './sampling-model';

/** domain.md §7's worked check: £50k in year 0, £20 a journey × 1,000 journeys in years 1–5. */
const input: BusinessCaseInputDraft = {
  title: 'Online reporting',
  appraisalYears: 5,
  annualVolumes: 1_000,
  savings: [{ id: 'calls', label: 'Fewer calls', kind: 'cash-releasing', perJourney: 20 }],
  costs: [{ id: 'system', label: 'Case system', kind: 'one-off', amount: 50_000, fromYear: 0 }],
};

/** What the API's format=json export returns, built in the given language as the server builds it. */
function results(): BusinessCaseJson {
  const words = getTranslator();
  const scenario = parseScenario(input);
  if (!scenario.ok) throw new Error('the worked check must parse');
  const bc = computeBusinessCase(scenario.value.input, scenario.value.schedule);
  const bars = tornado(scenario.value, 10, words);
  const sv = switchingValue(scenario.value, undefined, undefined, words);
  if (!bars.ok || !sv.ok) throw new Error('sensitivity');
  return {
    businessCase: bc,
    report: {
      title: input.title!,
      generatedOn: '2026-12-04',
      businessCase: bc,
      fiveCase: buildFiveCase(fiveCaseTextSchema.parse({}), bc, sv.value, words),
      scorecard: balancedScorecard(
        [{ id: 'b', perspective: 'citizen', description: 'Victims feel listened to', money: 'non-monetary' }],
        {},
        words,
      ),
      tornado: bars.value,
      switching: sv.value,
    },
  };
}

const shown = (locale: Locale) => {
  setLocale(locale);
  return renderToStaticMarkup(<BusinessCaseResults ws="w1" id="j1" results={results()} />);
};

const study = emptyStudy();
const observations = [...Array<string>(18).fill('with-citizen'), ...Array<string>(238).fill('waiting')];

afterEach(() => setLocale('en'));

describe('the business case and activity sample in the chosen language', () => {
  it('given English, then the results read as before and each download asks for an English report', () => {
    const html = shown('en');
    expect(html).toContain('Net present social value');
    expect(html).toContain('£40,301.05');
    expect(html).toContain('Victims feel listened to (not quantified)');
    expect(html).toContain('Switching value: the case breaks even (NPSV £0) when <strong>');
    for (const format of ['html', 'pdf', 'csv'])
      expect(html).toContain(`/business-case/main/export?format=${format}&amp;locale=en`);
  });

  it('given Welsh, then the same figures with Welsh words, and each download asks for a Welsh report', () => {
    const html = shown('cy');
    expect(html).toContain('Canlyniadau');
    expect(html).toContain('Gwerth cymdeithasol presennol net');
    expect(html).toContain('£40,301.05');
    expect(html).toContain('Victims feel listened to (heb ei fesur)');
    expect(html).toContain('Dinasyddion a rhanddeiliaid');
    expect(html).toContain('Achos economaidd');
    expect(html).not.toMatch(/Results|Year by year|not quantified|Not written yet/);
    for (const format of ['html', 'pdf', 'csv'])
      expect(html).toContain(`/business-case/main/export?format=${format}&amp;locale=cy`);
  });

  it('given Welsh, then a new study’s activities, the summary and the lane carried into a journey are in Welsh', () => {
    setLocale('cy');
    const welsh = emptyStudy();
    expect(welsh.categories.map((c) => c.label)).toEqual([
      'Gyda’r dinesydd',
      'Cofnodi a gweinyddu',
      'Mynd ar drywydd ac ailwneud',
      'Aros',
    ]);
    const profile = profileActivity(welsh.categories, observations);
    if (!profile.ok) throw new Error('profile');
    expect(profileSummary(profile.value, 0.95)).toMatch(
      /^Sampl gweithgarwch: gwerth ychwanegol 7\.0 % o’r amser \(ysbaid 95 % .+\), 256 arsylwad$/,
    );
  });

  it('given a lane carried in English, when carried again in Welsh, then the same lane takes the new card', () => {
    const profile = profileActivity(study.categories, observations);
    if (!profile.ok) throw new Error('profile');
    let j: Journey = sampleJourney('j');
    const carry = (id: string) => {
      for (const cmd of carryIntoJourney(j, profile.value, 0.95, 's2', id)) {
        const r = applyCommand(j, cmd);
        if (!r.ok) throw new Error(r.error.message);
        j = r.value.journey;
      }
    };
    carry('as-1');
    setLocale('cy');
    carry('as-2');
    const lanes = j.lanes.filter((l) => l.kind === 'text' && l.id === 'activity-sample');
    expect(lanes.map((l) => l.label)).toEqual(['Activity sample']);
    const texts = j.cards
      .filter((c) => c.laneId === 'activity-sample')
      .map((c) => ('text' in c ? c.text : ''));
    expect(texts[0]).toMatch(/^Activity sample: value-added 7\.0 % of time/);
    expect(texts[1]).toMatch(/^Sampl gweithgarwch: gwerth ychwanegol 7\.0 % o’r amser/);
  });
});
