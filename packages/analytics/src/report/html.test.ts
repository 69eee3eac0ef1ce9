import { describe, expect, it } from 'vitest';
import { analyseLog } from '../analyse';
import { importCsv } from '../ingest/csv-import';
import { chunksOf, utf8 } from '../testing/fixtures';
import { reportWords } from '../testing/report-words';
import { renderHtmlReport } from './html';
import { toJsonReport } from './json';
import { renderMarkdownReport } from './markdown';

const en = reportWords();

async function report() {
  const csv =
    'case,activity,timestamp,team\nA,<script>alert(1)</script>,2024-01-01T09:00:00Z,Contact | centre\nA,"Close & ""done""",2024-01-03T09:00:00Z,Waste\n';
  const { store, report: r } = await importCsv(chunksOf(utf8(csv)));
  return toJsonReport(analyseLog(store), r);
}

describe('reports', () => {
  it('given activity names with markup, when rendered as HTML, then they are escaped and nothing is loaded from outside', async () => {
    const html = renderHtmlReport(await report(), 'log <1>.csv', en);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Close &amp; &quot;done&quot;');
    expect(html).toContain('<title>Event log analysis: log &lt;1&gt;.csv</title>');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('given a pipe in a value, when rendered as Markdown, then the table cell escapes it', async () => {
    const md = renderMarkdownReport(await report(), 'log.csv', en);
    expect(md).toContain('| Contact \\| centre | Waste | 1 |');
  });

  it('given markup in activity names, when rendered as Markdown, then it is escaped, not live HTML', async () => {
    const md = renderMarkdownReport(await report(), 'log <1>.csv', en);
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(md).toContain('# Event log analysis: log \\<1\\>.csv');
    expect(md).not.toMatch(/(?<!\\)</);
  });
});
