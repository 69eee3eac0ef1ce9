import { describe, expect, it } from 'vitest';
import { labelRestatesPeriod } from './grid-header';

describe('labelRestatesPeriod (a dated header says its month once)', () => {
  it('given a label that names the same month or day, then it restates the period', () => {
    expect(labelRestatesPeriod('March 2009', '2009-03')).toBe(true);
    expect(labelRestatesPeriod('Mar 2009', '2009-03')).toBe(true);
    expect(labelRestatesPeriod('5 Nov 2008', '2008-11-05')).toBe(true);
    expect(labelRestatesPeriod('2009-03', '2009-03')).toBe(true);
  });
  it('given a label with other words, another month or no period, then it does not', () => {
    expect(labelRestatesPeriod('Assessment visit', '2009-03')).toBe(false);
    expect(labelRestatesPeriod('April 2009', '2009-03')).toBe(false);
    expect(labelRestatesPeriod('March 2010', '2009-03')).toBe(false);
    expect(labelRestatesPeriod('March 2009', '2009-03-04')).toBe(false);
    expect(labelRestatesPeriod('March 2009', undefined)).toBe(false);
  });
});
