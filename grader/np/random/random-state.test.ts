// RandomState against numpy's legacy RandomState, bit for bit: every scenario of the
// golden fixtures (scripts/golden/random_fixtures.py) is replayed call by call on one
// RandomState and every double is compared with Object.is.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { NDArray } from "../ndarray";
import { loadFixture, type FixtureArray, type FixtureStep } from "./fixtures/load-fixture";
import { RandomState } from "./random-state";

const size = z.union([z.number().int(), z.array(z.number().int())]).nullable();
type Nested = number | Nested[];
const nested: z.ZodType<Nested> = z.union([z.number(), z.array(z.lazy(() => nested))]);
const argsOf = {
  seed: z.tuple([z.number().int()]),
  dims: z.array(z.number().int()),
  size: z.tuple([size]),
  twoFloats: z.tuple([nested, nested, size]),
  randint: z.tuple([nested, nested.nullable(), size]),
  shuffle: z.tuple([z.array(z.number().int())]),
  permutation: z.tuple([nested]),
  choice: z.tuple([z.union([z.number(), z.array(z.number())]), size, z.boolean(), z.array(z.number()).nullable()]),
};

/** Runs one fixture step on `rs` and returns what our implementation produced. */
function run(rs: RandomState, step: FixtureStep): number | NDArray | null {
  switch (step.op) {
    case "seed":
      rs.seed(argsOf.seed.parse(step.args)[0]);
      return null;
    case "rand":
      return rs.rand(...argsOf.dims.parse(step.args));
    case "randn":
      return rs.randn(...argsOf.dims.parse(step.args));
    case "random_sample": {
      const [s] = argsOf.size.parse(step.args);
      return s === null ? rs.random_sample() : rs.random_sample(s);
    }
    case "get_state": {
      const [name, key, pos, hasGauss, gauss] = rs.get_state();
      expect(name).toBe("MT19937");
      return new NDArray(Float64Array.of(...key.data, pos, hasGauss, gauss), [key.data.length + 3]);
    }
    case "standard_normal": {
      const [s] = argsOf.size.parse(step.args);
      return s === null ? rs.standard_normal() : rs.standard_normal(s);
    }
    case "normal": {
      const [loc, scale, s] = argsOf.twoFloats.parse(step.args);
      return s === null ? rs.normal(loc, scale) : rs.normal(loc, scale, s);
    }
    case "uniform": {
      const [low, high, s] = argsOf.twoFloats.parse(step.args);
      return s === null ? rs.uniform(low, high) : rs.uniform(low, high, s);
    }
    case "randint": {
      const [low, high, s] = argsOf.randint.parse(step.args);
      return s === null ? rs.randint(low, high) : rs.randint(low, high, s);
    }
    case "shuffle": {
      const [shape] = argsOf.shuffle.parse(step.args);
      const n = shape.reduce((a, b) => a * b, 1);
      const x = new NDArray(Float64Array.from({ length: n }, (_, i) => i), shape);
      expect(rs.shuffle(x)).toBeUndefined();
      return x;
    }
    case "permutation": {
      const [x] = argsOf.permutation.parse(step.args);
      return typeof x === "number" ? rs.permutation(x) : rs.permutation(x);
    }
    case "choice": {
      const [a, s, replace, p] = argsOf.choice.parse(step.args);
      return s === null ? rs.choice(a, null, replace, p) : rs.choice(a, s, replace, p);
    }
    default:
      throw new Error(`fixture step ${step.op} has no runner`);
  }
}

/** Fails with the first differing double, in hex, so a one-ulp slip is visible. */
function expectBitIdentical(actual: ArrayLike<number>, expected: readonly number[], where: string): void {
  expect(actual.length, `${where}: length`).toBe(expected.length);
  let first = -1;
  let mismatches = 0;
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) {
      mismatches++;
      if (first < 0) first = i;
    }
  }
  if (first >= 0) {
    const a = actual[first] ?? Number.NaN;
    const e = expected[first] ?? Number.NaN;
    expect.fail(`${where}: ${mismatches} values differ; first at ${first}: got ${a} (${hex(a)}), numpy ${e} (${hex(e)})`);
  }
}

function hex(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return `0x${view.getBigUint64(0).toString(16).padStart(16, "0")}`;
}

function expectSameOutput(actual: number | NDArray | null, expected: number | FixtureArray | null, where: string): void {
  if (expected === null) {
    expect(actual, where).toBeNull();
  } else if (typeof expected === "number") {
    expect(typeof actual, `${where}: numpy returned a scalar`).toBe("number");
    expectBitIdentical([actual as number], [expected], where);
  } else {
    expect(actual, `${where}: numpy returned an array`).toBeInstanceOf(NDArray);
    const array = actual as NDArray;
    expect(array.shape, `${where}: shape`).toEqual(expected.shape);
    expectBitIdentical(array.data, expected.data, where);
  }
}

const families = ["rand", "randn", "normal", "uniform", "randint", "shuffle", "interleaved", "choice", "broadcast"];

for (const family of families) {
  describe(`RandomState matches numpy: ${family}`, () => {
    for (const scenario of loadFixture(family)) {
      it(scenario.name, () => {
        const rs = new RandomState(scenario.seed);
        scenario.steps.forEach((step, i) => {
          const where = `step ${i} ${step.op}(${JSON.stringify(step.args)})`;
          expectSameOutput(run(rs, step), step.out, where);
        });
      });
    }
  });
}
