// The learner-facing np.random: numpy's signatures and errors, keyword objects, the one
// global stream, and properties that hold for any seed (fast-check).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValueError } from "../errors";
import { NDArray } from "../ndarray";
import * as random from "./index";
import { loadFixture } from "./fixtures/load-fixture";

/** Calls `fn` the way untyped learner JavaScript can, past the TypeScript signatures. */
function callUntyped(fn: (...args: never[]) => unknown, ...args: unknown[]): unknown {
  return Reflect.apply(fn, undefined, args);
}

function values(x: number | NDArray): number[] {
  return typeof x === "number" ? [x] : Array.from(x.data);
}

describe("np.random global functions", () => {
  it("draw numpy's stream after np.random.seed (first rand fixture)", () => {
    const scenario = loadFixture("rand")[0];
    const step = scenario?.steps[1];
    if (scenario === undefined || step?.out === undefined || step.out === null || typeof step.out === "number") {
      throw new Error("rand.json: expected rand(1000) as the second step of the first scenario");
    }
    expect(scenario.seed).toBe(0);
    random.seed(0);
    random.rand();
    expect(values(random.rand(1000))).toEqual(step.out.data);
  });

  it("share one stream across functions, like numpy's global RandomState", () => {
    random.seed(123);
    const globalDraws = [random.randn(3), random.rand(2), random.randint(0, 9, 4), random.normal(1, 2, 3), random.uniform()];
    const rs = new random.RandomState(123);
    const ownDraws = [rs.randn(3), rs.rand(2), rs.randint(0, 9, 4), rs.normal(1, 2, 3), rs.uniform()];
    expect(globalDraws.map(values)).toEqual(ownDraws.map(values));
  });

  it("return a plain number without a size and an NDArray with one", () => {
    random.seed(1);
    expect(typeof random.rand()).toBe("number");
    expect(typeof random.randn()).toBe("number");
    expect(typeof random.random()).toBe("number");
    expect(typeof random.randint(10)).toBe("number");
    expect(random.rand(2, 3).shape).toEqual([2, 3]);
    expect(random.randn(4).shape).toEqual([4]);
    expect(random.random([2, 2]).shape).toEqual([2, 2]);
    expect(random.standard_normal(5).shape).toEqual([5]);
  });

  it("refuses randn([2, 2]) like numpy refuses randn((2, 2)) from the lecture notes", () => {
    expect(() => callUntyped(random.randn, [2, 2])).toThrow(
      new TypeError("'tuple' object cannot be interpreted as an integer"),
    );
    expect(() => random.rand(2.5)).toThrow(new TypeError("'float' object cannot be interpreted as an integer"));
    expect(() => random.rand(2, -1)).toThrow(new ValueError("negative dimensions are not allowed"));
  });

  it("accept keyword arguments as a trailing object, in any mix with positional ones", () => {
    random.seed(7);
    const positional = [random.randint(0, 10, 5), random.normal(3, 2, [2, 2]), random.uniform(-1, 1, 3)];
    random.seed(7);
    const keywords = [
      random.randint(0, { high: 10, size: 5 }),
      random.normal({ loc: 3, scale: 2, size: [2, 2] }),
      random.uniform(-1, 1, { size: 3 }),
    ];
    expect(keywords.map(values)).toEqual(positional.map(values));
    expect(random.random({ size: [3, 1] })).toBeInstanceOf(NDArray);
  });

  it("report misused keywords like Python does", () => {
    expect(() => callUntyped(random.randint, 0, 10, { sise: 3 })).toThrow(
      new TypeError("randint() got an unexpected keyword argument 'sise'"),
    );
    expect(() => random.normal(0, { loc: 1 })).toThrow(new TypeError("normal() got multiple values for argument 'loc'"));
  });

  it("save and restore the global state, cached gaussian included", () => {
    random.seed(11);
    random.randn(1); // leaves the second gaussian of the pair cached
    const saved = random.get_state();
    expect(saved[3]).toBe(1);
    const first = [random.randn(3), random.randint(0, 1000, 4), random.rand(2)].map(values);
    random.set_state(saved);
    expect([random.randn(3), random.randint(0, 1000, 4), random.rand(2)].map(values)).toEqual(first);
    expect(() => random.set_state(["PCG64", saved[1], 0])).toThrow(
      new ValueError("set_state can only be used with legacy MT19937 state instances."),
    );
    expect(() => random.set_state(["MT19937", [1, 2, 3], 0])).toThrow(ValueError);
    expect(() => random.set_state(["MT19937", saved[1], 625])).toThrow(ValueError);
  });

  it("forget the cached gaussian when re-seeded", () => {
    random.seed(5);
    const first = random.randn();
    random.seed(5);
    expect(random.randn()).toBe(first);
  });

  it("accept numpy's seeds and refuse the rest with numpy's errors", () => {
    expect(() => random.seed(2 ** 32 - 1)).not.toThrow();
    expect(() => random.seed([1, 2, 3])).not.toThrow();
    expect(() => random.seed()).not.toThrow();
    expect(random.rand()).toBeLessThan(1);
    expect(() => random.seed(-1)).toThrow(new ValueError("Seed must be between 0 and 2**32 - 1"));
    expect(() => random.seed(2 ** 32)).toThrow(new ValueError("Seed must be between 0 and 2**32 - 1"));
    expect(() => random.seed(1.5)).toThrow(TypeError);
    expect(() => random.seed([])).toThrow(new ValueError("Seed must be non-empty"));
    expect(() => callUntyped(random.seed, [[1]])).toThrow(new ValueError("Seed array must be 1-d"));
  });

  it("raise numpy's errors on bad bounds and parameters", () => {
    expect(() => random.randint(0)).toThrow(new ValueError("high <= 0"));
    expect(() => random.randint(5, 3)).toThrow(new ValueError("low >= high"));
    expect(() => random.randint(Number.NaN)).toThrow(new ValueError("cannot convert float NaN to integer"));
    expect(() => random.randint(0, 2 ** 64)).toThrow(new ValueError("high is out of bounds for int64"));
    expect(() => random.randint(0, 2 ** 31 + 1, { dtype: "int32" })).toThrow(
      new ValueError("high is out of bounds for int32"),
    );
    expect(() => callUntyped(random.randint, 0, 5, { dtype: "uint8" })).toThrow(TypeError);
    expect(() => random.normal(0, -1)).toThrow(new ValueError("scale < 0"));
    expect(() => random.uniform(0, Infinity)).toThrow(new random.OverflowError("Range exceeds valid bounds"));
    expect(() => random.choice(3, 5, false)).toThrow(
      new ValueError("Cannot take a larger sample than population when 'replace=False'"),
    );
    expect(() => random.choice(3, 2, true, [0.5, 0.6, 0.1])).toThrow(new ValueError("probabilities do not sum to 1"));
    expect(() => random.permutation(2.5)).toThrow("x must be an integer or at least 1-dimensional");
  });

  it("broadcast array parameters and report shape conflicts like numpy", () => {
    random.seed(0);
    const perLoc = random.normal([0, 10, 100], 1);
    expect(perLoc).toBeInstanceOf(NDArray);
    expect(values(perLoc)).toHaveLength(3);
    expect(random.uniform(0, [[1], [2]], { size: [2, 3] }).shape).toEqual([2, 3]);
    expect(typeof random.normal(new NDArray(Float64Array.of(5), []), 1)).toBe("number");
    expect(() => random.normal([0, 1], [1, 2, 3])).toThrow(
      new ValueError(
        "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (2,) and arg 1 with shape (3,).",
      ),
    );
    expect(() => random.normal([[0], [1]], 1, 3)).toThrow(
      new ValueError("Output size (3,) is not compatible with broadcast dimensions of inputs (2, 3)."),
    );
    expect(() => random.normal([0, 1], [1, -1])).toThrow(new ValueError("scale < 0"));
    expect(() => random.randint([0, 10], [5, 10])).toThrow(new ValueError("low >= high"));
    expect(() => random.randint([0, 0], [0, 4])).toThrow(new ValueError("high <= 0"));
  });

  it("shuffle in place and return nothing; permutation copies", () => {
    random.seed(3);
    const x = new NDArray(Float64Array.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), [10]);
    expect(random.shuffle(x)).toBeUndefined();
    expect(Array.from(x.data).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(x.data)).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const before = Array.from(x.data);
    random.permutation(x);
    expect(Array.from(x.data)).toEqual(before);
    expect(() => callUntyped(random.shuffle, 5)).toThrow(new TypeError("object of type 'int' has no len()"));
    expect(() => random.shuffle(new NDArray(Float64Array.of(1), []))).toThrow(new TypeError("len() of unsized object"));
    const list = ["a", "b", "c", "d", "e"];
    random.shuffle(list);
    expect([...list].sort()).toEqual(["a", "b", "c", "d", "e"]);
  });
});

