import type { Journey } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { renderCsv } from './csv';
import { renderMarkdown } from './markdown/render-markdown';
import { renderMermaid } from './mermaid';
import { findAll, parseXml } from './svg/xml-tree.test-support';
import { renderSvg } from './svg/render-svg';
import { buildJourney, stepsJourneyInput } from './test-fixtures';

/**
 * Issue 9 item 8: hostile titles, labels, names and card texts through every text export. Each output is
 * checked for live markup: parsed (SVG, with a real XML parser) or read line by line against its grammar.
 */
const hostile = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1)) ![i](javascript:alert(2))',
  '<https://evil.example> https://evil.example/x www.evil.example me@evil.example',
  '%%{init: {"securityLevel": "loose"}}%%',
  'a: b; c # d &lt; `code` {x}',
  'click A call alert() "x"',
  '=HYPERLINK("http://evil.example","x")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '# heading\n- item\n> quote\n| a | b |',
  '1. list',
];

function hostileJourney(): Journey {
  const input = stepsJourneyInput() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  input['meta'].title = hostile[0]! + hostile[3]!;
  input['meta'].segment = hostile[5];
  input['personas'][0].name = hostile[6];
  input['stages'][0].name = hostile[4];
  input['lanes'][0].label = hostile[1];
  input['columns'].forEach((c: { label: string }, i: number) => (c.label = hostile[i % hostile.length]!));
  const texts = (input['cards'] as { text?: string }[]).filter((c) => typeof c.text === 'string');
  texts.forEach((c, i) => (c.text = hostile[(i + 3) % hostile.length]!));
  return buildJourney(input);
}

describe('hostile text through every export', () => {
  const journey = hostileJourney();

  it('Mermaid: every line is one statement of the journey grammar, with no markup, directive, entity or callback', () => {
    const out = renderMermaid(journey);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('journey');
    for (const line of lines.slice(1)) {
      expect(line).toMatch(
        /^( {2}title [^:;#%<>&"`{}\n]+| {2}section [^:;#%<>&"`{}\n]+| {4}%% no score recorded for this step| {4}[^:;#%<>&"`{}\n]+: [1-5]: [^:;#%<>&"`{},\n]+)$/,
      );
      expect(line).not.toMatch(/^\s*(click|call|callback|href|style|classDef|class|linkStyle)\b/i);
    }
    expect(out).toContain('＜script＞alert(1)＜/script＞');
  });

  it('Markdown: no HTML, link, image, autolink or line-start markup can come from user text', () => {
    const out = renderMarkdown(journey);
    expect(out).not.toMatch(/(?<!\\)</); // every < is escaped: no HTML, no <autolink>
    expect(out).not.toMatch(/(?<!\\)\[/); // no [link] or ![image]
    expect(out).not.toMatch(/(?<!\\):\/\//); // no bare scheme://
    expect(out).not.toMatch(/www\./i); // no www. autolink
    expect(out).not.toMatch(/(?<!\\)@/); // no e-mail autolink
    expect(out).not.toMatch(/&(?!amp;)/); // no entity
    expect(out).not.toMatch(/(?<!\\)`/); // no code span
    expect(out).toContain('\\<script\\>alert(1)\\</script\\>');
    // user text never starts a line: every line begins with the report's own markup or is blank
    for (const line of out.split('\n')) expect(line).toMatch(/^(|# |## |### \d+\. |\| |- |\*\*[^*]|\*\*$|★)/);
  });

  it('CSV: no cell a spreadsheet would run as a formula (OWASP: = + - @ tab CR at the start)', () => {
    const cells = parseCsv(renderCsv(journey));
    const text = cells.flat().filter((c) => !/^-?\d+(\.\d+)?$/.test(c));
    for (const cell of text) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells.flat()).toContain('\'=HYPERLINK("http://evil.example","x")');
    expect(cells.flat()).toContain("'=1+1"); // the tab was trimmed on the way in; the formula is still guarded
  });

  it('SVG: well-formed, no script, foreign HTML, event handler or javascript: link; the text is shown as text', () => {
    const svg = parseXml(renderSvg(journey));
    const elements = findAll(svg, () => true);
    expect(
      elements.filter((e) => /^(script|foreignObject|iframe|object|embed|img|a)$/i.test(e.name)),
    ).toEqual([]);
    for (const e of elements) {
      for (const [name, value] of Object.entries(e.attributes)) {
        expect(name).not.toMatch(/^on/i);
        expect(value).not.toMatch(/javascript:/i);
      }
    }
    expect(svg.text).toContain('<script>alert(1)</script>');
  });
});

/** RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}
