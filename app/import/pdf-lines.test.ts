import { describe, expect, it } from "vitest";
import { pageLines, type PlacedBox, type PlacedText } from "./pdf-lines";

// A PDF page's text items and tick boxes, put back into lines.

const item = (text: string, x: number, y: number, height = 10): PlacedText => ({
  text,
  x,
  y,
  height,
  width: text.length * 5,
});
const box = (ticked: boolean, x: number, y: number): PlacedBox => ({
  ticked,
  x,
  y,
  height: 9,
  width: 9,
});

describe("pageLines", () => {
  it("reads top to bottom, left to right, whatever the items' order", () => {
    expect(
      pageLines([item("second", 40, 700), item("first", 40, 800), item("line", 80, 801)], []),
    ).toEqual(["first line", "", "", "second"]);
  });

  it("puts each tick box where it sits, before the words to its right", () => {
    const texts = [item("Yes", 55, 805), item("No", 55, 791)];
    const boxes = [box(true, 40, 803.5), box(false, 40, 789.5)];
    expect(pageLines(texts, boxes)).toEqual(["☒ Yes", "☐ No"]);
  });

  it("keeps several boxes on one line in their order", () => {
    const texts = [item("AI", 55, 805), item("Blockchain", 120, 805)];
    const boxes = [box(false, 105, 804), box(true, 40, 804)];
    expect(pageLines(texts, boxes)).toEqual(["☒ AI ☐ Blockchain"]);
  });

  it("writes small raised digits as footnote marks", () => {
    expect(pageLines([item("E-services", 40, 805), item("3", 90, 808, 6)], [])).toEqual([
      "E-services³",
    ]);
  });

  it("adds a blank line for each empty line's worth of space, at most two", () => {
    const texts = [item("a", 40, 800), item("b", 40, 772), item("c", 40, 500)];
    expect(pageLines(texts, [])).toEqual(["a", "", "b", "", "", "c"]);
  });
});
