import type { Journey } from '@waymark/core';
import { writeJourneyJson, writeJourneyYaml } from '@waymark/document';

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

const isFormatList = (v: unknown): v is readonly OutputFormat[] =>
  Array.isArray(v) && v.every((f) => typeof f?.id === 'string' && typeof f?.render === 'function');

/** Imported by a computed name while @waymark/render is being written; see the report in docs/decisions. */
async function loadRenderFormats(): Promise<readonly OutputFormat[]> {
  const specifier = '@waymark/render';
  try {
    const mod = (await import(specifier)) as Record<string, unknown>;
    const formats = mod.renderFormats;
    if (isFormatList(formats)) return formats;
    if (formats && typeof formats === 'object')
      return Object.values(formats).filter((f) => isFormatList([f]));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (
      code !== 'ERR_MODULE_NOT_FOUND' &&
      !/Cannot find (module|package)|Failed to resolve entry/.test(String(e))
    )
      throw e;
  }
  return [];
}

/** Render's formats, then the document formats it does not already offer. */
export async function loadOutputFormats(): Promise<readonly OutputFormat[]> {
  const drawn = await loadRenderFormats();
  return [...drawn, ...documentFormats.filter((d) => !drawn.some((f) => f.id === d.id))];
}

/** Text a terminal can show: text/*, JSON, XML (SVG), YAML. Anything else (PDF, PNG) is refused there. */
export const isTextMediaType = (mediaType: string): boolean =>
  /^text\/|[/+](json|xml|yaml)(;|$)|^application\/(javascript|x-yaml)/.test(mediaType);