describe("np.random properties for any seed", () => {
  const seeds = fc.integer({ min: 0, max: 2 ** 32 - 1 });

  it("permutation(n) is a permutation of 0..n-1", () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: 0, max: 300 }), (s, n) => {
        const p = new random.RandomState(s).permutation(n);
        expect(Array.from(p.data).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
      }),
    );
  });

  it("shuffle keeps every row whole and the rows as a multiset", () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 4 }), (s, n, width) => {
        const x = new NDArray(Float64Array.from({ length: n * width }, (_, i) => i), [n, width]);
        new random.RandomState(s).shuffle(x);
        const rows = Array.from({ length: n }, (_, r) => Array.from(x.data.subarray(r * width, (r + 1) * width)));
        for (const row of rows) expect(row).toEqual(row.map((_, c) => (row[0] ?? Number.NaN) + c));
        expect(rows.map((row) => row[0]).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
          Array.from({ length: n }, (_, r) => r * width),
        );
      }),
    );
  });

  it("uniform stays between low and high (numpy's high can be hit by rounding, so closed)", () => {
    const bound = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(seeds, bound, bound, (s, low, high) => {
        const lo = Math.min(low, high);
        const hi = Math.max(low, high);
        for (const v of values(new random.RandomState(s).uniform(low, high, 50))) {
          expect(v).toBeGreaterThanOrEqual(lo);
          expect(v).toBeLessThanOrEqual(hi);
        }
      }),
    );
  });

  it("rand stays in [0, 1)", () => {
    fc.assert(
      fc.property(seeds, (s) => {
        for (const v of values(new random.RandomState(s).rand(200))) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThan(1);
        }
      }),
    );
  });

  it("randint draws integers in [low, high)", () => {
    const safe = fc.integer({ min: -(2 ** 53), max: 2 ** 53 });
    fc.assert(
      fc.property(seeds, safe, safe, (s, a, b) => {
        fc.pre(a !== b);
        const low = Math.min(a, b);
        const high = Math.max(a, b);
        for (const v of values(new random.RandomState(s).randint(low, high, 20))) {
          expect(Number.isInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(low);
          expect(v).toBeLessThan(high);
        }
      }),
    );
  });

  it("choice never picks a zero-probability entry and without replacement never repeats", () => {
    fc.assert(
      fc.property(seeds, fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 12 }), (s, weights) => {
        const total = weights.reduce((a, b) => a + b, 0);
        fc.pre(total > 0);
        const p = weights.map((w) => w / total);
        const rs = new random.RandomState(s);
        for (const i of values(rs.choice(weights.length, 30, true, p))) expect(weights[i]).toBeGreaterThan(0);
        const nonZero = weights.filter((w) => w > 0).length;
        const picked = values(rs.choice(weights.length, nonZero, false, p));
        expect(new Set(picked).size).toBe(nonZero);
        for (const i of picked) expect(weights[i]).toBeGreaterThan(0);
      }),
    );
  });
});
