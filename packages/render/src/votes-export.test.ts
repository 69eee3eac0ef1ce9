import type { JourneyInput } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { csvHeader, renderCsv } from './csv';
import { renderMarkdown } from './markdown/render-markdown';
import { renderSvg } from './svg/render-svg';
import { buildJourney, stepsJourney, stepsJourneyInput } from './test-fixtures';

/** The steps journey after a dot-voting round: the pain point got 3 votes, the moment of truth 1, the idea 2. */
function voted() {
  const input = stepsJourneyInput() as unknown as {
    cards: { id: string; votes?: number }[];
    ideas: { id: string; votes?: number }[];
  };
  for (const card of input.cards) if (card.id === 'p1') card.votes = 3;
  for (const card of input.cards) if (card.id === 'm1') card.votes = 1;
  input.ideas[0]!.votes = 2;
  return buildJourney(input as unknown as JourneyInput);
}

describe('dot-voting results in the exports (issue 10 item 3: tallied on the map)', () => {
  it('given voted cards and an idea, then the poster prints the votes on the pain point and the moment of truth; without votes it prints none', () => {
    // the words as a reader sees them, across the lines they are wrapped onto
    const words = renderSvg(voted())
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
    expect(words).toContain('severity 3 of 3, 3 votes');
    expect(words).toContain('Dot-voting: 1 vote');
    expect(renderSvg(stepsJourney())).not.toMatch(/\d votes?\b/);
  });

  it('given voted cards and an idea, then the Markdown says the votes after each, in words', () => {
    const md = renderMarkdown(voted());
    expect(md).toContain('Weeks with no news (3 votes)');
    expect(md).toMatch(/Being told I am unreasonable\*\*: the victim stops trusting the service \(1 vote\)/);
    expect(md).toContain('**Single case officer for the victim** (Proposed, 2 votes)');
    expect(renderMarkdown(stepsJourney())).not.toContain('vote');
  });

  it('given voted cards, then the CSV has a votes column with each card’s tally and empty for the rest', () => {
    const rows = renderCsv(voted()).trim().split('\r\n');
    const at = csvHeader.indexOf('votes');
    expect(at).toBeGreaterThan(0);
    expect(rows[0]!.split(',')[at]).toBe('votes');
    const byText = (text: string) => rows.find((r) => r.includes(text))!.split(',')[at];
    expect(byText('Weeks with no news')).toBe('3');
    expect(byText('Being told I am unreasonable')).toBe('1');
    expect(byText('Case passed to the ASB team')).toBe('');
  });
});
