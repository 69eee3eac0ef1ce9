import type { CurveSeries } from './presentation-model';

export interface CurveBox {
  readonly width: number;
  readonly height: number;
  /** Room for the axis labels on the left and the step numbers below. */
  readonly left: number;
  readonly bottom: number;
  readonly top: number;
  readonly right: number;
}

export interface DrawnPoint {
  readonly index: number;
  readonly x: number;
  readonly y: number;
  readonly score: number;
  readonly estimate: boolean;
  readonly current: boolean;
}

export interface DrawnSeries {
  readonly key: string;
  readonly label: string;
  readonly shape: CurveSeries['shape'];
  /** The points up to and including the current step, left to right. */
  readonly points: readonly DrawnPoint[];
}

/** x of step `index` of `count` (the centre of its slot) and y of a −100…+100 score. */
export function curveScales(box: CurveBox, count: number) {
  const slot = (box.width - box.left - box.right) / Math.max(1, count);
  const plot = box.height - box.top - box.bottom;
  return {
    x: (index: number) => box.left + (index + 0.5) * slot,
    y: (score: number) => box.top + ((100 - score) / 200) * plot,
  };
}

/**
 * The emotion curve as it stands at step `upTo`: every series cut after that step, the points at `upTo`
 * marked current. Series with no point yet are kept (empty) so the legend does not jump.
 */
export function curveAt(
  series: readonly CurveSeries[],
  count: number,
  upTo: number,
  box: CurveBox,
): DrawnSeries[] {
  const { x, y } = curveScales(box, count);
  return series.map((s) => ({
    key: s.key,
    label: s.label,
    shape: s.shape,
    points: s.points
      .filter((p) => p.index <= upTo)
      .map((p) => ({
        index: p.index,
        x: x(p.index),
        y: y(p.score),
        score: p.score,
        estimate: p.estimate,
        current: p.index === upTo,
      })),
  }));
}
