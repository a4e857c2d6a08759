import { describe, expect, it } from "vitest";
import { formatShown, shapeOf, truncationOf } from "./format-value";

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

describe("values over the grader's shown budget", () => {
  const bigArray = { truncated: true, shape: [1000, 1000], size: 1_000_000, preview: [0.5, 1, "NaN"] };
  const bigString = { truncated: true, length: 15_000_000, preview: "xxx" };

  it("prints the beginning of an array with an ellipsis and keeps its shape", () => {
    expect(formatShown(bigArray)).toBe("array([0.5, 1., nan, …])");
    expect(shapeOf(bigArray)).toBe("(1000, 1000)");
    expect(truncationOf(bigArray)).toEqual({ shown: 3, total: 1_000_000 });
  });

  it("prints the beginning of a string or list and says how long it is", () => {
    expect(formatShown(bigString)).toBe('"xxx…"');
    expect(truncationOf(bigString)).toEqual({ shown: 3, total: 15_000_000 });
    expect(formatShown({ truncated: true, length: 50, preview: [1, 2] })).toBe("[1., 2., …]");
    expect(shapeOf(bigString)).toBeNull();
  });

  it("leaves ordinary values alone", () => {
    expect(truncationOf({ shape: [1], values: [1] })).toBeNull();
    expect(truncationOf("x")).toBeNull();
  });
});
