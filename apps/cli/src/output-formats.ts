import type { Journey } from '@waymark/core';
import { writeJourneyJson, writeJourneyYaml } from '@waymark/document';
import * as render from '@waymark/render';

/** The shape of an entry in @waymark/render's `renderFormats` registry. */
export interface OutputFormat {
  readonly id: string;
  readonly label: string;
  readonly mediaType: string;
  readonly extension: string;
  render(journey: Journey): string | Uint8Array;
}

/** The journey document itself: written by @waymark/document, read back by `validate`. */
const documentFormats: readonly OutputFormat[] = [
  {
    id: 'json',
    label: 'Journey document (JSON)',
    mediaType: 'application/json',
    extension: 'json',
    render: writeJourneyJson,
  },
  {
    id: 'yaml',
    label: 'Journey document (YAML)',
    mediaType: 'application/yaml',
    extension: 'yaml',
    render: writeJourneyYaml,
  },
];

const isFormat = (f: unknown): f is OutputFormat =>
  typeof (f as OutputFormat | null)?.id === 'string' && typeof (f as OutputFormat).render === 'function';

/**
 * Render's `renderFormats` registry (a list or a record) once it is exported; until then its `renderSvg` as
 * the one drawn format. Looked up by name so this compiles on both sides of that change.
 */
function drawnFormats(): readonly OutputFormat[] {
  const registry = (render as Record<string, unknown>).renderFormats;
  const listed = Array.isArray(registry)
    ? registry
    : registry && typeof registry === 'object'
      ? Object.values(registry)
      : [];
  if (listed.length > 0) return listed.filter(isFormat);
  return [
    {
      id: 'svg',
      label: 'Journey map (SVG)',
      mediaType: 'image/svg+xml',
      extension: 'svg',
      render: (j) => render.renderSvg(j),
    },
  ];
}

/** Render's formats, then the document formats it does not already offer. */
export async function loadOutputFormats(): Promise<readonly OutputFormat[]> {
  const drawn = drawnFormats();
  return [...drawn, ...documentFormats.filter((d) => !drawn.some((f) => f.id === d.id))];
}

/** Text a terminal can show: text/*, JSON, XML (SVG), YAML. Anything else (PDF, PNG) is refused there. */
export const isTextMediaType = (mediaType: string): boolean =>
  /^text\/|[/+](json|xml|yaml)(;|$)|^application\/(javascript|x-yaml)/.test(mediaType);
