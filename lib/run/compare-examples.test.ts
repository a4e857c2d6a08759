import { describe, expect, it } from "vitest";
import { compareExample, DEFAULT_TOLERANCE } from "./compare-examples";

const arr = (shape: number[], values: unknown) => ({ shape, values });

describe("compareExample", () => {
  it("passes equal arrays and arrays within rtol/atol", () => {
    expect(compareExample(arr([1, 2], [[1, 2]]), arr([1, 2], [[1, 2]])).pass).toBe(true);
    expect(compareExample(arr([1, 2], [[1 + 1e-7, 2]]), arr([1, 2], [[1, 2]])).pass).toBe(true);
  });

  it("names a shape mismatch with both shapes", () => {
    const result = compareExample(arr([2], [1, 2]), arr([1, 2], [[1, 2]]));
    expect(result.mismatch).toEqual({ kind: "shape", path: "", expected: [1, 2], actual: [2] });
  });

  it("reports the worst entry and its index for a value mismatch", () => {
    const result = compareExample(arr([2, 2], [[1, 2], [3, 9]]), arr([2, 2], [[1, 2.5], [3, 4]]));
    expect(result.mismatch).toEqual({ kind: "value", path: "", maxAbsError: 5, worstIndex: [1, 1] });
  });

  it("reports NaN or Infinity where a finite value was expected", () => {
    const result = compareExample(arr([1, 2], [["NaN", 1]]), arr([1, 2], [[0, 1]]));
    expect(result.mismatch).toEqual({ kind: "not-finite", path: "", index: [0, 0] });
  });

  it("follows dictionaries and names the wrong key", () => {
    const expected = { dW1: arr([1], [1]), db1: arr([1], [2]) };
    const result = compareExample({ dW1: arr([1], [1]), db1: arr([1], [3]) }, expected);
    expect(result.mismatch).toMatchObject({ kind: "value", path: "db1" });
    expect(compareExample({ dW1: arr([1], [1]) }, expected).mismatch).toEqual({ kind: "missing", path: "db1" });
  });

  it("uses the exercise's tolerance, including exact comparison", () => {
    const exact = { rtol: 0, atol: 0, accept: [] };
    expect(compareExample(arr([1], [1 + 1e-12]), arr([1], [1]), exact).pass).toBe(false);
    expect(compareExample(arr([1], [1 + 1e-12]), arr([1], [1]), DEFAULT_TOLERANCE).pass).toBe(true);
  });

  it("accepts alternative values where the argument equals the rule's value", () => {
    const tolerance = { rtol: 0, atol: 0, accept: [{ whereArg: "z", equals: 0, values: [0, 1] }] };
    const args = { z: arr([1, 3], [[-1, 0, 2]]) };
    expect(compareExample(arr([1, 3], [[0, 1, 1]]), arr([1, 3], [[0, 0, 1]]), tolerance, args).pass).toBe(true);
    expect(compareExample(arr([1, 3], [[1, 1, 1]]), arr([1, 3], [[0, 0, 1]]), tolerance, args).pass).toBe(false);
  });

  it("compares plain numbers and tells an array from a number", () => {
    expect(compareExample(0.5, 0.5).pass).toBe(true);
    expect(compareExample(arr([1], [0.5]), 0.5).mismatch).toMatchObject({ kind: "type", expected: "number", actual: "array" });
  });
});
