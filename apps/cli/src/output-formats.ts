import type { Journey } from '@waymark/core';
import { writeJourneyJson, writeJourneyYaml } from '@waymark/document';
import { renderFormats } from '@waymark/render';

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

/**
 * Render's registry (svg, mermaid, md, csv, …), then the document formats. Where both offer an id (json), the
 * document's writer wins: it is the journey file format, with id and kind first as `new` writes it.
 */
export function outputFormats(): readonly OutputFormat[] {
  const drawn = Object.values(renderFormats).filter((f) => !documentFormats.some((d) => d.id === f.id));
  return [...drawn, ...documentFormats];
}

/** The same, as the loader `createRenderCommand` takes (a test passes its own). */
export const loadOutputFormats = async (): Promise<readonly OutputFormat[]> => outputFormats();

/** Text a terminal can show: text/*, JSON, XML (SVG), YAML. Anything else (PDF, PNG) is refused there. */
export const isTextMediaType = (mediaType: string): boolean =>
  /^text\/|[/+](json|xml|yaml)(;|$)|^application\/(javascript|x-yaml)/.test(mediaType);
