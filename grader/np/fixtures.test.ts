// Replays the golden cases computed by real numpy (scripts/golden/np_fixtures.py
// writes fixtures/*.json) against grader/np. Tolerances are per group and stated
// where they are declared; shapes, error types and messages must match exactly.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as np from "./index";
import { NDArray } from "./ndarray";

type Encoded = number | boolean | string | null | Encoded[] | { [k: string]: Encoded };
const encoded: z.ZodType<Encoded> = z.lazy(() =>
  z.union([z.number(), z.boolean(), z.string(), z.null(), z.array(encoded), z.record(z.string(), encoded)]),
);
const fixtureFile = z.object({
  generator: z.string(),
  numpy: z.string(),
  inputs: z.record(z.string(), encoded),
  cases: z.array(
    z.object({ name: z.string(), fn: z.string(), args: z.array(encoded), kwargs: z.record(z.string(), encoded), expected: encoded }),
  ),
});
const ndJson = z.object({ $nd: z.object({ shape: z.array(z.number()), data: z.array(encoded) }) });
const floatJson = z.object({ $float: z.enum(["nan", "inf", "-inf"]) });
const errorJson = z.object({ $error: z.object({ type: z.string(), message: z.string() }) });
const inputJson = z.object({ $input: z.string() });

type Value = number | boolean | string | null | NDArray | Value[] | { [k: string]: Value };

function decode(x: Encoded, inputs: Record<string, Encoded>): Value {
  if (Array.isArray(x)) return x.map((v) => decode(v, inputs));
  if (x === null || typeof x !== "object") return x;
  const f = floatJson.safeParse(x);
  if (f.success) return f.data.$float === "nan" ? NaN : f.data.$float === "inf" ? Infinity : -Infinity;
  const nd = ndJson.safeParse(x);
  if (nd.success) {
    const data = Float64Array.from(nd.data.$nd.data.map((v) => decode(v, inputs) as number));
    return new NDArray(data, nd.data.$nd.shape);
  }
  const ref = inputJson.safeParse(x);
  if (ref.success) {
    const stored = inputs[ref.data.$input];
    if (stored === undefined) throw new Error(`fixture input ${ref.data.$input} is missing`);
    return decode(stored, inputs);
  }
  return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, decode(v, inputs)]));
}

type Fn = (...args: unknown[]) => unknown;
const api = np as unknown as Record<string, Fn>;

function call(fn: string, args: Value[], kwargs: Record<string, Value>): unknown {
  const withKw = Object.keys(kwargs).length > 0 ? [...args, kwargs] : args;
  if (fn === "toString") return np.asarray(args[0] as NDArray).toString();
  if (fn === "linalg.norm") return (np.linalg.norm as Fn)(...withKw);
  const f = api[fn];
  if (typeof f !== "function") throw new Error(`np.${fn} does not exist`);
  return f(...withKw);
}

/** |actual - expected| <= rtol * |expected| + atol, NaN matches NaN, infinities and zero signs must match. */
function expectClose(actual: number, expected: number, rtol: number, atol: number, where: string): void {
  if (Number.isNaN(expected)) return void expect(actual, where).toBeNaN();
  if (!Number.isFinite(expected) || expected === 0) return void expect(Object.is(actual, expected) || (expected === 0 && Math.abs(actual) <= atol), where).toBe(true);
  expect(Math.abs(actual - expected), `${where}: ${actual} vs ${expected}`).toBeLessThanOrEqual(rtol * Math.abs(expected) + atol);
}

interface Tolerance {
  rtol: number;
  atol: number;
}

function check(actual: unknown, expected: Value, tol: Tolerance): void {
  if (expected instanceof NDArray) {
    expect(actual, "an NDArray").toBeInstanceOf(NDArray);
    const a = actual as NDArray;
    expect(a.shape).toEqual(expected.shape);
    // For dot/matmul/norm the error scales with the operands, so atol scales with the largest value.
    let scale = 0;
    for (const v of expected.data) if (Number.isFinite(v)) scale = Math.max(scale, Math.abs(v));
    expected.data.forEach((v, i) => expectClose(a.data[i]!, v, tol.rtol, tol.atol * Math.max(scale, 1), `index ${i}`));
    return;
  }
  if (typeof expected === "number") {
    // numpy returns a scalar where we return a 0-d array (a reduction over every axis given explicitly).
    const n = actual instanceof NDArray && actual.ndim === 0 ? actual.item() : actual;
    expect(typeof n).toBe("number");
    expectClose(n as number, expected, tol.rtol, tol.atol * Math.max(Math.abs(expected), 1), "scalar");
    return;
  }
  expect(actual).toEqual(expected);
}

const EXACT: Tolerance = { rtol: 0, atol: 0 };
// Math.exp/tanh/pow/... in V8 and glibc's libm are both faithfully rounded, so they may differ by an ulp or two.
const LIBM: Tolerance = { rtol: 4 * Number.EPSILON, atol: 0 };
// Reductions: pairwise sums match numpy bit for bit; multi-axis and strided orders may differ by rounding.
const SUMS: Tolerance = { rtol: 1e-13, atol: 1e-14 };
// numpy's dot/matmul/norm go through BLAS with its own summation order.
const BLAS: Tolerance = { rtol: 1e-13, atol: 1e-14 };

const groups: Record<string, (fn: string) => Tolerance> = {
  broadcasting: (fn) => (fn === "power" ? LIBM : EXACT),
  reductions: () => SUMS,
  linalg: () => BLAS,
  ufuncs: (fn) => (["exp", "expm1", "log", "log1p", "log2", "log10", "tanh", "sin", "cos"].includes(fn) ? LIBM : EXACT),
  creation: () => EXACT,
  rounding: () => EXACT,
  format: () => EXACT,
  logic: () => EXACT,
};

for (const [group, tolerance] of Object.entries(groups)) {
  const file = fixtureFile.parse(JSON.parse(readFileSync(new URL(`./fixtures/${group}.json`, import.meta.url), "utf8")));
  describe(`numpy golden values: ${group}`, () => {
    for (const c of file.cases) {
      it(c.name, () => {
        const args = c.args.map((a) => decode(a, file.inputs));
        const kwargs = decode(c.kwargs, file.inputs) as Record<string, Value>;
        const err = errorJson.safeParse(c.expected);
        if (err.success) {
          let thrown: unknown;
          try {
            call(c.fn, args, kwargs);
          } catch (e) {
            thrown = e;
          }
          expect(thrown, "numpy raised").toBeInstanceOf(Error);
          expect((thrown as Error).name).toBe(err.data.$error.type);
          expect((thrown as Error).message).toBe(err.data.$error.message);
          return;
        }
        check(call(c.fn, args, kwargs), decode(c.expected, file.inputs), tolerance(c.fn));
      });
    }
  });
}
