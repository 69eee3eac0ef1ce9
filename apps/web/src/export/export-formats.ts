import type { ContentLanguage, Journey } from '@waymark/core';
import { t, type MessageId } from '../i18n';

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
    get label() {
      return t('export.web.png.label' as MessageId);
    },
    get hint() {
      return t('export.web.png.hint' as MessageId);
    },
    extension: 'png',
    source: 'poster',
  },
  {
    id: 'pdf',
    get label() {
      return t('export.web.pdf.label' as MessageId);
    },
    get hint() {
      return t('export.web.pdf.hint' as MessageId);
    },
    extension: 'pdf',
    source: 'poster',
  },
  {
    id: 'svg',
    get label() {
      return t('export.web.svg.label' as MessageId);
    },
    get hint() {
      return t('export.web.svg.hint' as MessageId);
    },
    extension: 'svg',
    source: 'file',
  },
  {
    id: 'csv',
    get label() {
      return t('export.web.csv.label' as MessageId);
    },
    get hint() {
      return t('export.web.csv.hint' as MessageId);
    },
    extension: 'csv',
    source: 'file',
  },
  {
    id: 'json',
    get label() {
      return t('export.web.json.label' as MessageId);
    },
    get hint() {
      return t('export.web.json.hint' as MessageId);
    },
    extension: 'json',
    source: 'file',
  },
  {
    id: 'mermaid',
    get label() {
      return t('export.web.mermaid.label' as MessageId);
    },
    get hint() {
      return t('export.web.mermaid.hint' as MessageId);
    },
    extension: 'mmd',
    source: 'file',
  },
  {
    id: 'md',
    get label() {
      return t('export.web.md.label' as MessageId);
    },
    get hint() {
      return t('export.web.md.hint' as MessageId);
    },
    extension: 'md',
    source: 'file',
  },
  {
    id: 'yaml',
    get label() {
      return t('export.web.yaml.label' as MessageId);
    },
    get hint() {
      return t('export.web.yaml.hint' as MessageId);
    },
    extension: 'yaml',
    source: 'file',
  },
];

const enc = encodeURIComponent;

/** How a PDF is laid on A3 sheets (see the print view): automatic, fitted on one, or split over several. */
export type SheetChoice = 'auto' | 'fit' | 'tile';

/** The API address a format is downloaded from; a PDF follows the sheet choice when one is given. */
export function exportUrl(
  ws: string,
  journeyId: string,
  format: ExportFormat,
  sheets?: SheetChoice,
  words?: ExportWords,
): string {
  const base = `/api/workspaces/${enc(ws)}/journeys/${enc(journeyId)}`;
  const lang = words
    ? `&locale=${enc(words.locale)}${words.languages ? `&languages=${enc(words.languages.join(','))}` : ''}`
    : '';
  if (format.source === 'file') return `${base}/export?format=${enc(format.id)}${lang}`;
  const layout = format.id === 'pdf' && sheets !== undefined && sheets !== 'auto' ? `&sheets=${sheets}` : '';
  return `${base}/poster?format=${enc(format.id)}${layout}${lang}`;
}

/**
 * The language of the export's own words (the person's) and, for a bilingual map, which content languages it
 * shows (the map's view: one language or both, decision 0023).
 */
export interface ExportWords {
  readonly locale: 'en' | 'cy';
  readonly languages?: readonly ContentLanguage[] | undefined;
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
