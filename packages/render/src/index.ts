export { renderSvg } from './svg/render-svg';
export type { RenderSvgOptions } from './svg/context';
export type { LaneRenderer, LaneRenderers, LaneLayout, LegendEntry } from './svg/lane-renderer';
export { laneRenderers } from './svg/lane-renderers';
export { formatPeriod, formatAge } from './column-labels';
export { escapeXml } from './xml';
export { wrapText } from './wrap-text';
export { textWidth } from './text-width';
