import { createTranslator } from '@waymark/i18n';
import { describe, expect, it } from 'vitest';
import type { PortfolioItem } from './library';
import { createTestApi, seedJourney } from '../testing/test-api';
import { portfolioCsv, portfolioHtml } from './library-routes';

// Issue 13 item 2: the portfolio's cost per journey names its model and price base, in English and Welsh.
const item = (cost: string | null, title: string): PortfolioItem =>
  ({
    workspaceId: 'w1',
    workspaceName: 'Melton',
    journeyId: title,
    version: 1,
    title,
    journeyType: 'current',
    status: 'draft',
    owner: null,
    segment: null,
    service: null,
    organisations: [],
    reviewDate: null,
    lastVerified: null,
    lastReview: null,
    evidenceDate: null,
    updatedAt: '2026-12-01T00:00:00Z',
    headline: {
      steps: 1,
      cards: 1,
      lowest: null,
      contacts: 3,
      avoidableContacts: 0,
      avoidablePercent: 0,
      elapsedDays: 2,
      costPence: cost === null ? null : Math.round(Number(cost) * 100),
      cost,
      handOffs: 0,
      painPoints: 0,
      newestEvidenceDate: null,
    },
    stages: [],
    indicators: { met: 0, improving: 0, missed: 0 },
    flags: [],
    mine: false,
  }) as unknown as PortfolioItem;

const rows = (csv: string) => csv.trim().split(/\r?\n/);

describe('the portfolio names the cost basis of its cost per journey', () => {
  it('in the CSV: a cost basis column beside the cost, empty where nothing was costed, in English and Welsh', () => {
    const items = [item('17.26', 'Report noise'), item(null, 'Uncosted')];
    const en = rows(portfolioCsv(items, createTranslator('en')));
    expect(en[0]).toContain('Cost per journey (£),Cost basis (model and price base)');
    expect(en[1]).toContain('17.26,Socitm Insight');
    expect(en[1]).toContain('(2011 prices)');
    expect(en[2]).not.toContain('Socitm');
    const cy = rows(portfolioCsv(items, createTranslator('cy')));
    expect(cy[0]).toContain('Cost fesul taith (£),Sail y gost (model a sail brisiau)');
    expect(cy[1]).toContain('17.26,Socitm Insight');
  });

  it('in the PDF’s page: one line under the table saying which costs were used', () => {
    const html = portfolioHtml(
      [item('17.26', 'Report noise')],
      createTranslator('en'),
      'Portfolio',
      '2026-12-04',
    );
    expect(html).toMatch(/<p>Costs: Socitm Insight[^<]*2011 prices\)\.<\/p>/);
    const cy = portfolioHtml(
      [item('17.26', 'Report noise')],
      createTranslator('cy'),
      'Portffolio',
      '2026-12-04',
    );
    expect(cy).toMatch(/<p>Costau: Socitm Insight[^<]*<\/p>/);
  });

  it('in the JSON the page reads: the basis beside the items', async () => {
    const t = await createTestApi();
    try {
      await t.addUser('Vi', { ws: 'w1', role: 'viewer' });
      await seedJourney(t, 'w1', 'j1');
      const vi = await t.signIn('Vi');
      const res = await vi.request('GET', '/api/workspaces/w1/portfolio');
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: unknown[]; costBasis: Record<string, unknown> };
      expect(body.items).toHaveLength(1);
      expect(body.costBasis).toMatchObject({ modelId: 'socitm-2011', kind: 'published', shownIn: '2011' });
    } finally {
      await t.close();
    }
  });
});
