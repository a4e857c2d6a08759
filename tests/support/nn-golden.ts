// Test support for grader/nn's tests (imported by grader/nn/*.test.ts only): zod schemas for the numpy
// golden fixtures written by scripts/golden/nn_fixtures.py, and a layered array comparison
// that names the worst entry when it fails. Edit the schemas when the generator's output changes.
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { NDArray } from "../../grader/np/index";
import { fromFlat } from "../../grader/np/interop";

const arraySchema = z.object({ shape: z.array(z.number().int().nonnegative()), data: z.array(z.number()) }).strict();
const paramsSchema = z.object({ W1: arraySchema, b1: arraySchema, W2: arraySchema, b2: arraySchema }).strict();
const gradsSchema = z.object({ dW1: arraySchema, db1: arraySchema, dW2: arraySchema, db2: arraySchema }).strict();
const cacheSchema = z.object({ Z1: arraySchema, A1: arraySchema, Z2: arraySchema, A2: arraySchema }).strict();
const provenance = { generator: z.literal("scripts/golden/nn_fixtures.py"), numpy: z.string() };

export const planarFixtureSchema = z.object({ ...provenance, X: arraySchema, Y: arraySchema, t: arraySchema, r: arraySchema }).strict();

export const initFixtureSchema = z
  .object({
    ...provenance,
    cases: z.array(z.object({ seed: z.number(), nX: z.number(), nH: z.number(), nY: z.number(), params: paramsSchema }).strict()),
  })
  .strict();

export const forwardFixtureSchema = z
  .object({
    ...provenance,
    params: paramsSchema,
    cases: z.array(
      z
        .object({
          hidden: z.enum(["tanh", "relu", "leaky-relu"]),
          alpha: z.number(),
          cache: cacheSchema,
          cost: z.number(),
          grads: gradsSchema,
        })
        .strict(),
    ),
  })
  .strict();

export const trainingFixtureSchema = z
  .object({
    ...provenance,
    hidden: z.literal("tanh"),
    nH: z.number(),
    seed: z.number(),
    learningRate: z.number(),
    numIterations: z.number(),
    initial: paramsSchema,
    after: z.object({ "1": paramsSchema, "10": paramsSchema, "1000": paramsSchema }).strict(),
    costsEvery1000: z.array(z.number()),
    lastCost: z.number(),
    final: paramsSchema,
    accuracy: z.number(),
    predictions: arraySchema,
  })
  .strict();

/** Reads and validates grader/nn/fixtures/<name>. */
export function loadFixture<T>(name: string, schema: z.ZodType<T>): T {
  const text = readFileSync(new URL(`../../grader/nn/fixtures/${name}`, import.meta.url), "utf8");
  return schema.parse(JSON.parse(text));
}

/** A fixture array as an NDArray. */
export function nd(fixture: z.infer<typeof arraySchema>): NDArray {
  return fromFlat(fixture.shape, Float64Array.from(fixture.data));
}

/** Every array of a fixture dictionary as NDArrays. */
export function ndRecord<K extends string>(fixture: Record<K, z.infer<typeof arraySchema>>): Record<K, NDArray> {
  const out = {} as Record<K, NDArray>;
  for (const key of Object.keys(fixture) as K[]) out[key] = nd(fixture[key]);
  return out;
}

/**
 * Compares in layers: same shape, every value finite where expected is, then
 * |actual − expected| ≤ atol + rtol·|expected| (numpy's allclose). Returns null when close,
 * else a message naming the worst entry, so a failing expect(...).toBeNull() says where.
 */
export function mismatch(actual: NDArray, expected: NDArray, tolerance: { rtol: number; atol: number }): string | null {
  const shapeOf = (a: NDArray): string => `(${a.shape.join(", ")})`;
  if (shapeOf(actual) !== shapeOf(expected)) return `shape ${shapeOf(actual)}, expected ${shapeOf(expected)}`;
  let worst = -1;
  let worstExcess = 0;
  for (let i = 0; i < expected.size; i++) {
    const a = actual.data[i]!;
    const e = expected.data[i]!;
    if (Number.isFinite(e) !== Number.isFinite(a)) return `entry ${i} is ${a}, expected ${e}`;
    const excess = Math.abs(a - e) - (tolerance.atol + tolerance.rtol * Math.abs(e));
    if (excess > worstExcess) {
      worst = i;
      worstExcess = excess;
    }
  }
  if (worst < 0) return null;
  const a = actual.data[worst]!;
  const e = expected.data[worst]!;
  return `entry ${worst} is ${a}, expected ${e} (relative error ${Math.abs(a - e) / Math.abs(e)})`;
}

/** The largest |a − e| / |e| over the entries (0 where both are 0): what a tolerance must cover. */
export function maxRelativeError(actual: NDArray, expected: NDArray): number {
  let worst = 0;
  for (let i = 0; i < expected.size; i++) {
    const a = actual.data[i]!;
    const e = expected.data[i]!;
    if (a !== e) worst = Math.max(worst, Math.abs(a - e) / Math.abs(e));
  }
  return worst;
}
