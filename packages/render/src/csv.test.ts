import { describe, expect, it } from 'vitest';
import { csvCell, csvHeader, renderCsv } from './csv';
import { buildJourney, stepsJourney, stepsJourneyInput } from './test-fixtures';

/** A small RFC 4180 reader, enough to check the writer. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && ch === '"') quoted = false;
    else if (quoted) cell += ch;
    else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('renderCsv', () => {
  const journey = stepsJourney();
  const out = renderCsv(journey);
  const rows = readCsv(out);
  const col = (name: (typeof csvHeader)[number]) => csvHeader.indexOf(name);

  it('given the steps journey, then there is a header and one row per card, every line ending CRLF', () => {
    expect(rows[0]).toEqual([...csvHeader]);
    expect(rows).toHaveLength(journey.cards.length + 1);
    expect(out.split('\r\n')).toHaveLength(journey.cards.length + 2);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/\r|\n/);
    for (const r of rows) expect(r).toHaveLength(csvHeader.length);
  });

  it('then scores stay numbers (negative ones too) and fields carry names, not only ids', () => {
    const emotion = rows.find((r) => r[0] === 'asb-victim' && r[col('kind')] === 'emotion')!;
    expect(emotion[col('score')]).toBe('-60');
    expect(emotion[col('estimate')]).toBe('true');
    expect(emotion[col('personaId')]).toBe('victim');
    const baton = rows.find((r) => r[col('kind')] === 'baton-change')!;
    expect([baton[col('from')], baton[col('to')]]).toEqual([
      'Leicestershire Police',
      'Melton Borough Council',
    ]);
    const lever = rows.find((r) => r[col('kind')] === 'lever')!;
    expect(lever[col('category')]).toBe('Contact');
    expect(lever[col('stage')]).toBe('Report');
    const quote = rows.find((r) => r[col('summary')] === "I feel guilty. I can't cope")!;
    expect(quote[col('source')]).toBe('Victims workshop, March 2009');
    expect(rows.find((r) => r[col('metric')] === 'unit-cost')![col('value')]).toBe('2.83');
  });

  it('given text starting with = + - @, then it is prefixed with a quote so spreadsheets do not run it', () => {
    const input = stepsJourneyInput() as { cards: Array<{ text?: string; note?: string }> };
    input.cards[0]!.text = '=HYPERLINK("http://evil","click")';
    input.cards[1]!.text = '+1+2';
    input.cards[2]!.note = '@SUM(A1)';
    input.cards[3]!.text = '-2+3, "quoted"';
    const hostile = readCsv(renderCsv(buildJourney(input)));
    expect(hostile[1]![col('summary')]).toBe(`'=HYPERLINK("http://evil","click")`);
    expect(hostile[2]![col('summary')]).toBe(`'+1+2`);
    expect(hostile[3]![col('note')]).toBe(`'@SUM(A1)`);
    expect(hostile[4]![col('summary')]).toBe(`'-2+3, "quoted"`);
  });

  it('csvCell quotes commas, quotes and line breaks, and leaves numbers alone', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(-80)).toBe('-80');
    expect(csvCell(undefined)).toBe('');
  });
});
