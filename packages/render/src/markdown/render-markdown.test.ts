import { describe, expect, it } from 'vitest';
import { buildJourney, datedJourney, stepsJourney, stepsJourneyInput } from '../test-fixtures';
import { renderMarkdown } from './render-markdown';

const section = (md: string, heading: string) => {
  const start = md.indexOf(heading);
  const next = md.indexOf('\n### ', start + 1);
  return md.slice(start, next === -1 ? undefined : next);
};

describe('renderMarkdown', () => {
  const md = renderMarkdown(stepsJourney());

  it('given the steps journey, then it opens with the title and a metadata table', () => {
    expect(md.startsWith('# Victims of anti-social behaviour: “My life is far from quiet”\n')).toBe(true);
    expect(md).toContain('| Field | Value |\n| --- | --- |\n| Journey type | Current journey (as is) |');
    expect(md).toContain('| Segment | ASB victims |');
    expect(md).toContain(
      '| Business question | Why do repeat victims stop reporting, and what would keep them informed? |',
    );
  });

  it('then each step lists its stage, owner, scores, quotes with sources and levers by category', () => {
    const two = section(md, '### 2. Reports incident');
    expect(two).toContain('- Stage: Report');
    expect(two).toContain('- Owner: Leicestershire Police');
    expect(two).toContain("- “I feel guilty. I can't cope” (Victims workshop, March 2009)");
    expect(two).toContain('- Repeat victim: −80');
    expect(two).toContain('- Neighbour who witnessed: −30');
    const three = section(md, '### 3. Awaits response by authorities');
    expect(three).toContain('- **Contact**: Match to previous incidents');
    expect(three.indexOf('**Contact**')).toBeLessThan(three.indexOf('**Process**'));
    expect(three.indexOf('**Process**')).toBeLessThan(three.indexOf('**Comms**'));
    expect(section(md, '### 1. Incident occurs')).toContain('- Repeat victim: −60 (estimate)');
    expect(section(md, '### 6. ')).toContain(
      '- ★ **Being told I am unreasonable**: the victim stops trusting the service',
    );
  });

  it('then links and ideas are listed', () => {
    expect(md).toContain(
      '- Feedback loop from “Perpetrator carries on” to “Incident occurs”: Perpetrator carries on: a new incident',
    );
    expect(md).toContain(
      '- Request to an outside agency from “Investigation takes place” to the customer, returning to “No information passed to victim”, wait 14 days: Diary sheets',
    );
    expect(md).toContain(
      '- **Single case officer for the victim** (Proposed); addresses: Single point of contact across all channels; Weeks with no news',
    );
  });

  it('given a dated journey, then step headings carry the month', () => {
    expect(renderMarkdown(datedJourney())).toContain('### 1. Recommendation received (Nov 2008)');
  });

  it('given markup in user text, then it is escaped so nothing renders as HTML or breaks the table', () => {
    const input = stepsJourneyInput() as { meta: { title: string; segment: string } };
    input.meta.title = '<script>alert(1)</script>';
    input.meta.segment = 'a | b *bold*';
    const out = renderMarkdown(buildJourney(input));
    expect(out).not.toContain('<script>');
    expect(out).toContain('# \\<script\\>alert(1)\\</script\\>');
    expect(out).toContain('| Segment | a \\| b \\*bold\\* |');
  });
});
