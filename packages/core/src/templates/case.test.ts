import { describe, expect, it } from 'vitest';
import { monthColumns } from './case';

describe('monthColumns', () => {
  it('given a start in November, when three months are asked for, then the axis crosses the new year', () => {
    const columns = monthColumns(3, '2008-11');
    expect(columns.map((c) => [c.id, c.label, c.period])).toEqual([
      ['m-2008-11', 'Nov 2008', '2008-11'],
      ['m-2008-12', 'Dec 2008', '2008-12'],
      ['m-2009-01', 'Jan 2009', '2009-01'],
    ]);
  });

  it('given no start month, then the columns are numbered and undated, with a prompt to date them', () => {
    const columns = monthColumns(2, undefined);
    expect(columns.map((c) => c.label)).toEqual(['Month 1', 'Month 2']);
    expect(columns.every((c) => c.period === undefined && /YYYY-MM/.test(c.guidance ?? ''))).toBe(true);
  });
});
