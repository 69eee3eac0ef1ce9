import { readFileSync } from 'node:fs';
import { sampleJourney } from '@waymark/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../testing/test-api';

// Read as a file, not imported: a package never imports another workspace's files (the architecture rules).
const checks = JSON.parse(
  readFileSync(new URL('../../../../apps/web/src/legal/accessibility-checks.json', import.meta.url), 'utf8'),
) as { knownIssues: { id: string; checkedBy: string | null }[] };

/**
 * The accessibility statement's known issue "untaggedPdf" (apps/web/src/legal/accessibility-checks.json) is a fact
 * of the PDFs Waymark makes: a tagged PDF has a structure tree (/StructTreeRoot, ISO 32000 §14.7), and the poster
 * PDF has none. When the PDFs become tagged this fails, and the issue must leave the statement.
 */
describe('the statement’s known issue: PDF downloads are not tagged', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await createTestApi();
    await t.addUser('Ed', { ws: 'w1', role: 'editor' });
    const ed = await t.signIn('Ed');
    const made = await ed.request('POST', '/api/workspaces/w1/journeys', { journey: sampleJourney('j1') });
    expect(made.status).toBe(201);
  });
  afterAll(() => t.close());

  it('is listed in the checks file, naming this test', () => {
    const issue = checks.knownIssues.find((i) => i.id === 'untaggedPdf');
    expect(issue?.checkedBy).toBe('packages/api/src/legal/untagged-pdf.test.ts');
  });

  it('given a map, when its poster is downloaded as PDF, then the PDF has no structure tree (untagged)', async () => {
    const ed = await t.signIn('Ed');
    const res = await ed.request('GET', '/api/workspaces/w1/journeys/j1/poster?format=pdf');
    expect(res.status, await res.clone().text()).toBe(200);
    const pdf = Buffer.from(await res.arrayBuffer()).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).not.toMatch(/\/StructTreeRoot/);
  }, 60_000);
});
