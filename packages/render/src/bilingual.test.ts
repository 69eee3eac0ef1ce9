import { applyCommands, type Journey, type JourneyCommand } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { renderCsv } from './csv';
import { renderMarkdown } from './markdown/render-markdown';
import { renderMermaid } from './mermaid';
import { renderSvg } from './svg/render-svg';
import { findAll, parseXml, texts, type XmlNode } from './svg/xml-tree.test-support';
import { buildJourney, stepsJourneyInput } from './test-fixtures';

/** The Melton journey made bilingual: Welsh title, a Welsh step, quote, lane, column and stage; the rest English only. */
function bilingualJourney(): Journey {
  const cy = (target: unknown, field: string, value: string): JourneyCommand =>
    ({ type: 'translation.set', target, language: 'cy', field, value }) as JourneyCommand;
  const r = applyCommands(buildJourney(stepsJourneyInput()), [
    { type: 'meta.update', patch: { languages: ['en', 'cy'] } },
    cy({ kind: 'meta' }, 'title', 'Dioddefwyr ymddygiad gwrthgymdeithasol'),
    cy({ kind: 'card', id: 's-c1' }, 'text', 'Digwyddiad yn digwydd'),
    cy({ kind: 'card', id: 'q1' }, 'text', 'Dim eto. Rwyf wedi cael digon'),
    cy({ kind: 'lane', id: 'steps' }, 'label', 'Camau allweddol y daith'),
    cy({ kind: 'column', id: 'c1' }, 'label', 'Digwyddiad'),
    cy({ kind: 'stage', id: 'report' }, 'name', 'Rhoi gwybod'),
  ]);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.journey;
}

const textNodes = (root: XmlNode) => findAll(root, (n) => n.name === 'text');
const joined = (n: XmlNode) => (n.children.length > 0 ? n.children.map((c) => c.text).join(' ') : n.text);
const langOfText = (root: XmlNode, words: string) =>
  textNodes(root)
    .filter((n) => joined(n).includes(words))
    .map((n) => n.attributes['xml:lang'] ?? '(page)');

describe('a bilingual poster (decision 0023)', () => {
  const journey = bilingualJourney();

  it('given English words and both languages, then both texts are drawn and only the Welsh is marked Welsh', () => {
    const root = parseXml(renderSvg(journey, { locale: 'en', contentLanguages: ['en', 'cy'] }));
    expect(root.attributes['xml:lang']).toBe('en-GB');
    expect(langOfText(root, 'Digwyddiad yn digwydd')).toEqual(['cy-GB']);
    expect(langOfText(root, 'Incident occurs')).toContain('(page)');
    expect(langOfText(root, '“Dim eto. Rwyf wedi cael digon”')).toEqual(['cy-GB']);
    expect(langOfText(root, '“Not again.')).toEqual(['(page)']);
    expect(langOfText(root, 'Camau allweddol y daith')).toEqual(['cy-GB']);
    expect(langOfText(root, 'Rhoi gwybod')).toEqual(['cy-GB']);
    const welsh = textNodes(root).find((n) => joined(n).includes('Digwyddiad yn digwydd'))!;
    expect(welsh.attributes['lang']).toBe('cy-GB');
    expect(texts(root)).toContain('Key');
  });

  it('given Welsh words and Welsh content only, then the key and headings are Welsh and English shows only where there is no Welsh', () => {
    const svg = renderSvg(journey, { locale: 'cy', contentLanguages: ['cy'] });
    const root = parseXml(svg);
    expect(root.attributes['xml:lang']).toBe('cy-GB');
    const all = texts(root).join(' ');
    expect(texts(root)).toContain('Allwedd');
    expect(all).toContain('Cyfnod');
    expect(all).toContain('Ffôn · I mewn');
    expect(all).toContain('Perchennog: Leicestershire Police');
    // Welsh content is the page's language now: not marked. English fallbacks are.
    expect(langOfText(root, 'Digwyddiad yn digwydd')).toEqual(['(page)']);
    expect(all).not.toContain('“Not again.');
    expect(langOfText(root, 'Reports incident')).toContain('en-GB');
    expect(findAll(root, (n) => n.name === 'title')[0]!.text).toBe(
      'Map taith: Dioddefwyr ymddygiad gwrthgymdeithasol',
    );
  });

  it('given no choice, then a bilingual journey shows both languages', () => {
    const all = texts(parseXml(renderSvg(journey))).join(' ');
    expect(all).toContain('Digwyddiad yn digwydd');
    expect(all).toContain('Incident occurs');
  });

  it('given a journey in one language, then nothing is marked and nothing is doubled', () => {
    const root = parseXml(renderSvg(buildJourney(stepsJourneyInput())));
    expect(textNodes(root).filter((n) => n.attributes['xml:lang'] !== undefined)).toEqual([]);
  });

  it('given the Markdown, then titles and texts carry both languages and the words follow the locale', () => {
    const md = renderMarkdown(journey, { locale: 'cy' });
    expect(md).toContain('# Victims of anti-social behaviour: “My life is far from quiet” / Dioddefwyr');
    expect(md).toContain('### 1. Incident occurs / Digwyddiad');
    expect(md).toContain('- **Incident occurs / Digwyddiad yn digwydd**');
    expect(md).toContain('| Ieithoedd | Saesneg a(c) Cymraeg |');
    expect(md).toContain('## Camau');
    const welshOnly = renderMarkdown(journey, { contentLanguages: ['cy'] });
    expect(welshOnly).toContain('- **Digwyddiad yn digwydd**');
    expect(welshOnly).not.toContain('Incident occurs /');
  });

  it('given the CSV, then a bilingual journey has Welsh columns beside the English', () => {
    const [header, ...rows] = renderCsv(journey)
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(','));
    expect(header!.slice(-3)).toEqual(['columnLabel (cy)', 'laneLabel (cy)', 'text (cy)']);
    const step = rows.find((r) => r[1] === 'c1' && r[4] === 'steps')!;
    expect(step.slice(-3)).toEqual(['Digwyddiad', 'Camau allweddol y daith', 'Digwyddiad yn digwydd']);
    const untranslated = rows.find((r) => r[1] === 'c2' && r[4] === 'steps')!;
    expect(untranslated.slice(-1)).toEqual(['']);
    expect(renderCsv(buildJourney(stepsJourneyInput()))).not.toContain('(cy)');
  });

  it('given Mermaid, then the title and tasks carry both languages', () => {
    const mmd = renderMermaid(journey);
    expect(mmd).toContain('title Victims of anti-social behaviour∶');
    expect(mmd).toContain('/ Dioddefwyr ymddygiad gwrthgymdeithasol');
    expect(mmd).toContain('Incident occurs / Digwyddiad');
  });
});
