import { parseJourney, type Journey } from '@waymark/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText as pdfLines } from '../testing/pdf-text';
import { createTestApi, seedJourney, type Client, type TestApi } from '../testing/test-api';

// Issue 14 item 3: the portfolio's PDF for a committee is a real PDF holding the journeys' rows.

/** A journey with `calls` telephone contacts at its one step (Socitm 2011: £2.83 each) and an owner. */
function journey(id: string, title: string, owner: string, calls: number): Journey {
  const parsed = parseJourney({
    schemaVersion: 2,
    id,
    meta: { title, journeyType: 'current', owner },
    columns: [{ id: 's1', label: 'Rings the council', durationDays: 2 }],
    lanes: [{ id: 'tp', kind: 'touchpoint', label: 'Touchpoints' }],
    cards: [
      {
        id: 't1',
        kind: 'touchpoint',
        laneId: 'tp',
        columnId: 's1',
        text: 'Rings',
        channel: 'telephone',
        contacts: calls,
      },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

/** The PDF's text as one line: cells wrap a title over several lines, and Chromium prints "ff" as a ligature. */
const pdfText = (bytes: Uint8Array) => pdfLines(bytes).normalize('NFKC').replace(/\s+/g, ' ');

describe('the portfolio as PDF', () => {
  let t: TestApi;
  let vi: Client;
  beforeAll(async () => {
    // Given: three journeys in w1 costing £2.83, £14.15 and £8.49 per journey.
    t = await createTestApi();
    await t.addUser('Vi', { ws: 'w1', role: 'viewer' });
    vi = await t.signIn('Vi');
    for (const [id, title, owner, calls] of [
      ['j1', 'Missed bin collection', 'Ann Jones', 1],
      ['j2', 'Council tax arrears', 'Bryn Evans', 5],
      ['j3', 'Housing repairs', 'Carys Hughes', 3],
    ] as const) {
      await seedJourney(t, 'w1', journey(id, title, owner, calls));
    }
  }, 120_000);
  afterAll(() => t.close());

  it('given journeys, when the PDF is downloaded sorted by cost, then it is a PDF whose text has each journey’s row in that order', async () => {
    const res = await vi.request(
      'GET',
      '/api/workspaces/w1/portfolio?format=pdf&locale=en&sort=cost&dir=desc',
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = pdfText(bytes);
    // Each journey's title, cost and owner, most costly first.
    const at = (s: string) => text.indexOf(s);
    for (const s of [
      'Council tax arrears',
      '£14.15',
      'Bryn Evans',
      'Housing repairs',
      '£8.49',
      'Missed bin collection',
      '£2.83',
    ])
      expect(text, s).toContain(s);
    expect(at('Council tax arrears')).toBeLessThan(at('Housing repairs'));
    expect(at('Housing repairs')).toBeLessThan(at('Missed bin collection'));
    expect(at('Council tax arrears')).toBeLessThan(at('£14.15'));
    // And the line saying which costs were used.
    expect(text).toMatch(/Costs: Socitm Insight channel value benchmarking 2011 \(2011 prices\)/);
  }, 120_000);

  it('given a filter and Welsh, when the PDF is downloaded, then only the rows kept are in it, headed in Welsh', async () => {
    const res = await vi.request(
      'GET',
      '/api/workspaces/w1/portfolio?format=pdf&locale=cy&owner=Ann%20Jones',
    );
    expect(res.status).toBe(200);
    const text = pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain('Missed bin collection');
    expect(text).not.toContain('Council tax arrears');
    expect(text).not.toContain('Housing repairs');
    expect(text).toContain('Portffolio teithiau');
    expect(text).toMatch(/Costau: Socitm Insight/);
  }, 120_000);
});
