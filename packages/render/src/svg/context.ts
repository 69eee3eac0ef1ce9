import type { PosterHierarchy } from '../hierarchy';
import type { Column, Journey } from '@waymark/core';
import type { MessageId, MessageValues } from '@waymark/i18n';
import { contentFor, type Content, type RenderOptions, type SurveyBand } from '../content';
import { A3_LANDSCAPE, theme } from './theme';

/** One column of the grid as drawn. */
export interface GridColumn {
  readonly column: Column;
  readonly index: number;
  readonly x: number;
  readonly width: number;
  readonly centre: number;
}

/** Everything a lane renderer may look up: the journey, the grid's geometry and names for ids. */
export interface RenderContext {
  readonly journey: Journey;
  /** The renderer's words and the content languages shown (decision 0023). */
  readonly content: Content;
  readonly t: (id: MessageId, values?: MessageValues) => string;
  readonly idPrefix: string;
  readonly columns: readonly GridColumn[];
  readonly column: (id: string) => GridColumn | undefined;
  /** x of the first column's left edge and the last column's right edge. */
  readonly left: number;
  readonly right: number;
  readonly organisationName: (id: string) => string;
  readonly personaName: (id: string) => string;
  readonly categoryLabel: (id: string) => string;
  readonly sourceTitle: (id: string | undefined) => string | undefined;
  /** Where the journey sits among others (issue 14), when the caller knows. */
  readonly hierarchy: PosterHierarchy | undefined;
  /** The survey's emotion band of each surveyed step, by step id (issue 13 item 3). */
  readonly surveyBands: ReadonlyMap<string, SurveyBand>;
}

export interface RenderSvgOptions extends RenderOptions {
  /** Width of the sheet in points; A3 landscape unless given. Columns never get narrower than a minimum. */
  readonly pageWidth?: number;
  /**
   * `grow` (default): a journey too big for the sheet makes a bigger sheet, text stays at print size.
   * `fit`: the drawing is scaled down to fit one A3 landscape sheet, so text may print smaller than 9 pt.
   */
  readonly sheet?: 'grow' | 'fit';
  /** Prefix for ids inside the SVG, so several drawings can share one HTML page. */
  readonly idPrefix?: string;
}

const namer = <T extends { id: string }>(list: readonly T[], name: (t: T) => string) => {
  const map = new Map(list.map((item) => [item.id as string, name(item)]));
  return (id: string): string => map.get(id) ?? id;
};

export function createContext(journey: Journey, options: RenderSvgOptions = {}): RenderContext {
  const pageWidth = options.pageWidth ?? A3_LANDSCAPE.width;
  const left = theme.margin + theme.headerWidth;
  const n = Math.max(1, journey.columns.length);
  const width = Math.max(theme.minColumnWidth, (pageWidth - left - theme.margin) / n);
  const columns = journey.columns.map((column, index) => {
    const x = left + index * width;
    return { column, index, x, width, centre: x + width / 2 };
  });
  const byId = new Map(columns.map((c) => [c.column.id as string, c]));
  const sources = new Map(journey.sources.map((s) => [s.id as string, s.title]));
  const content = contentFor(journey, options);
  return {
    journey,
    content,
    t: (id, values) => content.tr.t(id, values),
    idPrefix: options.idPrefix ?? `wm-${journey.id}`,
    columns,
    column: (id) => byId.get(id),
    left,
    right: left + n * width,
    organisationName: namer(journey.organisations, (o) => o.name),
    personaName: namer(journey.personas, (p) => p.name),
    categoryLabel: namer(journey.leverCategories, (c) => c.label),
    sourceTitle: (id) => (id === undefined ? undefined : sources.get(id)),
    hierarchy: options.hierarchy,
    surveyBands: new Map((options.surveyBands ?? []).map((b) => [b.stepId, b])),
  };
}
