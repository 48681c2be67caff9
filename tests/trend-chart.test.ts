/** The trend chart's geometry: left to right in order, larger values higher, inside the chart. */
import { describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import { chartGeometry, trendChartSize } from "../src/taskpane/trend-chart";

const { width, height, inset } = trendChartSize;

describe("chartGeometry", () => {
  test("the lowest value on the bottom line, the highest on the top one, evenly spaced", () => {
    const { points, line } = chartGeometry([10, 30, 20]);
    expect(points).toEqual([
      { x: inset, y: height - inset },
      { x: width / 2, y: inset },
      { x: width - inset, y: height / 2 },
    ]);
    expect(line).toBe(`${inset},${height - inset} ${width / 2},${inset} ${width - inset},${height / 2}`);
  });

  test("equal values lie on a level line through the middle", () => {
    expect(chartGeometry([5, 5, 5]).points.map((point) => point.y)).toEqual([height / 2, height / 2, height / 2]);
  });

  test("any values: x increases, y orders as the values do (reversed), every point inside the inset", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 3, maxLength: 12 }),
        (values) => {
          const { points } = chartGeometry(values);
          expect(points).toHaveLength(values.length);
          points.forEach((point, index) => {
            expect(point.x).toBeGreaterThanOrEqual(inset);
            expect(point.x).toBeLessThanOrEqual(width - inset);
            expect(point.y).toBeGreaterThanOrEqual(inset);
            expect(point.y).toBeLessThanOrEqual(height - inset);
            if (index > 0) expect(point.x).toBeGreaterThan(points[index - 1]!.x);
            for (let other = 0; other < index; other += 1) {
              // A tenth of a unit of rounding: values closer than that may share a height.
              if (values[index]! > values[other]!) expect(point.y).toBeLessThanOrEqual(points[other]!.y);
              if (values[index]! < values[other]!) expect(point.y).toBeGreaterThanOrEqual(points[other]!.y);
            }
          });
        },
      ),
    );
  });
});
