import { err, ok, problem, type Journey, type Problem, type Result } from '@waymark/core';
import { createTranslator, type Locale, type MessageId } from '@waymark/i18n';
import type { RenderOptions } from './content';
import { renderCsv } from './csv';
import { renderJson } from './json';
import { renderMarkdown } from './markdown/render-markdown';
import { renderMermaid } from './mermaid';
import { renderSvg } from './svg/render-svg';

export const renderFormatIds = ['svg', 'mermaid', 'md', 'csv', 'json'] as const;
export type RenderFormatId = (typeof renderFormatIds)[number];

/** An export format: the CLI and the API look formats up here instead of switching on them. */
export interface RenderFormat {
  readonly id: RenderFormatId;
  /** The format's name in English; `labelIn` for another language. */
  readonly label: string;
  readonly labelId: MessageId;
  readonly mediaType: string;
  readonly extension: string;
  /** `options`: the language of the renderer's words and which content languages to show (decision 0023). */
  readonly render: (journey: Journey, options?: RenderOptions) => string;
}

export const renderFormats: { readonly [K in RenderFormatId]: RenderFormat & { readonly id: K } } = {
  svg: {
    id: 'svg',
    label: createTranslator('en').t('export.format.svg'),
    labelId: 'export.format.svg',
    mediaType: 'image/svg+xml',
    extension: 'svg',
    render: (j, o) => renderSvg(j, o),
  },
  mermaid: {
    id: 'mermaid',
    label: createTranslator('en').t('export.format.mermaid'),
    labelId: 'export.format.mermaid',
    mediaType: 'text/vnd.mermaid; charset=utf-8',
    extension: 'mmd',
    render: renderMermaid,
  },
  md: {
    id: 'md',
    label: createTranslator('en').t('export.format.md'),
    labelId: 'export.format.md',
    mediaType: 'text/markdown; charset=utf-8',
    extension: 'md',
    render: renderMarkdown,
  },
  csv: {
    id: 'csv',
    label: createTranslator('en').t('export.format.csv'),
    labelId: 'export.format.csv',
    mediaType: 'text/csv; charset=utf-8; header=present',
    extension: 'csv',
    render: renderCsv,
  },
  json: {
    id: 'json',
    label: createTranslator('en').t('export.format.json'),
    labelId: 'export.format.json',
    mediaType: 'application/json',
    extension: 'json',
    render: (j) => renderJson(j),
  },
};

/** A format's name in `locale`. */
export const formatLabelIn = (format: RenderFormat, locale: Locale): string =>
  createTranslator(locale).t(format.labelId);

/** The format called `id`, or an `unknown_format` problem listing the ones there are. */
export function findRenderFormat(id: string): Result<RenderFormat, Problem> {
  const known = (renderFormatIds as readonly string[]).includes(id);
  return known
    ? ok(renderFormats[id as RenderFormatId])
    : err(
        problem(
          'unknown_format',
          ['format'],
          createTranslator('en').t('export.unknownFormat', {
            format: id,
            formats: renderFormatIds.join(', '),
          }),
        ),
      );
}
