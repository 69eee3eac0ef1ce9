import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseJourney, type Journey } from '@waymark/core';
import { compareJourneys, countHandOffs, renderComparisonMarkdown } from '@waymark/measure';

const here = dirname(fileURLToPath(import.meta.url));

function load(file: string): Journey {
  const result = parseJourney(parse(readFileSync(join(here, file), 'utf8')));
  if (!result.ok) throw new Error(`${file} does not parse`);
  return result.value;
}

// docs/worked-checks/hand-offs.md: the multi-service example's four baton changes, one hand-off arrow
// describing the first of them again, four changes of step owner and a metric card stating "4".
describe('hand-offs in the multi-service example (issue 13 item 1)', () => {
  const journey = load('multi-service-change-of-address.yaml');

  it('given four baton changes, a hand-off arrow and a metric card saying 4, when compared, then Compare says 4 hand-offs from the map', () => {
    const c = compareJourneys(journey, journey);
    expect(c.current.totals.handOffs).toBe(4);
    expect(c.current.handOffs).toEqual({ source: 'map', stated: 4 });
  });

  it('then each hand-off is one step boundary, with the evidence that shows it', () => {
    const h = countHandOffs(journey);
    expect(h.map).toEqual([
      {
        columnId: 'council-tax-updated',
        from: 'customer-services',
        to: 'council-tax',
        evidence: ['baton-change', 'hand-off-link', 'owner-change'],
      },
      {
        columnId: 'tenancy-updated',
        from: 'council-tax',
        to: 'housing',
        evidence: ['baton-change', 'owner-change'],
      },
      {
        columnId: 'benefit-review',
        from: 'housing',
        to: 'benefits',
        evidence: ['baton-change', 'owner-change'],
      },
      {
        columnId: 'was-it-ok',
        from: 'benefits',
        to: 'customer-services',
        evidence: ['baton-change', 'owner-change'],
      },
    ]);
  });

  it('then the report names where the count came from', () => {
    const md = renderComparisonMarkdown(compareJourneys(journey, journey));
    expect(md).toMatch(/Hand-offs \(from the map\) \| 4 \| 4 \| 0/);
  });
});
