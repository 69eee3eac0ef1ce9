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
