// The layered comparison: each layer reports before the next, with the words a learner needs.
import { describe, expect, it } from "vitest";
import { compareOutputs, outputsMatch, shapeHint } from "./compare";
import { HostArray } from "./values";

const arr = (shape: number[], values: number[]) => new HostArray(shape, Float64Array.from(values));

describe("compareOutputs", () => {
  it("accepts values within numpy's default tolerance and rejects values outside it", () => {
    const expected = arr([2], [1, 1000]);
    expect(compareOutputs(arr([2], [1 + 5e-6, 1000 + 9e-3]), expected)).toBeNull();
    const m = compareOutputs(arr([2], [1, 1000.02]), expected);
    expect(m?.layer).toBe("values");
    expect(m?.worstIndex).toEqual([1]);
    expect(m?.maxAbsError).toBeCloseTo(0.02, 10);
    expect(m?.message.en).toContain("rtol 1e-5, atol 1e-8");
  });

  it("reports structure before finiteness before shape before values", () => {
    const expected = { dW: arr([2, 1], [1, 2]), db: arr([2, 1], [0, 0]) };
    expect(compareOutputs({ dW: arr([2, 1], [1, 2]) }, expected)?.message.en).toBe("the output has no key `db`.");
    expect(compareOutputs({ dW: arr([2], [Number.NaN, 5]), db: arr([2, 1], [0, 0]) }, expected)?.layer).toBe("finite");
    expect(compareOutputs({ dW: arr([2], [7, 5]), db: arr([2, 1], [0, 0]) }, expected)?.layer).toBe("shape");
    expect(compareOutputs({ dW: arr([2, 1], [7, 5]), db: arr([2, 1], [0, 0]) }, expected)?.path).toBe("dW");
  });

  it("names a missing keepdims, a transpose and a plain list", () => {
    const keepdims = compareOutputs(arr([3], [1, 2, 3]), arr([3, 1], [1, 2, 3]));
    expect(keepdims?.message.en).toContain("has shape (3,) but should have shape (3, 1)");
    expect(keepdims?.message.en).toContain("keepdims: true");
    expect(keepdims?.message.ko).toContain("keepdims: true");
    expect(compareOutputs(arr([3, 2], [1, 2, 3, 4, 5, 6]), arr([2, 3], [1, 2, 3, 4, 5, 6]))?.message.en).toContain("transposed");
    expect(compareOutputs([1, 2, 3], arr([3], [1, 2, 3]))?.message.en).toContain("plain JavaScript array");
  });

  it("points at the first NaN and counts them", () => {
    const m = compareOutputs(arr([2, 2], [0.5, Number.NaN, 1, Number.NaN]), arr([2, 2], [0.5, 1, 1, 0]));
    expect(m?.worstIndex).toEqual([0, 1]);
    expect(m?.message.en).toContain("2 nan values (first at [0, 1])");
  });

  it("ranks the worst entry by how far it is outside the tolerance, and spots a constant factor", () => {
    const m = compareOutputs(arr([3], [4, 8, 12]), arr([3], [1, 2, 3]));
    expect(m?.message.en).toContain("about 4 times the expected ones");
  });

  it("accepts either value where a mask allows it (ReLU'(0) is 0 or 1)", () => {
    const z = arr([3], [-1, 0, 2]);
    const expected = arr([3], [0, 0, 1]);
    const masks = [{ where: z, equals: 0, values: [0, 1] }];
    expect(compareOutputs(arr([3], [0, 1, 1]), expected, { rtol: 1e-5, atol: 1e-8, masks })).toBeNull();
    expect(compareOutputs(arr([3], [0, 0.5, 1]), expected, { rtol: 1e-5, atol: 1e-8, masks })?.worstIndex).toEqual([1]);
    expect(compareOutputs(arr([3], [1, 1, 1]), expected, { rtol: 1e-5, atol: 1e-8, masks })?.worstIndex).toEqual([0]);
  });

  it("treats a 0-d array and a number alike but refuses a (1, 1) array for a number", () => {
    expect(compareOutputs(arr([], [0.25]), 0.25)).toBeNull();
    expect(compareOutputs(arr([1, 1], [0.25]), 0.25)?.message.en).toContain("np.squeeze");
  });

  it("walks tuples by index", () => {
    const m = compareOutputs([arr([1], [1]), { Z1: arr([1], [2]) }], [arr([1], [1]), { Z1: arr([1], [3]) }]);
    expect(m?.path).toBe("1.Z1");
  });
});

describe("shapeHint", () => {
  it("stays silent when nothing specific explains the mismatch", () => {
    expect(shapeHint([4, 5], [2, 3])).toBeNull();
    expect(shapeHint([1, 3], [3, 3])?.en).toContain("Broadcasting");
  });
});

describe("outputsMatch", () => {
  it("matches outputs of different shapes only when the shapes agree", () => {
    expect(outputsMatch(arr([2], [1, 2]), arr([2], [1, 2 + 1e-9]))).toBe(true);
    expect(outputsMatch(arr([2], [1, 2]), arr([2, 1], [1, 2]))).toBe(false);
  });
});
