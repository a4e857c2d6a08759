// The plots' plain-TypeScript network against the reference network (grader/nn/network.ts) on
// the same parameters and data, and the series the training plots draw. 1e-12: the two compute
// the same formulas in a different order (loops here, np's kernels there), so they agree to a
// few ulps of values of order 1.
import { describe, expect, it } from "vitest";
import * as np from "@/grader/np/index";
import type { NDArray } from "@/grader/np/index";
import * as reference from "@/grader/nn/network";
import { toShownValue } from "@/lib/run/shown";
import {
  accuracy,
  costCurve,
  crossEntropyCost,
  decisionBoundary,
  gradientStep,
  hiddenUnitSpread,
  hiddenUnitTrajectories,
  parseParameters,
  planarData,
  planarProbeArgs,
  randomParameters,
  type ShallowParameters,
} from "./shallow-network";

const SIZES = { nX: 2, nH: 4, nY: 1 };
const data = planarData();
const X = np.array(data.X);
const Y = np.array(data.Y);

function toPlain(p: reference.NetworkParameters): ShallowParameters {
  const parsed = parseParameters(toShownValue(p), SIZES);
  if (parsed === null) throw new Error("reference parameters did not parse");
  return parsed;
}

function toNd(p: ShallowParameters): reference.NetworkParameters {
  return {
    W1: np.array(p.W1),
    b1: np.array(p.b1.map((v) => [v])),
    W2: np.array(p.W2),
    b2: np.array(p.b2.map((v) => [v])),
  };
}

function maxAbsDifference(a: ShallowParameters, b: NDArray[]): number {
  const ours = [a.W1.flat(), a.b1, a.W2.flat(), a.b2];
  return Math.max(...ours.map((values, i) => Math.max(...values.map((v, j) => Math.abs(v - (b[i]?.data[j] ?? NaN))))));
}

/** Seed 3's initialization trained `iterations` steps by the reference network. */
function referenceTrained(iterations: number): reference.NetworkParameters {
  return reference.nnModel(X, Y, 4, { numIterations: iterations, seed: 3 }).parameters;
}

describe("the plots' network agrees with the reference network", () => {
  const cases = [
    ["the initialization", referenceTrained(0)],
    ["after 500 steps", referenceTrained(500)],
  ] as const;

  it.each(cases)("cross-entropy cost of %s", (_, params) => {
    const expected = reference.computeCost(reference.forwardPropagation(X, params).A2, Y);
    expect(Math.abs(crossEntropyCost(toPlain(params), data) - expected)).toBeLessThan(1e-12);
  });

  it.each(cases)("one gradient step from %s", (_, params) => {
    const { cache } = reference.forwardPropagation(X, params);
    const next = reference.updateParameters(params, reference.backwardPropagation(params, cache, X, Y), 1.2);
    const ours = gradientStep(toPlain(params), data, 1.2);
    expect(maxAbsDifference(ours, [next.W1, next.b1, next.W2, next.b2])).toBeLessThan(1e-12);
  });

  it("predicts like the reference and reaches 90% on the course setting (n_h = 4, 10,000 steps, seed 3)", () => {
    const trained = referenceTrained(10_000);
    const expected = reference.accuracy(reference.predict(trained, X), Y) / 100;
    const ours = accuracy(toPlain(trained), data);
    expect(ours).toBe(expected);
    expect(ours).toBeGreaterThanOrEqual(0.9);
  });

  it("starts from log 2 with tiny random weights", () => {
    expect(crossEntropyCost(randomParameters(SIZES, 3), data)).toBeCloseTo(Math.log(2), 3);
  });
});

