import { describe, expect, it } from 'vitest';
import { readPeriods } from './retention-form';

const bounds = {
  deletedJourneys: { min: 1, max: 365 },
  datasets: { min: 7, max: 3650 },
  rawUploads: { min: 1, max: 90 },
  audit: { min: 180, max: 3650 },
  history: { min: 30, max: 3650 },
};

describe('reading the retention form', () => {
  it('given whole numbers within bounds, then the periods', () => {
    expect(
      readPeriods(
        { deletedJourneys: ' 30 ', datasets: '365', rawUploads: '14', audit: '730', history: '730' },
        bounds,
      ),
    ).toEqual({
      ok: true,
      days: { deletedJourneys: 30, datasets: 365, rawUploads: 14, audit: 730, history: 730 },
    });
  });
  it('given words, fractions, too few and too many days, then each field says what is wrong', () => {
    expect(
      readPeriods(
        { deletedJourneys: 'a month', datasets: '1.5', rawUploads: '0', audit: '179', history: '3651' },
        bounds,
      ),
    ).toEqual({
      ok: false,
      problems: {
        deletedJourneys: { kind: 'whole' },
        datasets: { kind: 'whole' },
        rawUploads: { kind: 'min', min: 1 },
        audit: { kind: 'min', min: 180 },
        history: { kind: 'max', max: 3650 },
      },
    });
  });
});
