import { readFileSync } from 'node:fs';
import { figureKeys } from '@waymark/measure';
import { describe, expect, it } from 'vitest';
import { figuresOfLog } from './improvement-log';

// The worked check's log (docs/worked-checks/closing-the-loop.md): 6 of 8 delivered claims get a "was it OK?" call.
const claims = readFileSync(
  new URL('../../../../docs/worked-checks/claims-log.csv', import.meta.url),
  'utf8',
);

describe('figuresOfLog: closing the loop as an indicator (issue 13 item 4)', () => {
  it('given the claims log, then closed-loop-percent is 75, the share of delivered cases told and asked', async () => {
    const figures = await figuresOfLog(claims);
    expect(figures[figureKeys.closedLoopPercent]).toBe(75);
  });

  it('given a log with no delivery activity, then there is no closed-loop figure rather than 0 %', async () => {
    const figures = await figuresOfLog('case,activity,timestamp\nA,Report,2026-01-01T09:00:00Z\n');
    expect(figures[figureKeys.closedLoopPercent]).toBeUndefined();
  });
});

describe('figuresOfLog: the Successful Customer Outcome as an indicator (issue 13 item 5)', () => {
  it('given the claims log and the journey\'s rule "Benefit paid", then successful-outcome-percent is 80', async () => {
    const figures = await figuresOfLog(claims, { activity: 'Benefit paid' });
    expect(figures[figureKeys.successfulOutcomePercent]).toBe(80);
  });

  it('given a column=value rule, then the share of cases with that value is the figure', async () => {
    const log = [
      'case,activity,timestamp,outcome',
      'A,Report,2026-01-01T09:00:00Z,',
      'A,Close,2026-01-02T09:00:00Z,Resolved',
      'B,Report,2026-01-01T09:00:00Z,',
      'B,Close,2026-01-03T09:00:00Z,Refused',
      'C,Report,2026-01-01T09:00:00Z,',
      'C,Close,2026-01-04T09:00:00Z,Resolved',
      'D,Report,2026-01-01T09:00:00Z,',
    ].join('\n');
    const figures = await figuresOfLog(log, { dimension: 'outcome', value: 'resolved' });
    expect(figures[figureKeys.successfulOutcomePercent]).toBe(50);
  });

  it('given no rule, or a rule nothing in the log matches, then there is no figure rather than 0 %', async () => {
    expect((await figuresOfLog(claims))[figureKeys.successfulOutcomePercent]).toBeUndefined();
    const misspelt = await figuresOfLog(claims, { activity: 'Benefit payed' });
    expect(misspelt[figureKeys.successfulOutcomePercent]).toBeUndefined();
  });
});
