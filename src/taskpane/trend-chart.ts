/** Where a trend's line and points go in its small chart: plain arithmetic, no DOM. */

export interface ChartSize {
  width: number;
  height: number;
  /** Kept free on every side, so a point's focus ring is not cut off. */
  inset: number;
}

export const trendChartSize: ChartSize = { width: 280, height: 64, inset: 6 };

export interface ChartGeometry {
  /** One per value, in order: left to right, the larger value higher (smaller y). */
  points: { x: number; y: number }[];
  /** The line through them, for a polyline's points attribute. */
  line: string;
}

/** Rounded to a tenth of a unit: the attributes stay short and the drawing is the same. */
const tenth = (value: number) => Math.round(value * 10) / 10;

/**
 * Evenly spaced from left to right, scaled so the lowest value touches the bottom and the highest the
 * top; a series of equal values is a level line through the middle.
 */
export function chartGeometry(values: readonly number[], size: ChartSize = trendChartSize): ChartGeometry {
  const min = values.reduce((low, value) => Math.min(low, value), Infinity);
  const max = values.reduce((high, value) => Math.max(high, value), -Infinity);
  const span = max - min;
  const usableWidth = size.width - 2 * size.inset;
  const usableHeight = size.height - 2 * size.inset;
  const step = values.length > 1 ? usableWidth / (values.length - 1) : 0;
  const points = values.map((value, index) => ({
    x: tenth(size.inset + (values.length > 1 ? index * step : usableWidth / 2)),
    y: tenth(size.inset + (span > 0 ? ((max - value) / span) * usableHeight : usableHeight / 2)),
  }));
  return { points, line: points.map((point) => `${point.x},${point.y}`).join(" ") };
}
