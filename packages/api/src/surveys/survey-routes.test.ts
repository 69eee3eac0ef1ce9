import { encodeEvents, importCsv } from '@waymark/analytics';
import type { JourneyId } from '@waymark/core';
import type { WorkspaceId } from '@waymark/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, seedJourney, type Client, type TestApi } from '../testing/test-api';
import { base64, exampleSurveyCsv, exampleSurveyMapping } from './survey.examples';

const ws = 'w1' as WorkspaceId;
const path = '/api/workspaces/w1/journeys/j1';

describe('survey routes (issue 13 item 3)', () => {
  let t: TestApi;
  let editor: Client;
  let viewer: Client;
  beforeAll(async () => {
    // Given: Ed edits and Vi views w1, which holds journey j1 (steps s1, s2, s3).
    t = await createTestApi();
    await t.addUser('Ed', { ws, role: 'editor' });
    await t.addUser('Vi', { ws, role: 'viewer' });
    editor = await t.signIn('Ed');
    viewer = await t.signIn('Vi');
    await seedJourney(t, ws, 'j1', { at: new Date().toISOString() });
  });
  afterAll(() => t.close());

  it('previews an export: header, first rows and a guessed mapping; nothing stored', async () => {
    const res = await editor.request('POST', `${path}/surveys/preview`, { file: base64(exampleSurveyCsv) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      header: string[];
      rows: string[][];
      mapping: { respondent?: string };
    };
    expect(body.header[2]).toBe('How satisfied were you?');
    expect(body.rows).toHaveLength(3);
    expect(body.mapping.respondent).toBe('ID');
    const list = (await (await viewer.request('GET', `${path}/surveys`)).json()) as { surveys: unknown[] };
    expect(list.surveys).toEqual([]);
  });

  it('imports, scores per step, and shows viewers only consented, redacted quotes', async () => {
    const res = await editor.request('POST', `${path}/surveys`, {
      name: 'Reporting, March',
      fileName: 'responses.csv',
      file: base64(exampleSurveyCsv),
      mapping: exampleSurveyMapping,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const survey = (await res.json()) as {
      id: string;
      responses: number;
      questions: { counts: number[]; scores?: { summary: { mean: number }; csat: { successes: number } } }[];
    };
    expect(survey.responses).toBe(3);
    expect(survey.questions[0]!.counts).toEqual([0, 1, 0, 1, 1]);
    expect(survey.questions[0]!.scores!.summary.mean).toBeCloseTo(11 / 3, 12);
    expect(survey.questions[0]!.scores!.csat.successes).toBe(2);

    const evidence = (await (await viewer.request('GET', `${path}/survey-evidence`)).json()) as {
      steps: {
        stepId: string;
        emotion: { n: number; mean: number };
        quotes: { text: string; respondent: string; consent: boolean }[];
      }[];
    };
    const s1 = evidence.steps.find((s) => s.stepId === 's1')!;
    expect(s1.emotion.n).toBe(3);
    expect(s1.emotion.mean).toBeCloseTo(((11 / 3 - 1) / 4) * 200 - 100, 9);
    expect(s1.quotes.map((q) => q.text)).toEqual(['Quick and kind', 'Slow, ring me on [phone number]']);
    expect(s1.quotes[0]!.respondent).toMatch(/^p_[0-9a-f]{16}$/);
    // each says it is consented, for whoever makes a quote card of it (issue 13 item 3)
    expect(s1.quotes.map((q) => q.consent)).toEqual([true, true]);

    const viewerQuotes = (await (
      await viewer.request('GET', `${path}/surveys/${survey.id}/quotes`)
    ).json()) as { quotes: unknown[] };
    expect(viewerQuotes.quotes).toHaveLength(2);
    const editorQuotes = (await (
      await editor.request('GET', `${path}/surveys/${survey.id}/quotes`)
    ).json()) as { quotes: { consent: boolean }[] };
    expect(editorQuotes.quotes.map((q) => q.consent)).toEqual([true, false, true]);
  });

  it('refuses a file with bad answers with every problem by row and column, and stores nothing', async () => {
    const before = ((await (await viewer.request('GET', `${path}/surveys`)).json()) as { surveys: unknown[] })
      .surveys.length;
    const bad =
      'ID,Completion time,How satisfied were you?,Tell us more,May we quote you?\n1,02/03/2026,7,,\n2,31/02/2026,ok,,\n3,03/03/2026,4\n';
    const res = await editor.request('POST', `${path}/surveys`, {
      name: 'Bad',
      file: base64(bad),
      mapping: exampleSurveyMapping,
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as {
      error: { code: string };
      problems: { code: string; row: number; column?: number; values?: Record<string, number> }[];
    };
    expect(body.error.code).toBe('survey_invalid');
    expect(body.problems.map((p) => [p.code, p.row, p.column])).toEqual([
      ['out_of_range', 2, 3],
      ['not_a_date', 3, 2],
      ['not_a_number', 3, 3],
      ['wrong_field_count', 4, undefined],
    ]);
    expect(body.problems[0]!.values).toEqual({ min: 1, max: 5 });
    const after = ((await (await viewer.request('GET', `${path}/surveys`)).json()) as { surveys: unknown[] })
      .surveys.length;
    expect(after).toBe(before);
  });

  it('refuses an empty file and a step the journey lacks', async () => {
    const empty = await editor.request('POST', `${path}/surveys/preview`, { file: base64(' ') });
    expect(empty.status).toBe(422);
    const emptyBody = (await empty.json()) as { error: { code: string }; problems: unknown[] };
    expect(emptyBody.error.code).toBe('survey_unreadable');
    expect(emptyBody.problems).toMatchObject([{ code: 'empty_file', row: 1, values: { where: 'file' } }]);
    // the page says the row and column from the code and values, not from the English message
    const latin1 = await editor.request('POST', `${path}/surveys/preview`, {
      file: Buffer.from('ID,Comment\n1,Caf\xe9\n', 'latin1').toString('base64'),
    });
    expect(latin1.status).toBe(422);
    expect(((await latin1.json()) as { problems: unknown[] }).problems).toMatchObject([
      { code: 'not_utf8', row: 2, column: 2, values: { column: 2 } },
    ]);
    const wrong = await editor.request('POST', `${path}/surveys`, {
      name: 'x',
      file: base64(exampleSurveyCsv),
      mapping: {
        questions: [{ column: 'How satisfied were you?', kind: 'rating', scale: '1-5', stepId: 'nope' }],
      },
    });
    expect(wrong.status).toBe(400);
  });

  it('sets survey emotion beside the attached log’s avoidable contact, and says when they disagree', async () => {
    // Given: a log where 12 of 16 contacts at step s2 are progress chasing, and 30 happy answers about s2
    const rows = ['case,activity,timestamp,channel'];
    for (let k = 0; k < 8; k++) {
      rows.push(`c${k},Chase progress,2026-01-0${1 + (k % 8)}T09:00:00Z,Phone`);
      rows.push(
        `c${k},${k < 4 ? 'Ask about' : 'Chase progress'} repair,2026-01-0${1 + (k % 8)}T10:00:00Z,Phone`,
      );
    }
    const { store } = await importCsv(
      (async function* () {
        yield new TextEncoder().encode(rows.join('\n') + '\n');
      })(),
    );
    const made = await t.stores.datasets.createDataset({
      workspaceId: ws,
      id: 'log1',
      name: 'Repairs log',
      fileName: 'repairs.csv',
      format: 'csv',
      sizeBytes: 1000,
      mapping: {},
      options: {},
      cases: 8,
      events: 16,
      rejectedRows: 0,
      rejections: [],
      result: {},
      eventsBlob: encodeEvents(store, (s) => `p_${s}`),
      by: null,
      at: new Date().toISOString(),
    });
    expect(made.ok).toBe(true);
    await t.stores.datasets.setAttachment(ws, 'log1', {
      journeyId: 'j1' as JourneyId,
      attachment: {
        steps: { 'Chase progress': 's2', 'Ask about repair': 's2', 'Chase progress repair': 's2' },
      },
      by: null,
      at: new Date().toISOString(),
    });
    let csv = 'ID,Happy\n';
    for (let i = 0; i < 30; i++) csv += `${i},${i % 3 === 0 ? 4 : 5}\n`;
    const res = await editor.request('POST', `${path}/surveys`, {
      name: 'Repairs',
      file: base64(csv),
      mapping: {
        respondent: 'ID',
        questions: [{ column: 'Happy', kind: 'rating', scale: '1-5', stepId: 's2' }],
      },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const evidence = (await (await viewer.request('GET', `${path}/survey-evidence`)).json()) as {
      log: { name: string } | null;
      steps: { stepId: string; avoidable: { successes: number; trials: number }; agreement: string }[];
    };
    expect(evidence.log?.name).toBe('Repairs log');
    const s2 = evidence.steps.find((s) => s.stepId === 's2')!;
    expect([s2.avoidable.successes, s2.avoidable.trials]).toEqual([12, 16]);
    expect(s2.agreement).toBe('survey-good-contact-poor');
  });
});
