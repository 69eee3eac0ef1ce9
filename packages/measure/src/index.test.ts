import { describe, expect, it } from 'vitest';
import * as measure from './index';

describe('@waymark/measure public surface', () => {
  it('exports the entry points the server, CLI and web app call', () => {
    for (const name of [
      'buildBusinessCase',
      'renderBusinessCaseHtml',
      'renderBusinessCaseCsv',
      'tornado',
      'switchingValue',
      'sampleSizeForMargin',
      'planObservationSchedule',
      'profileActivity',
      'indicatorSeries',
      'valueEffortMatrix',
      'applyExpectedEffects',
      'averageCostPerContact',
      'wilsonInterval',
    ]) {
      expect(typeof (measure as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
