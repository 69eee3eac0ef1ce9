import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CardOf } from '@waymark/core';
import { readJourneyText } from '@waymark/document';
import { loadOutputFormats } from './output-formats';
import { runCli, withTempDir } from './run-cli.fixture';

const repo = resolve(import.meta.dirname, '..', '..', '..');
const examples = readdirSync(join(repo, 'examples'))
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .map((f) => join('examples', f));
const asbCurrent = join('examples', 'melton-asb-victim-current.yaml');

/** The text a person sees in an SVG: tags dropped, entities decoded, white space collapsed. */
const visibleText = (svg: string) =>
  svg
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('the example journeys through the CLI', () => {
  it('given examples/*, when validated, then every journey is valid (other files skipped)', async () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
    const r = await runCli(
      ['validate', ...readdirSync(join(repo, 'examples')).map((f) => join('examples', f))],
      repo,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const file of examples) expect(r.stdout).toContain(`✓ ${file}\n`);
  });

  it('given the ASB current journey, when rendered to SVG, then its 7 steps, their quotes and the emotion curve show', async () => {
    expect((await loadOutputFormats()).map((f) => f.id)).toContain('svg');
    const journey = readJourneyText(await readFile(join(repo, asbCurrent), 'utf8'), { fileName: asbCurrent });
    if (!journey.ok) throw new Error('the ASB example does not read');
    const steps = journey.value.cards.filter((c): c is CardOf<'step'> => c.kind === 'step');
    const quotes = journey.value.cards.filter((c): c is CardOf<'feeling'> => c.kind === 'feeling' && c.quote);
    expect(steps).toHaveLength(7);
    await withTempDir(async (dir) => {
      const out = join(dir, 'asb.svg');
      const r = await runCli(['render', asbCurrent, '--format', 'svg', '--out', out], repo);
      expect(r.code).toBe(0);
      const svg = await readFile(out, 'utf8');
      const text = visibleText(svg);
      for (const step of steps) expect(text).toContain(step.text);
      for (const quote of quotes) expect(text).toContain(quote.text);
      const scores = journey.value.cards
        .filter((c): c is CardOf<'emotion'> => c.kind === 'emotion')
        .map((c) => c.score);
      expect(scores).toHaveLength(7);
      const curve = svg.match(/<polyline\b[^>]*data-role="emotion-curve"[^>]*>/)?.[0] ?? '';
      expect(
        curve
          .match(/points="([^"]*)"/)?.[1]
          ?.trim()
          .split(/\s+/),
      ).toHaveLength(scores.length);
      expect(
        [...svg.matchAll(/data-role="emotion-point" data-score="(-?\d+)"/g)].map((m) => Number(m[1])),
      ).toEqual(scores);
    });
  });
});
