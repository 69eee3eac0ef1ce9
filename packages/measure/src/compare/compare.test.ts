import { describe, expect, it } from 'vitest';
import { costTables } from '../channel-costs';
import { alignSteps, proposeAlignment } from './alignment';
import { compareJourneys } from './compare';
import { currentFixture, desiredFixture } from './compare.fixture';
import { createTranslator } from '@waymark/i18n';
import { renderComparisonHtml, renderComparisonMarkdown } from './compare-report';

const socitm2011 = costTables.find((t) => t.id === 'socitm-2011')!;

describe('proposeAlignment', () => {
  it('given a desired journey duplicated from the current, then shared ids align, names are proposed, the rest is new or removed', () => {
    const rows = proposeAlignment(currentFixture(), desiredFixture());
    expect(rows.map((r) => [r.current, r.desired, r.how, r.confirmed])).toEqual([
      ['report', 'report', 'id', true],
      ['wait', null, 'unmatched', true],
      [null, 'visit', 'unmatched', true],
      ['told', 'outcome', 'name', false],
    ]);
  });

  it('when the user pairs steps by hand, then the pairing is kept and the displaced step becomes new', () => {
    const cur = currentFixture();
    const des = desiredFixture();
    const rows = alignSteps(cur, des, proposeAlignment(cur, des), 'visit' as never, 'wait' as never);
    expect(rows.map((r) => [r.current, r.desired, r.how])).toEqual([
      ['report', 'report', 'id'],
      ['wait', 'visit', 'user'],
      ['told', 'outcome', 'name'],
    ]);
  });
});

describe('compareJourneys', () => {
  const c = compareJourneys(currentFixture(), desiredFixture(), { costTable: socitm2011 });

  it('totals contacts, avoidable contacts, days, hand-offs and cost per journey for each side', () => {
    // current: 2 phone + 1 letter = 3 contacts; 1 avoidable (PC); 21 days; 14 waiting; 1 baton change.
    expect(c.current.totals).toMatchObject({
      contacts: 3,
      avoidableContacts: 1,
      elapsedDays: 21,
      waitDays: 14,
      handOffs: 1,
    });
    // phone 2 × £2.83; the letter has no Socitm 2011 figure, so it is counted but not costed.
    expect(c.current.totals.cost).toBeCloseTo(2 * 2.83, 10);
    // desired: web £0.15 + a visit at a unit cost of £30 (1 contact); email uncosted.
    expect(c.desired.totals).toMatchObject({
      contacts: 3,
      avoidableContacts: 0,
      elapsedDays: 0,
      handOffs: 0,
    });
    expect(c.desired.totals.cost).toBeCloseTo(0.15 + 30, 10);
    expect(c.delta.avoidableContacts).toBe(-1);
    expect(c.notes.join(' ')).toMatch(/letter/);
    expect(c.notes.join(' ')).toMatch(/email/);
  });

  it('says which steps were removed and added, and how emotion changes at its lowest point', () => {
    expect(c.stepsRemoved).toEqual(['Awaits response']);
    expect(c.stepsAdded).toEqual(['Case officer visits']);
    expect(c.current.emotion.lowest).toEqual({ columnId: 'wait', label: 'Awaits response', score: -70 });
    expect(c.desired.emotion.lowest?.score).toBe(20);
    expect(c.current.emotion.momentsOfTruth.map((m) => m.text)).toEqual(['Nobody calls back']);
    const kept = c.rows.find((r) => r.status === 'kept' && r.alignment.how === 'id')!;
    expect(kept.emotionDelta).toBe(60);
    expect(kept.delta.contacts).toBe(-1);
    expect(c.unconfirmed).toBe(1);
  });

  it('renders Markdown and HTML that carry the figures and escape user text', () => {
    const cur = currentFixture();
    const hostile = { ...cur, meta: { ...cur.meta, title: '<script>x</script> | pipe' } };
    const cc = compareJourneys(hostile, desiredFixture(), { costTable: socitm2011 });
    const mdText = renderComparisonMarkdown(cc);
    expect(mdText).toContain('| Avoidable contacts | 1 | 0 | −1 |');
    expect(mdText).toContain('\\| pipe');
    expect(mdText).toContain('1 step pairing matched by name awaits confirmation.');
    const htmlText = renderComparisonHtml(cc);
    expect(htmlText).not.toContain('<script>x');
    expect(htmlText).toContain('&lt;script&gt;');
    expect(htmlText).toContain('Case officer visits');
  });

  it('given Welsh words, then both reports are in Welsh (headings, statuses, plurals, lang) and the figures stay', () => {
    const cy = createTranslator('cy');
    const cc = compareJourneys(currentFixture(), desiredFixture(), { costTable: socitm2011 });
    const mdText = renderComparisonMarkdown(cc, cy);
    expect(mdText).toContain('## Cyfansymiau fesul taith');
    expect(mdText).toContain('| Cysylltiadau y gellir eu hosgoi | 1 | 0 | −1 |');
    expect(mdText).toContain('Camau a dynnwyd: Awaits response.');
    expect(mdText).not.toContain('Totals per journey');
    const htmlText = renderComparisonHtml(cc, cy);
    expect(htmlText).toContain('<html lang="cy-GB">');
    expect(htmlText).toContain('<th scope="col">Cam presennol</th>');
    expect(htmlText).not.toMatch(/>(Current step|Totals per journey|Step by step)</);
  });

  it('given HTML, links and autolinks in titles and step names, then the Markdown report has no live markup', () => {
    const cur = currentFixture();
    const hostile = {
      ...cur,
      meta: {
        ...cur.meta,
        title: '<img src=x onerror=alert(1)> [x](javascript:alert(1)) https://evil.example',
      },
    };
    const mdText = renderComparisonMarkdown(
      compareJourneys(hostile, desiredFixture(), { costTable: socitm2011 }),
    );
    expect(mdText.split('\n')[0]).toBe(
      '# \\<img src=x onerror=alert(1)\\> \\[x\\](javascript:alert(1)) https\\://evil.example → ' +
        mdText.split('\n')[0]!.split(' → ')[1],
    );
    expect(mdText).not.toMatch(/(?<!\\)[<[]/);
  });
});
