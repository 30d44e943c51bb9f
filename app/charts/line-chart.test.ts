import { describe, expect, it } from "vitest";
import { LABEL_GAP, layoutLineChart, spreadLabels } from "./line-chart";

describe("line chart layout", () => {
  it("moves end labels apart, keeping their order and the plot's bounds", () => {
    const ys = spreadLabels([100, 100, 101, 40], 10, 200);
    expect(ys[3]).toBe(40);
    expect(ys[1]! - ys[0]!).toBeGreaterThanOrEqual(LABEL_GAP);
    expect(ys[2]! - ys[1]!).toBeGreaterThanOrEqual(LABEL_GAP);
    // Labels near the bottom move up rather than out of the plot.
    const low = spreadLabels([199, 199, 199], 10, 200);
    expect(low.every((y) => y <= 200 && y >= 10)).toBe(true);
    expect(Math.min(...low.slice(1).map((y, i) => y - low[i]!))).toBeGreaterThanOrEqual(LABEL_GAP);
  });

  it("scales points into the plot, draws steps, and places ticks and rules", () => {
    const layout = layoutLineChart({
      width: 500,
      height: 200,
      labelWidth: 100,
      steps: true,
      series: [
        {
          key: "a",
          points: [
            { x: 0, y: 0 },
            { x: 5, y: 0.5 },
            { x: 10, y: 1 },
          ],
        },
        {
          key: "all",
          emphasis: true,
          points: [
            { x: 0, y: 0 },
            { x: 10, y: 0.25 },
          ],
        },
        { key: "empty", points: [] },
      ],
      x: { domain: [0, 10], ticks: [0, 5, 10] },
      y: { domain: [0, 1], ticks: [0, 0.5, 1] },
      rules: [{ key: "deadline", value: 10 }],
    });
    expect(layout.plot).toEqual({ left: 40, top: 18, right: 400, bottom: 176 });
    expect(layout.lines.map((l) => l.key)).toEqual(["a", "all"]);
    // A step: horizontal to x = 5, then up.
    expect(layout.lines[0]!.d).toBe("M40,176L220,176L220,97L400,97L400,18");
    expect(layout.lines[1]!.emphasis).toBe(true);
    expect(layout.xTicks).toEqual([
      { value: 0, x: 40 },
      { value: 5, x: 220 },
      { value: 10, x: 400 },
    ]);
    expect(layout.yTicks.map((t) => t.y)).toEqual([176, 97, 18]);
    expect(layout.rules).toEqual([{ key: "deadline", x: 400 }]);
    expect(layout.lines[0]).toMatchObject({ labelX: 406, labelY: 18 });
    // Labels apart from each other by a line of text at least.
    expect(Math.abs(layout.lines[1]!.labelY - layout.lines[0]!.labelY)).toBeGreaterThanOrEqual(
      LABEL_GAP,
    );
  });
});
