// Input generators: deterministic per (seed, test, repetition), distinct across submissions,
// and consistent bindings through the reference network.
import { describe, expect, it } from "vitest";
import type { Input } from "../exercise/schema";
import { generateCall, generateInput } from "./generators";
import { referenceNetwork } from "./reference-network";
import { InputStream } from "./rng";
import type { HostArray} from "./values";
import { type HostValue } from "./values";

const ctx = (seed: number) => ({ stream: InputStream.forTest(seed, "t", 0), bindings: new Map<string, HostValue>(), reference: referenceNetwork });
const gen = (input: Input, seed = 1) => generateInput(input, ctx(seed));

describe("generateInput", () => {
  it("draws the same arrays for the same seed and different ones for another seed", () => {
    const input: Input = { gen: "randn", shape: [3, 4], scale: 2, mean: 0 };
    const a = gen(input, 1) as HostArray;
    expect(a.shape).toEqual([3, 4]);
    expect(Array.from(a.data)).toEqual(Array.from((gen(input, 1) as HostArray).data));
    expect(Array.from(a.data)).not.toEqual(Array.from((gen(input, 2) as HostArray).data));
  });

  it("keeps uniform, integers and labels in range", () => {
    const u = gen({ gen: "uniform", shape: [500], low: -2, high: 3 }) as HostArray;
    expect(u.data.every((x) => x >= -2 && x < 3)).toBe(true);
    const i = gen({ gen: "integers", shape: [500], low: 0, high: 3 }) as HostArray;
    expect(new Set(i.data)).toEqual(new Set([0, 1, 2]));
    const l = gen({ gen: "labels", shape: [1, 500], p: 0.5 }) as HostArray;
    expect(new Set(l.data)).toEqual(new Set([0, 1]));
  });

  it("has randn with the right moments", () => {
    const r = gen({ gen: "randn", shape: [20000], scale: 1, mean: 0 }) as HostArray;
    const mean = r.data.reduce((s, x) => s + x, 0) / r.size;
    const variance = r.data.reduce((s, x) => s + (x - mean) ** 2, 0) / r.size;
    // 20000 draws: the standard error of the mean is 0.007, of the variance 0.01.
    expect(Math.abs(mean)).toBeLessThan(0.04);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it("cycles edge values and shuffles only their positions", () => {
    const e = gen({ gen: "edge", shape: [2, 3], values: [0, 1000, -1000], shuffle: true }) as HostArray;
    expect([...e.data].sort((a, b) => a - b)).toEqual([-1000, -1000, 0, 0, 1000, 1000]);
  });

  it("builds fixed arrays from nested lists and rejects ragged ones", () => {
    const a = gen({ gen: "array", value: [[1, 2, 3], [4, 5, 6]] }) as HostArray;
    expect(a.shape).toEqual([2, 3]);
    expect(a.toNested()).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(() => gen({ gen: "array", value: [[1, 2], [3]] })).toThrow("ragged");
  });

  it("makes parameters of the requested sizes", () => {
    const p = gen({ gen: "parameters", nx: 3, nh: 4, ny: 1, scale: 0.01, biases: "zeros" }) as Record<string, HostArray>;
    expect(p["W1"]?.shape).toEqual([4, 3]);
    expect(p["b1"]?.data.every((x) => x === 0)).toBe(true);
    expect(p["W2"]?.shape).toEqual([1, 4]);
    expect(p["b2"]?.shape).toEqual([1, 1]);
  });
});

describe("generateCall", () => {
  it("resolves bindings through the reference network so the cache matches X and the parameters", () => {
    const { args, named } = generateCall(
      {
        let: {
          params: { gen: "parameters", nx: 2, nh: 3, ny: 1, scale: 0.5, biases: "randn" },
          X: { gen: "randn", shape: [2, 5], scale: 1, mean: 0 },
          cache: { gen: "reference", fn: "forwardPropagation", args: ["$X", "$params"], pick: 1 },
        },
        args: { X: "$X", A1: "$cache.A1" },
      },
      ["X", "A1"],
      ctx(4),
    );
    const X = named.get("X") as HostArray;
    const A1 = args[1] as HostArray;
    expect(A1.shape).toEqual([3, 5]);
    expect(X.shape).toEqual([2, 5]);
    expect(A1.data.every((a) => Math.abs(a) < 1)).toBe(true);
  });

  it("leaves out trailing arguments so the learner's defaults apply", () => {
    const { args } = generateCall({ let: {}, args: { z: 1 } }, ["z", "alpha"], ctx(1));
    expect(args).toEqual([1]);
  });

  it("refuses an unknown binding", () => {
    expect(() => generateCall({ let: {}, args: { z: "$nope" } }, ["z"], ctx(1))).toThrow('unknown binding "$nope"');
  });
});
