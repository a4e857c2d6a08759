// The sandbox's way in and out of np: wrap flat data without copying, recognise arrays.
import { describe, expect, it } from "vitest";
import * as np from "./index";
import { fromFlat, isNDArray } from "./interop";

describe("interop", () => {
  it("wraps flat row-major data without copying", () => {
    const data = Float64Array.of(1, 2, 3, 4, 5, 6);
    const a = fromFlat([2, 3], data);
    expect(a.data).toBe(data);
    expect(a.get(1, 0)).toBe(4);
    expect(np.sum(a, { axis: 1 }).toArray()).toEqual([6, 15]);
  });

  it("rejects data whose size does not match the shape", () => {
    expect(() => fromFlat([4], Float64Array.of(1, 2))).toThrow("cannot reshape array of size 2 into shape (4,)");
  });

  it("recognises NDArrays and nothing else", () => {
    expect(isNDArray(np.zeros(2))).toBe(true);
    expect(isNDArray({ data: new Float64Array(2), shape: [2] })).toBe(false);
    expect(isNDArray([1, 2])).toBe(false);
    expect(isNDArray(null)).toBe(false);
  });
});
