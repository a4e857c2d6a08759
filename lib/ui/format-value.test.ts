import { describe, expect, it } from "vitest";
import { formatShown, shapeOf } from "./format-value";

describe("formatShown", () => {
  it("prints arrays like numpy", () => {
    expect(formatShown({ shape: [1, 3], values: [[0.2689414213699951, 0.5, 2]] })).toBe("array([[0.26894142, 0.5, 2.]])");
    expect(formatShown({ shape: [2, 2], values: [[1, 2], [3, 4]] })).toBe("array([[1., 2.],\n       [3., 4.]])");
  });

  it("prints non-finite values as numpy does", () => {
    expect(formatShown({ shape: [3], values: ["NaN", "Infinity", "-Infinity"] })).toBe("array([nan, inf, -inf])");
  });

  it("prints dictionaries of arrays key by key", () => {
    expect(formatShown({ W1: { shape: [1], values: [0.5] }, n: 3 })).toBe("{\n  W1: array([0.5]),\n  n: 3.\n}");
  });

  it("gives numpy's shape notation", () => {
    expect(shapeOf({ shape: [4], values: [1, 2, 3, 4] })).toBe("(4,)");
    expect(shapeOf({ shape: [2, 3], values: [] })).toBe("(2, 3)");
    expect(shapeOf(3)).toBeNull();
  });
});
