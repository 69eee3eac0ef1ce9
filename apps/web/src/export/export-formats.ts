import type { Journey } from '@waymark/core';

/** Where a format's file comes from: the journey export route (text formats) or the poster route (Chromium). */
export type ExportSource = 'file' | 'poster';

export interface ExportFormat {
  /** The `format` query value the API expects. */
  readonly id: 'png' | 'pdf' | 'svg' | 'csv' | 'json' | 'mermaid' | 'md' | 'yaml';
  readonly label: string;
  readonly hint: string;
  readonly extension: string;
  readonly source: ExportSource;
}

/** The formats of the Export menu, in the order a facilitator most often wants them. */
export const exportFormats: readonly ExportFormat[] = [
  {
    id: 'png',
    label: 'PNG image',
    hint: 'The whole poster as a picture for slides and documents: A3 at 192 dots per inch (a very long map is drawn smaller)',
    extension: 'png',
    source: 'poster',
  },
  {
    id: 'pdf',
    label: 'PDF, A3 landscape',
    hint: 'The poster ready to print; a large map is split over several sheets',
    extension: 'pdf',
    source: 'poster',
  },
  {
    id: 'svg',
    label: 'SVG drawing',
    hint: 'The poster as a scalable drawing for design tools',
    extension: 'svg',
    source: 'file',
  },
  {
    id: 'csv',
    label: 'CSV spreadsheet',
    hint: 'One row per card, for Excel or LibreOffice',
    extension: 'csv',
    source: 'file',
  },
  {
    id: 'json',
    label: 'Journey JSON',
    hint: 'The whole journey, to import into Waymark again or another tool',
    extension: 'json',
    source: 'file',
  },
  {
    id: 'mermaid',
    label: 'Mermaid diagram',
    hint: 'A Mermaid journey diagram for wikis and Markdown documents',
    extension: 'mmd',
    source: 'file',
  },
  {
    id: 'md',
    label: 'Markdown report',
    hint: 'The steps, quotes and pain points as a readable document',
    extension: 'md',
    source: 'file',
  },
  {
    id: 'yaml',
    label: 'Journey YAML',
    hint: 'The whole journey as a YAML file (the waymark command line reads it)',
    extension: 'yaml',
    source: 'file',
  },
];

const enc = encodeURIComponent;

/** How a PDF is laid on A3 sheets (see the print view): automatic, fitted on one, or split over several. */
export type SheetChoice = 'auto' | 'fit' | 'tile';

/** The API address a format is downloaded from; a PDF follows the sheet choice when one is given. */
export function exportUrl(ws: string, journeyId: string, format: ExportFormat, sheets?: SheetChoice): string {
  const base = `/api/workspaces/${enc(ws)}/journeys/${enc(journeyId)}`;
  if (format.source === 'file') return `${base}/export?format=${enc(format.id)}`;
  const layout = format.id === 'pdf' && sheets !== undefined && sheets !== 'auto' ? `&sheets=${sheets}` : '';
  return `${base}/poster?format=${enc(format.id)}${layout}`;
}

/**
 * A file name a person recognises in their Downloads folder: the journey's title in lower case with hyphens
 * (accents dropped, nothing a file system objects to), the journey id when the title has no letters or digits.
 */
export function exportFileName(
  journey: Pick<Journey, 'id' | 'meta'>,
  format: Pick<ExportFormat, 'extension'>,
) {
  const slug = journey.meta.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  const stem = slug === '' ? String(journey.id) : slug;
  return `${stem}.${format.extension}`;
}
