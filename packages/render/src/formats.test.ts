import { describe, expect, it } from 'vitest';
import { findRenderFormat, renderFormatIds, renderFormats } from './formats';
import { stepsJourney } from './test-fixtures';

describe('renderFormats', () => {
  it('given every format, then its entry names itself and renders non-empty text ending with a newline', () => {
    const journey = stepsJourney();
    for (const id of renderFormatIds) {
      const format = renderFormats[id];
      expect(format.id).toBe(id);
      const out = format.render(journey);
      expect(out.length).toBeGreaterThan(100);
      expect(out.endsWith('\n')).toBe(true);
    }
    expect(renderFormats.svg.render(journey).startsWith('<svg')).toBe(true);
    expect(renderFormats.csv.mediaType).toMatch(/^text\/csv/);
  });

  it('given a known id, then it is found; given an unknown one, then the problem lists the known ones', () => {
    const found = findRenderFormat('md');
    expect(found.ok && found.value.extension).toBe('md');
    const missing = findRenderFormat('pdf');
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.error.code).toBe('unknown_format');
      expect(missing.error.message).toBe('unknown format "pdf"; expected one of svg, mermaid, md, csv, json');
    }
  });
});