describe("parseParameters", () => {
  it("reads the shown { W1, b1, W2, b2 } of the course's shapes", () => {
    const p = parseParameters(toShownValue(toNd(randomParameters(SIZES, 1))), SIZES);
    expect(p?.b1).toEqual([0, 0, 0, 0]);
    expect(p?.W1).toHaveLength(4);
  });

  it("rejects a bias without its column, a transposed W1, a missing key and a non-object", () => {
    const good = toNd(randomParameters(SIZES, 1));
    expect(parseParameters(toShownValue({ ...good, b1: np.zeros(4) }), SIZES)).toBeNull();
    expect(parseParameters(toShownValue({ ...good, W1: good.W1.T }), SIZES)).toBeNull();
    expect(parseParameters(toShownValue({ W1: good.W1, b1: good.b1, W2: good.W2 }), SIZES)).toBeNull();
    expect(parseParameters(null, SIZES)).toBeNull();
    expect(parseParameters("<function>", SIZES)).toBeNull();
  });

  it("keeps non-finite values (a diverged training) as numbers, and the cost curve leaves them out", () => {
    const diverged = toNd({ ...randomParameters(SIZES, 1), b2: [NaN] });
    const p = parseParameters(JSON.parse(JSON.stringify(toShownValue(diverged))), SIZES);
    expect(p?.b2[0]).toBeNaN();
    if (!p) return;
    expect(costCurve([5, 10], [randomParameters(SIZES, 1), p], data).map((c) => c.cost === null)).toEqual([false, true]);
  });
});

describe("training series", () => {
  it("keeps zero-initialized hidden units identical for the whole training (spread exactly 0)", () => {
    const zeros = { W1: [[0, 0], [0, 0], [0, 0], [0, 0]], b1: [0, 0, 0, 0], W2: [[0, 0, 0, 0]], b2: [0] };
    const run = hiddenUnitTrajectories(zeros, data, { iterations: 200, learningRate: 1.2, every: 10, input: 0 });
    expect(run.maxSpread).toBe(0);
    expect(run.points).toHaveLength(21);
    for (const point of run.points) expect(new Set(point.weights).size).toBe(1);
  });

  it("keeps any constant initialization symmetric too, though the weights move", () => {
    const ones = { W1: [[1, 1], [1, 1], [1, 1], [1, 1]], b1: [1, 1, 1, 1], W2: [[1, 1, 1, 1]], b2: [1] };
    const run = hiddenUnitTrajectories(ones, data, { iterations: 100, learningRate: 1.2, every: 50, input: 0 });
    expect(run.maxSpread).toBe(0);
    expect(run.points.at(-1)?.weights[0]).not.toBe(1);
  });

  it("lets randomly initialized hidden units diverge from each other", () => {
    const start = randomParameters(SIZES, 3);
    const run = hiddenUnitTrajectories(start, data, { iterations: 1000, learningRate: 1.2, every: 10, input: 0 });
    expect(hiddenUnitSpread(start)).toBeGreaterThan(0);
    expect(run.maxSpread).toBeGreaterThan(1);
    expect(new Set(run.points.at(-1)?.weights).size).toBe(4);
  });

  it("draws the decision boundary on a grid over the padded data, with the accuracy", () => {
    const trained = toPlain(referenceTrained(10_000));
    const boundary = decisionBoundary(trained, data, 60);
    expect(boundary.points).toHaveLength(400);
    expect(boundary.accuracy).toBe(accuracy(trained, data));
    const [x0, x1] = boundary.xDomain;
    const [y0, y1] = boundary.yDomain;
    expect(x0).toBeLessThan(Math.min(...(data.X[0] ?? [])));
    expect(boundary.classOne.length).toBeGreaterThan(0);
    for (const r of boundary.classOne) {
      expect(r.x1).toBeGreaterThanOrEqual(x0);
      expect(r.x2).toBeLessThanOrEqual(x1 + 1e-9);
      expect(r.y1).toBeGreaterThanOrEqual(y0);
      expect(r.y2).toBeLessThanOrEqual(y1 + 1e-9);
      expect(r.x2).toBeGreaterThan(r.x1);
    }
  });

  it("passes the planar data to probes in the shown format", () => {
    const args = planarProbeArgs();
    expect(args.X.shape).toEqual([2, 400]);
    expect(args.Y.shape).toEqual([1, 400]);
  });
});
