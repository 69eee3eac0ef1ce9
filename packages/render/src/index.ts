export { renderSvg } from './svg/render-svg';
export type { RenderSvgOptions } from './svg/context';
export type { LaneRenderer, LaneRenderers, LaneLayout, LaneInput, LegendEntry } from './svg/lane-renderer';
export { laneRenderers } from './svg/lane-renderers';
export { renderMermaid, escapeMermaid } from './mermaid';
export { renderMarkdown } from './markdown/render-markdown';
export { escapeMarkdown } from './markdown/escape-markdown';
export { renderCsv, csvCell, csvHeader, csvTranslatedColumns } from './csv';
export {
  contentFor,
  bcp47,
  type RenderOptions,
  type Content,
  type LangText,
  type SurveyBand,
} from './content';
export { hasHierarchy, type PosterHierarchy } from './hierarchy';
export { renderJson } from './json';
export {
  renderFormats,
  renderFormatIds,
  findRenderFormat,
  formatLabelIn,
  type RenderFormat,
  type RenderFormatId,
} from './formats';
export { formatPeriod, formatAge, axisLabels, axisLabelsIn, type AxisLabel } from './column-labels';
export { formatFigure, formatVotes, formatScore } from './format-values';
export { escapeXml } from './xml';
export { wrapText } from './wrap-text';
export { textWidth } from './text-width';
export {
  planPosterSheets,
  posterSheetSvg,
  sheetImagePlacement,
  posterSize,
  MIN_PRINTED_TEXT_PT,
  type PosterSize,
  type SheetPlan,
  type SheetRegion,
  type SheetMode,
  type ImagePlacement,
} from './svg/poster-sheets';
