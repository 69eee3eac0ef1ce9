import { readFileSync } from 'node:fs';
import type { Journey } from '@waymark/core';
import { readJourneyText } from '@waymark/document';
import { compareJourneys, type Comparison } from '@waymark/measure';
import { sampleJourney, type WorkspaceId } from '@waymark/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, seedJourney, type Client, type TestApi } from '../testing/test-api';
import { seedIndicators, smallLog, workedCheckCase } from './improvement.examples';
import { createPdfPrinter, printPdf } from './improvement-pdf';

const ws = 'w1' as WorkspaceId;
const j1 = '/api/workspaces/w1/journeys/j1';
const example = (name: string): Journey => {
  const read = readJourneyText(
    readFileSync(new URL(`../../../../examples/${name}.yaml`, import.meta.url), 'utf8'),
  );
  if (!read.ok) throw new Error(`example ${name} does not read`);
  return read.value;
};
/** The sample journey with other column ids: its steps line up with the original by name only. */
const renamedColumns = (id: string): Journey => {
  const j = sampleJourney(id, { journeyType: 'desired' });
  const map = (c: string) => c.replace(/^s/, 'd');
  return {
    ...j,
    columns: j.columns.map((c) => ({ ...c, id: map(c.id) as never })),
    cards: j.cards.map((c) => ('columnId' in c ? { ...c, columnId: map(c.columnId as string) } : c)) as never,
  };
};
const pdfPages = (bytes: Uint8Array) =>
  (
    Buffer.from(bytes)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?!s)/g) ?? []
  ).length;

