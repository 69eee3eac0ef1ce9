import { sampleJourney } from '@waymark/store';
import { describe, expect, it } from 'vitest';
import { exportFileName, exportFormats, exportUrl } from './export-formats';

const titled = (title: string) => {
  const j = sampleJourney('j-1');
  return { ...j, meta: { ...j.meta, title } };
};
const format = (id: string) => {
  const f = exportFormats.find((x) => x.id === id);
  if (!f) throw new Error(`no format ${id}`);
  return f;
};

describe('export file names', () => {
  it('given a title with capitals, punctuation and accents, then lower-case words joined by hyphens', () => {
    expect(exportFileName(titled('Melton ASB: Victim’s journey (current) – Café & Co'), format('pdf'))).toBe(
      'melton-asb-victim-s-journey-current-cafe-and-co.pdf',
    );
  });

  it('given a title with no letters or digits, then the journey id names the file', () => {
    expect(exportFileName(titled('¿—?'), format('png'))).toBe('j-1.png');
  });

  it('given a very long title, then the stem stops at 80 characters without a trailing hyphen', () => {
    const name = exportFileName(titled(`${'word '.repeat(40)}end`), format('csv'));
    const stem = name.replace(/\.csv$/, '');
    expect(stem.length).toBeLessThanOrEqual(80);
    expect(stem).not.toMatch(/-$/);
    expect(stem.startsWith('word-word-')).toBe(true);
  });

  it('given each format, then its own extension (Mermaid as .mmd)', () => {
    const j = titled('Map');
    expect(exportFormats.map((f) => exportFileName(j, f))).toEqual(
      ['Map.png', 'Map.pdf', 'Map.svg', 'Map.csv', 'Map.json', 'Map.mmd', 'Map.md', 'Map.yaml'].map((n) =>
        n.toLowerCase(),
      ),
    );
  });
});

describe('export addresses', () => {
  it('given PNG and PDF, then the poster route (a PDF with the chosen sheets); the text formats, then the journey export route; ids encoded', () => {
    expect(exportUrl('demo ws', 'j/1', format('pdf'))).toBe(
      '/api/workspaces/demo%20ws/journeys/j%2F1/poster?format=pdf',
    );
    expect(exportUrl('demo', 'j1', format('pdf'), 'tile')).toBe(
      '/api/workspaces/demo/journeys/j1/poster?format=pdf&sheets=tile',
    );
    expect(exportUrl('demo', 'j1', format('pdf'), 'auto')).toBe(
      '/api/workspaces/demo/journeys/j1/poster?format=pdf',
    );
    expect(exportUrl('demo', 'j1', format('png'), 'fit')).toBe(
      '/api/workspaces/demo/journeys/j1/poster?format=png',
    );
    expect(exportUrl('demo', 'j1', format('mermaid'))).toBe(
      '/api/workspaces/demo/journeys/j1/export?format=mermaid',
    );
  });
});
