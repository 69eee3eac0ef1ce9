import { writeJourneyJson, writeJourneyYaml, readJourneyText } from '@waymark/document';
import type { Journey } from '@waymark/core';
import { renderFormats } from '@waymark/render';
import { z } from 'zod';
import { fail } from '../api-error';
import type { Exporter } from '../deps';
import { invalidJourney } from '../journeys/journey-input';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../request-body';
import { route } from '../route-spec';
import { createJourneyIn } from './journey-routes';
import { renderOptionsFrom, renderOptionsQuery } from './render-options';
import { posterHierarchyOf } from '../hierarchy/poster-hierarchy';
import { surveyBandsOf } from '../surveys/survey-bands';
import { audit, journeyOr404, workspaceOf } from './route-helpers';

/** The journey file formats of @waymark/document and the drawings and reports of @waymark/render. */
const builtInExporters: Readonly<Record<string, Exporter>> = {
  svg: renderFormats.svg,
  mermaid: renderFormats.mermaid,
  md: renderFormats.md,
  csv: renderFormats.csv,
  json: { mediaType: 'application/json', extension: 'json', render: (j: Journey) => writeJourneyJson(j) },
  yaml: { mediaType: 'application/yaml', extension: 'yaml', render: (j: Journey) => writeJourneyYaml(j) },
};

const importFormat = (contentType: string, format: string | undefined): 'json' | 'yaml' | undefined => {
  if (format === 'json' || format === 'yaml') return format;
  if (/^application\/json\b/i.test(contentType)) return 'json';
  if (/^(application|text)\/(x-)?yaml\b/i.test(contentType)) return 'yaml';
  return undefined;
};

export const fileRoutes = () => [
  route({
    method: 'get',
    path: '/api/workspaces/{ws}/journeys/{id}/export',
    tag: 'Files',
    summary: 'Download the journey as a file: format=json|yaml|svg|mermaid|md|csv (default json)',
    access: 'viewer',
    query: z.strictObject({ format: z.string().max(20).optional(), ...renderOptionsQuery }),
    success: {
      description: 'the file, with Content-Disposition: attachment',
      mediaType: 'application/octet-stream',
    },
    errors: ['journey_not_found', 'unsupported_format'],
    async handle(input) {
      const exporters = { ...builtInExporters, ...input.deps.exporters };
      const format = input.query['format'] ?? 'json';
      const exporter = exporters[format];
      if (!exporter) {
        throw fail(
          'unsupported_format',
          `format: unknown export format "${format}"; expected one of ${Object.keys(exporters).join(', ')}`,
          'format',
        );
      }
      const j = await journeyOr404(input);
      await audit(input, 'journey.export', j.id, { format, version: j.version });
      const options = {
        ...renderOptionsFrom(input.query, input.c.req.header('accept-language')),
        // The SVG poster names the journey each step opens and outlines the tree (issue 14).
        // ...and shades each surveyed step's emotion interval (issue 13 item 3).
        ...(format === 'svg'
          ? {
              hierarchy: await posterHierarchyOf(input, j.id),
              surveyBands: await surveyBandsOf(input.deps, workspaceOf(input), j.id),
            }
          : {}),
      };
      return input.c.body(exporter.render(j.journey, options), 200, {
        'Content-Type': /charset=/.test(exporter.mediaType)
          ? exporter.mediaType
          : `${exporter.mediaType}; charset=utf-8`,
        'Content-Disposition': `attachment; filename="${j.id}.${exporter.extension}"`,
      });
    },
  }),
  route({
    method: 'post',
    path: '/api/workspaces/{ws}/import',
    tag: 'Import',
    summary:
      'Import a journey file (the body is the file: Content-Type application/json or application/yaml, or ?format=)',
    access: 'editor',
    body: 'text',
    query: z.strictObject({
      format: z.enum(['json', 'yaml']).optional(),
      replace: z.enum(['true', 'false']).optional(),
    }),
    success: { status: 201, description: '{id, version}' },
    errors: ['invalid_journey', 'journey_exists', 'payload_too_large'],
    async handle(input) {
      const format = importFormat(input.c.req.header('content-type') ?? '', input.query['format']);
      if (!format) {
        throw fail(
          'unsupported_media_type',
          'send the file with Content-Type application/json or application/yaml, or add ?format=json|yaml',
        );
      }
      // Deep nesting takes the parsers seconds or the whole process down: refused before parsing.
      if (nestsDeeperThan(input.body as string, MAX_JSON_DEPTH, false)) {
        throw fail(
          'invalid_journey',
          `the file nests lists or maps ([ or {) more than ${MAX_JSON_DEPTH} levels deep; a journey file is never that deep, so check the file`,
          'file',
        );
      }
      const read = readJourneyText(input.body as string, { format, maxBytes: input.limits.importBytes });
      if (!read.ok) invalidJourney(read.error, 'file');
      const stored = await createJourneyIn(input, read.value, 'import', { detail: { format } });
      await audit(input, 'journey.import', stored.id, { format });
      return input.c.json({ id: stored.id, version: stored.version }, 201);
    },
  }),
];
