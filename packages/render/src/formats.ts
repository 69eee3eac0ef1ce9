import { err, ok, problem, type Journey, type Problem, type Result } from '@waymark/core';
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
  readonly label: string;
  readonly mediaType: string;
  readonly extension: string;
  readonly render: (journey: Journey) => string;
}

export const renderFormats: { readonly [K in RenderFormatId]: RenderFormat & { readonly id: K } } = {
  svg: {
    id: 'svg',
    label: 'SVG drawing (A3 landscape)',
    mediaType: 'image/svg+xml',
    extension: 'svg',
    render: (j) => renderSvg(j),
  },
  mermaid: {
    id: 'mermaid',
    label: 'Mermaid journey diagram',
    mediaType: 'text/vnd.mermaid; charset=utf-8',
    extension: 'mmd',
    render: renderMermaid,
  },
  md: {
    id: 'md',
    label: 'Markdown report',
    mediaType: 'text/markdown; charset=utf-8',
    extension: 'md',
    render: renderMarkdown,
  },
  csv: {
    id: 'csv',
    label: 'CSV, one row per card',
    mediaType: 'text/csv; charset=utf-8; header=present',
    extension: 'csv',
    render: renderCsv,
  },
  json: {
    id: 'json',
    label: 'Journey JSON',
    mediaType: 'application/json',
    extension: 'json',
    render: renderJson,
  },
};

/** The format called `id`, or an `unknown_format` problem listing the ones there are. */
export function findRenderFormat(id: string): Result<RenderFormat, Problem> {
  const known = (renderFormatIds as readonly string[]).includes(id);
  return known
    ? ok(renderFormats[id as RenderFormatId])
    : err(
        problem(
          'unknown_format',
          ['format'],
          `unknown format "${id}"; expected one of ${renderFormatIds.join(', ')}`,
        ),
      );
}