describe('improvement API', () => {
  let t: TestApi;
  let editor: Client;
  let viewer: Client;
  const put = (c: Client, id: string, baseVersion: number, data: unknown, kind = 'business-case') =>
    c.request('PUT', `${j1}/artifacts/${kind}/${id}`, { baseVersion, data });

  beforeAll(async () => {
    // Given: w1 with an editor and a viewer; journey j1, the Melton ASB current and desired journeys, and d1
    // whose steps match j1's by name only.
    t = await createTestApi();
    await t.addUser('Ed', { ws, role: 'editor' });
    await t.addUser('Vi', { ws, role: 'viewer' });
    const at = t.caps.clock().toISOString();
    for (const journey of [
      sampleJourney('j1'),
      renamedColumns('d1'),
      example('melton-asb-victim-current'),
      example('melton-asb-victim-desired'),
    ]) {
      await seedJourney(t, ws, journey, { at });
    }
    editor = await t.signIn('Ed');
    viewer = await t.signIn('Vi');
  });
  afterAll(() => t.close());

  describe('artefacts', () => {
    it('given no business case, when an editor creates one, then 201 version 1, and a viewer reads it back with defaults filled', async () => {
      const res = await put(editor, 'main', 0, workedCheckCase);
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({
        kind: 'business-case',
        id: 'main',
        version: 1,
        updatedBy: { name: 'Ed' },
      });
      const got = (await (await viewer.request('GET', `${j1}/artifacts/business-case/main`)).json()) as {
        data: { input: { optimismBiasPercent: number }; sensitivityPercent: number };
      };
      expect(got.data.input.optimismBiasPercent).toBe(0);
      expect(got.data.sensitivityPercent).toBe(10);
      const list = (await (await viewer.request('GET', `${j1}/artifacts/business-case`)).json()) as {
        items: { id: string }[];
      };
      expect(list.items.map((i) => i.id)).toContain('main');
    });

    it('given version 2, when a change from version 1 arrives, then 409 version_conflict with the current artefact', async () => {
      await put(editor, 'conflict', 0, workedCheckCase);
      const second = { ...workedCheckCase, organisation: 'Melton BC' };
      expect((await put(editor, 'conflict', 1, second)).status).toBe(200);
      const stale = await put(editor, 'conflict', 1, workedCheckCase);
      expect(stale.status).toBe(409);
      const body = (await stale.json()) as {
        error: { code: string; path: string };
        current: { version: number; data: { organisation: string } };
      };
      expect(body.error.code).toBe('version_conflict');
      expect(body.current.version).toBe(2);
      expect(body.current.data.organisation).toBe('Melton BC');
    });

    it('given a negative cost, when saved, then 400 naming data.input.costs[0].amount and nothing is stored', async () => {
      const bad = {
        input: { ...workedCheckCase.input, costs: [{ ...workedCheckCase.input.costs[0], amount: -5 }] },
      };
      const res = await put(editor, 'bad', 0, bad);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; path: string; message: string } };
      expect(body.error).toMatchObject({ code: 'invalid_request', path: 'data.input.costs[0].amount' });
      expect(body.error.message).toMatch(/non-negative number of pounds/);
      expect((await viewer.request('GET', `${j1}/artifacts/business-case/bad`)).status).toBe(404);
    });

    it('given a sampling study with an observation of an unknown category, when saved, then 400 naming the observation', async () => {
      const study = {
        categories: [{ id: 'patient', label: 'With the patient', classification: 'value-added' }],
        observations: ['patient', 'patient', 'coffee'],
      };
      const res = await put(editor, 'ward', 0, study, 'sampling-study');
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { path: string } }).error.path).toBe('data.observations[2]');
      expect(
        (await put(editor, 'ward', 0, { ...study, observations: ['patient'] }, 'sampling-study')).status,
      ).toBe(201);
    });

    it('given indicators with one period twice, when saved, then 400 naming the repeated period', async () => {
      const indicator = {
        key: 'avoidable-percent',
        label: 'NI14',
        unit: '%',
        direction: 'lower-is-better',
        baseline: 40,
        target: 20,
      };
      const values = [
        { period: '2026-Q1', value: 38, source: 'manual' },
        { period: '2026-Q1', value: 35, source: 'manual' },
      ];
      const res = await put(editor, 'main', 0, { indicators: [{ ...indicator, values }] }, 'indicators');
      expect(res.status, await res.clone().text()).toBe(400);
      expect(((await res.json()) as { error: { path: string } }).error.path).toBe(
        'data.indicators[0].values[1].period',
      );
    });

    it('given an unknown kind or a bad id or a missing journey, then 404, 400 and 404 with clear codes', async () => {
      const kind = await viewer.request('GET', `${j1}/artifacts/wishes`);
      expect(kind.status).toBe(404);
      expect(((await kind.json()) as { error: { message: string } }).error.message).toMatch(
        /business-case, indicators, sampling-study/,
      );
      expect((await put(editor, 'Bad Id!', 0, workedCheckCase)).status).toBe(400);
      const missing = await viewer.request('GET', '/api/workspaces/w1/journeys/nope/artifacts/indicators');
      expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('journey_not_found');
      const none = await viewer.request('GET', `${j1}/artifacts/indicators/none`);
      expect(none.status).toBe(404);
      expect(((await none.json()) as { error: { code: string } }).error.code).toBe('artifact_not_found');
    });
  });

  describe('indicator values from a log', () => {
    const fromLog = (id: string, baseVersion: number, body: string) =>
      editor.request(
        'POST',
        `${j1}/artifacts/indicators/${id}/from-log?period=2026-Q1&baseVersion=${baseVersion}`,
        body,
        { 'content-type': 'text/csv' },
      );

    it('given NI14 tracked, when a log is sent, then its NI14 % is recorded for the period as computed', async () => {
      await seedIndicators(t, 'from-log');
      const res = await fromLog('from-log', 1, smallLog);
      expect(res.status, await res.clone().text()).toBe(200);
      const body = (await res.json()) as {
        recorded: string[];
        figures: Record<string, number>;
        artifact: {
          version: number;
          data: { indicators: { values: { period: string; value: number; source: string }[] }[] };
        };
      };
      expect(body.recorded).toEqual(['avoidable-percent']);
      expect(body.figures['contacts-per-journey']).toBe(1.5);
      const [value] = body.artifact.data.indicators[0]!.values;
      expect(value).toMatchObject({ period: '2026-Q1', source: 'computed' });
      expect(value!.value).toBe(Math.round(body.figures['avoidable-percent']! * 100) / 100);
      expect(body.artifact.version).toBe(2);
    });

    it('given a file that is not a log, or a stale version, then 400 naming the log, and 409', async () => {
      await seedIndicators(t, 'bad-log');
      const bad = await fromLog('bad-log', 1, '');
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^the log: /);
      expect((await fromLog('bad-log', 1, smallLog)).status).toBe(200);
      expect((await fromLog('bad-log', 1, smallLog)).status).toBe(409);
    });

    it("given the journey's Successful Customer Outcome is set by a command, then the log records successful-outcome-percent with it", async () => {
      const claims = readFileSync(
        new URL('../../../../docs/worked-checks/claims-log.csv', import.meta.url),
        'utf8',
      );
      await seedJourney(t, ws, 'sco');
      const set = await editor.request('POST', '/api/workspaces/w1/journeys/sco/commands', {
        baseVersion: 1,
        commands: [{ type: 'meta.update', patch: { outcomeRule: { activity: 'Benefit paid' } } }],
      });
      expect(set.status, await set.clone().text()).toBe(200);
      const seeded = await t.stores.improvements.putArtifact({
        workspaceId: ws,
        journeyId: 'sco' as never,
        kind: 'indicators',
        id: 'sco',
        data: {
          indicators: [
            {
              key: 'successful-outcome-percent',
              label: 'SCO',
              unit: '%',
              direction: 'higher-is-better',
              baseline: 60,
              target: 85,
              values: [],
            },
          ],
        },
        baseVersion: 0,
        by: null,
        at: t.caps.clock().toISOString(),
      });
      if (!seeded.ok) throw new Error(seeded.error.message);
      const res = await editor.request(
        'POST',
        '/api/workspaces/w1/journeys/sco/artifacts/indicators/sco/from-log?period=2026-Q1&baseVersion=1',
        claims,
        { 'content-type': 'text/csv' },
      );
      expect(res.status, await res.clone().text()).toBe(200);
      const body = (await res.json()) as {
        recorded: string[];
        artifact: { data: { indicators: { values: { value: number; source: string }[] }[] } };
      };
      expect(body.recorded).toEqual(['successful-outcome-percent']);
      expect(body.artifact.data.indicators[0]!.values[0]).toMatchObject({ value: 80, source: 'computed' });
    });
  });

  describe('compare', () => {
    const compare = async (query: string) => {
      const res = await viewer.request('GET', `/api/workspaces/w1/compare?${query}`);
      expect(res.status, await res.clone().text()).toBe(200);
      return (await res.json()) as {
        comparison: Comparison;
        alignment: { current: string | null; desired: string | null; how: string; confirmed: boolean }[];
      };
    };

    it('given the Melton ASB journeys, when compared, then the totals equal compareJourneys on the example files', async () => {
      const { comparison } = await compare(
        'current=melton-asb-victim-current&desired=melton-asb-victim-desired',
      );
      const expected = compareJourneys(
        example('melton-asb-victim-current'),
        example('melton-asb-victim-desired'),
      );
      expect(comparison.current.totals).toEqual(expected.current.totals);
      expect(comparison.desired.totals).toEqual(expected.desired.totals);
      expect(comparison.delta).toEqual(expected.delta);
      expect(comparison.current.emotion.lowest).toEqual(expected.current.emotion.lowest);
    });

    it('given steps matched by name, when confirmed, then nothing is left unconfirmed; when re-paired, then the user pairing holds', async () => {
      const proposed = await compare('current=j1&desired=d1');
      expect(proposed.comparison.unconfirmed).toBe(3);
      expect((await compare('current=j1&desired=d1&confirm=all')).comparison.unconfirmed).toBe(0);
      const paired = await compare('current=j1&desired=d1&pairs=d1:s2,d3:');
      expect(paired.alignment).toContainEqual({ current: 's2', desired: 'd1', how: 'user', confirmed: true });
      expect(paired.alignment).toContainEqual({
        current: null,
        desired: 'd3',
        how: 'unmatched',
        confirmed: true,
      });
      expect(paired.comparison.stepsAdded).toContain('Step 3');
    });

    it('given the same decisions in a POST body, then the same comparison as the GET query', async () => {
      const res = await viewer.request('POST', '/api/workspaces/w1/compare', {
        current: 'j1',
        desired: 'd1',
        pairs: [
          { desired: 'd1', current: 's2' },
          { desired: 'd3', current: null },
        ],
      });
      expect(((await res.json()) as { comparison: unknown }).comparison).toEqual(
        (await compare('current=j1&desired=d1&pairs=d1:s2,d3:')).comparison,
      );
    });

    it('given a step id that is not in the journey or a missing journey, then 400/404 naming which', async () => {
      const bad = await viewer.request('GET', '/api/workspaces/w1/compare?current=j1&desired=d1&pairs=zz:s1');
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { path: string } }).error.path).toBe('pairs[0].desired');
      const missing = await viewer.request('GET', '/api/workspaces/w1/compare?current=j1&desired=nope');
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as { error: { path: string } }).error.path).toBe('desired');
    });

    it('given format=md and html, then a download of the report', async () => {
      const md = await viewer.request(
        'GET',
        '/api/workspaces/w1/compare?current=melton-asb-victim-current&desired=melton-asb-victim-desired&format=md',
      );
      expect(md.headers.get('content-type')).toMatch(/text\/markdown/);
      expect(md.headers.get('content-disposition')).toMatch(
        /attachment; filename="compare-melton-asb-victim-current-melton-asb-victim-desired\.md"/,
      );
      expect(await md.text()).toMatch(/^# Victims of anti-social behaviour/);
      const html = await viewer.request(
        'GET',
        '/api/workspaces/w1/compare?current=j1&desired=j1&format=html',
      );
      expect(await html.text()).toMatch(/<table/);
    });

    it('given locale=cy or a Welsh browser, then the report’s own words are Welsh; a locale that is neither is refused naming it', async () => {
      const path =
        '/api/workspaces/w1/compare?current=melton-asb-victim-current&desired=melton-asb-victim-desired&format=md';
      const asked = await (await viewer.request('GET', `${path}&locale=cy`)).text();
      expect(asked).toContain('## Cyfansymiau fesul taith');
      expect(asked).not.toContain('## Totals per journey');
      const browser = await viewer.request('GET', path.replace('md', 'html'), undefined, {
        'Accept-Language': 'cy-GB,cy;q=0.9,en;q=0.5',
      });
      expect(await browser.text()).toContain('<html lang="cy-GB">');
      const english = await (
        await viewer.request('GET', path, undefined, { 'Accept-Language': 'fr' })
      ).text();
      expect(english).toContain('## Totals per journey');
      const bad = await viewer.request('GET', `${path}&locale=fr`);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { path: string } }).error.path).toBe('locale');
    });
  });

  describe('business case export', () => {
    beforeAll(async () => {
      const res = await put(editor, 'worked', 0, {
        ...workedCheckCase,
        comparison: { current: 'melton-asb-victim-current', desired: 'melton-asb-victim-desired' },
      });
      expect(res.status).toBe(201);
    });
    const exportAs = (format: string) =>
      viewer.request('GET', `${j1}/business-case/worked/export?format=${format}`);

    it('given locale=cy, then the HTML and CSV business case are in Welsh with the same figures', async () => {
      const html = await (
        await viewer.request('GET', `${j1}/business-case/worked/export?format=html&locale=cy`)
      ).text();
      expect(html).toContain('<html lang="cy-GB">');
      expect(html).toContain('<h2>Crynodeb</h2>');
      expect(html).toContain('Achos economaidd');
      expect(html).toContain('£40,301.05');
      expect(html).not.toContain('Net present social value');
      const csv = await (
        await viewer.request('GET', `${j1}/business-case/worked/export?format=csv&locale=cy`)
      ).text();
      expect(csv.split('\n')[0]).toContain('Blwyddyn,Blwyddyn galendr,Teithiau');
    });

    it('given the worked check of domain.md §7, when exported as HTML, then NPSV £40,301.05, PV benefits £90,301.05 and BCR 1.81 appear', async () => {
      const res = await exportAs('html');
      expect(res.headers.get('content-disposition')).toBe(
        'attachment; filename="j1-worked-business-case.html"',
      );
      const html = await res.text();
      expect(html).toContain('£40,301.05');
      expect(html).toContain('£90,301.05');
      expect(html).toMatch(/1\.81/);
    });

    it('when exported as CSV, then the NPSV is there to the penny', async () => {
      const res = await exportAs('csv');
      expect(res.headers.get('content-type')).toMatch(/text\/csv/);
      expect(await res.text()).toMatch(/40301\.05/);
    });

    it('when exported as JSON, then the computed case with its tornado and switching value', async () => {
      const body = (await (await exportAs('json')).json()) as {
        businessCase: { npsv: number; bcr: number };
        report: { tornado: unknown[]; switching: { value: number } };
      };
      expect(body.businessCase.npsv).toBe(4_030_105);
      expect(body.report.tornado.length).toBeGreaterThan(0);
      expect(body.report.switching.value).toBeGreaterThan(0);
    });

    it('when exported as PDF, then an A4 PDF of at least one page', async () => {
      const res = await exportAs('pdf');
      expect(res.status, await res.clone().text()).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(pdfPages(bytes)).toBeGreaterThanOrEqual(1);
    }, 60_000);

    it('given the compared journey is deleted, when exported, then the case still exports without linked figures', async () => {
      await put(editor, 'orphan', 0, { ...workedCheckCase, comparison: { current: 'gone', desired: 'j1' } });
      const res = await viewer.request('GET', `${j1}/business-case/orphan/export?format=html`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('£40,301.05');
    });

    it('given a business case, when deleted from a stale version, then 409; from the current one, then 204 and gone', async () => {
      await put(editor, 'to-delete', 0, workedCheckCase);
      await put(editor, 'to-delete', 1, workedCheckCase);
      const stale = await editor.request('DELETE', `${j1}/artifacts/business-case/to-delete?baseVersion=1`);
      expect(stale.status).toBe(409);
      expect(
        (await editor.request('DELETE', `${j1}/artifacts/business-case/to-delete?baseVersion=2`)).status,
      ).toBe(204);
      expect((await viewer.request('GET', `${j1}/artifacts/business-case/to-delete`)).status).toBe(404);
    });

    it('given an API without improvement storage, then its routes answer 503 with a clear message', async () => {
      const bare = await createTestApi({ improvements: undefined });
      try {
        await bare.addUser('Vi', { ws, role: 'viewer' });
        await seedJourney(bare, ws, 'j1');
        const res = await (await bare.signIn('Vi')).request('GET', `${j1}/artifacts/indicators`);
        expect(res.status).toBe(503);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_configured');
      } finally {
        await bare.close();
      }
    });

    it('given three prints asked at once, then they run one after another, a failure not blocking the next', async () => {
      let running = 0;
      let most = 0;
      const order: string[] = [];
      const print = createPdfPrinter(async (html) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 5));
        running -= 1;
        order.push(html);
        if (html === 'b') throw new Error('crashed');
        return { ok: true, pdf: new Uint8Array([1]) };
      });
      const results = await Promise.allSettled([print('a'), print('b'), print('c')]);
      expect(most).toBe(1);
      expect(order).toEqual(['a', 'b', 'c']);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    });

    it('given no Chromium, when a PDF is asked for, then a clear message instead of a stack trace', async () => {
      const res = await printPdf('<p>x</p>', '/nonexistent/chromium');
      expect(res.ok).toBe(false);
      expect(!res.ok && res.message).toMatch(/not installed.*download the HTML/);
    });
  });
});
