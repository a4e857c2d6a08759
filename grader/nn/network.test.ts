// The reference network against numpy (fixtures written by scripts/golden/nn_fixtures.py,
// which mirrors network.ts operation for operation). Tolerances:
// - rtol 1e-9 with atol 1e-12 wherever the algebra is identical. The arithmetic is not quite:
//   numpy's dot goes through OpenBLAS (FMA, its own summation order) and libm's exp/tanh/log
//   differ from V8's by an ulp here and there, so single entries can differ in the last bits;
//   atol covers entries that are sums cancelling to nearly 0.
// - the 10,000-iteration run is compared more loosely (stated there): training drifts slowly
//   along a flat direction of the cost, which amplifies those last-bit differences.
// The gradients are checked against an independent computation in gradient-check.test.ts.
import { describe, expect, it } from "vitest";
import * as np from "../np/index";
import {
  accuracy,
  backwardPropagation,
  computeCost,
  forwardPropagation,
  initializeParameters,
  layerSizes,
  nnModel,
  predict,
  updateParameters,
  type NetworkParameters,
} from "./network";
import {
  forwardFixtureSchema,
  initFixtureSchema,
  loadFixture,
  mismatch,
  nd,
  ndRecord,
  planarFixtureSchema,
  trainingFixtureSchema,
} from "../../tests/support/nn-golden";

const IDENTICAL = { rtol: 1e-9, atol: 1e-12 };

const planar = loadFixture("planar.json", planarFixtureSchema);
const X = nd(planar.X);
const Y = nd(planar.Y);

function expectParamsClose(actual: NetworkParameters, expected: NetworkParameters, tolerance: { rtol: number; atol: number }): void {
  for (const key of ["W1", "b1", "W2", "b2"] as const) {
    expect(mismatch(actual[key], expected[key], tolerance), key).toBeNull();
  }
}

describe("layerSizes and initializeParameters", () => {
  it("reads nX and nY from the data and fixes nH = 4", () => {
    expect(layerSizes(X, Y)).toEqual({ nX: 2, nH: 4, nY: 1 });
  });

  it("draws W1 then W2 from np.random like the course notebook, with zero biases", () => {
    const fixture = loadFixture("init.json", initFixtureSchema);
    for (const c of fixture.cases) {
      np.random.seed(c.seed);
      const params = initializeParameters(c.nX, c.nH, c.nY);
      expect(params.W1.shape).toEqual([c.nH, c.nX]);
      expect(params.W2.shape).toEqual([c.nY, c.nH]);
      expect(Array.from(params.b1.data)).toEqual(new Array<number>(c.nH).fill(0));
      expect(Array.from(params.b2.data)).toEqual(new Array<number>(c.nY).fill(0));
      expectParamsClose(params, ndRecord(c.params), IDENTICAL);
    }
  });
});

describe("one pass on the planar data, for each hidden activation", () => {
  const fixture = loadFixture("forward.json", forwardFixtureSchema);
  const params = ndRecord(fixture.params);
  for (const c of fixture.cases) {
    it(`${c.hidden}: forward cache, cost and gradients match numpy`, () => {
      const options = { hidden: c.hidden, alpha: c.alpha };
      const { A2, cache } = forwardPropagation(X, params, options);
      const expectedCache = ndRecord(c.cache);
      for (const key of ["Z1", "A1", "Z2", "A2"] as const) {
        expect(mismatch(cache[key], expectedCache[key], IDENTICAL), key).toBeNull();
      }
      expect(A2).toBe(cache.A2);
      expect(computeCost(A2, Y)).toBeCloseTo(c.cost, 12);
      const grads = backwardPropagation(params, cache, X, Y, options);
      const expectedGrads = ndRecord(c.grads);
      for (const key of ["dW1", "db1", "dW2", "db2"] as const) {
        expect(mismatch(grads[key], expectedGrads[key], IDENTICAL), key).toBeNull();
      }
    });
  }
});

describe("computeCost, updateParameters and predict", () => {
  it("costs log 2 when every prediction is 0.5", () => {
    expect(computeCost(np.full([1, 6], 0.5), np.array([[0, 1, 1, 0, 1, 0]]))).toBeCloseTo(Math.LN2, 15);
  });

  it("costs -(1/m) Σ [y log a + (1 - y) log(1 - a)]", () => {
    const A2 = np.array([[0.9, 0.2, 0.6]]);
    const Yl = np.array([[1, 0, 0]]);
    const expected = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.4)) / 3;
    expect(computeCost(A2, Yl)).toBeCloseTo(expected, 15);
  });

  it("takes one step of size learningRate against each gradient, without touching its inputs", () => {
    const params = { W1: np.array([[1, 2]]), b1: np.array([[3]]), W2: np.array([[4]]), b2: np.array([[5]]) };
    const grads = { dW1: np.array([[0.5, -1]]), db1: np.array([[2]]), dW2: np.array([[-4]]), db2: np.array([[0.25]]) };
    const next = updateParameters(params, grads, 0.5);
    expect(next.W1.toArray()).toEqual([[0.75, 2.5]]);
    expect(next.b1.toArray()).toEqual([[2]]);
    expect(next.W2.toArray()).toEqual([[6]]);
    expect(next.b2.toArray()).toEqual([[4.875]]);
    expect(params.W1.toArray()).toEqual([[1, 2]]);
    expect(updateParameters(params, grads).b2.toArray()).toEqual([[5 - 1.2 * 0.25]]);
  });

  it("predicts 1 only where A2 > 0.5 (exactly 0.5 is 0)", () => {
    // W1 = 0 makes A1 = 0, so A2 = σ(b2) for every example.
    const zeros = { W1: np.zeros([4, 2]), b1: np.zeros([4, 1]), W2: np.zeros([1, 4]) };
    expect(predict({ ...zeros, b2: np.array([[0]]) }, X).toArray()).toEqual([new Array<number>(400).fill(0)]);
    expect(predict({ ...zeros, b2: np.array([[1e-9]]) }, X).toArray()).toEqual([new Array<number>(400).fill(1)]);
    expect(accuracy(predict({ ...zeros, b2: np.array([[1]]) }, X), Y)).toBe(50);
  });
});

describe("nnModel on the planar data (tanh, nH = 4, seed 3, learning rate 1.2)", () => {
  const fixture = loadFixture("training.json", trainingFixtureSchema);

  it("starts from numpy's parameters and matches them after 1, 10 and 1000 iterations", () => {
    for (const n of [1, 10, 1000] as const) {
      const { parameters, costs } = nnModel(X, Y, 4, { numIterations: n });
      expect(costs).toHaveLength(n);
      expectParamsClose(parameters, ndRecord(fixture.after[n]), IDENTICAL);
    }
    np.random.seed(3);
    expectParamsClose(initializeParameters(2, 4, 1), ndRecord(fixture.initial), IDENTICAL);
  }, 60_000);

  it("reaches numpy's cost and accuracy (about 90%) after 10,000 iterations", () => {
    const seen: number[] = [];
    const { parameters, costs } = nnModel(X, Y, 4, { onIteration: (i, cost) => seen.push(i === seen.length ? cost : NaN) });
    expect(seen).toEqual(costs);
    expect(costs).toHaveLength(10_000);
    // The first 3000 iterations agree to the last bits (measured: 4e-15 relative when
    // numpy's BLAS and libm are replaced by naive sums and correctly rounded math), so the
    // cost every 1000 iterations up to 3000 is held to rtol 1e-9.
    fixture.costsEvery1000.slice(0, 4).forEach((expected, k) => {
      expect(Math.abs(costs[k * 1000]! - expected)).toBeLessThanOrEqual(1e-9 * expected);
    });
    // After that the same replacement moves the final cost by 5e-6 relative and the
    // parameters by 5e-4: the run drifts along a flat direction of the cost. Hence rtol 1e-4
    // on the later costs and 1e-2 on the final parameters; the predictions must agree exactly.
    fixture.costsEvery1000.slice(4).forEach((expected, k) => {
      expect(Math.abs(costs[(k + 4) * 1000]! - expected)).toBeLessThanOrEqual(1e-4 * expected);
    });
    expect(Math.abs(costs[9999]! - fixture.lastCost)).toBeLessThanOrEqual(1e-4 * fixture.lastCost);
    expectParamsClose(parameters, ndRecord(fixture.final), { rtol: 1e-2, atol: 0 });
    const predictions = predict(parameters, X);
    expect(Array.from(predictions.data)).toEqual(fixture.predictions.data);
    expect(accuracy(predictions, Y)).toBe(fixture.accuracy);
    expect(fixture.accuracy).toBeGreaterThanOrEqual(90);
    // 10,000 training iterations take seconds, more on a loaded machine: a generous limit, not a timing test.
  }, 180_000);

  it("passes the hidden activation and alpha through to every step", () => {
    const options = { hidden: "leaky-relu", alpha: 0.1 } as const;
    const { parameters, costs } = nnModel(X, Y, 3, { ...options, numIterations: 1, learningRate: 0.5, seed: 5 });
    np.random.seed(5);
    const start = initializeParameters(2, 3, 1);
    const { A2, cache } = forwardPropagation(X, start, options);
    expect(costs).toEqual([computeCost(A2, Y)]);
    const expected = updateParameters(start, backwardPropagation(start, cache, X, Y, options), 0.5);
    expectParamsClose(parameters, expected, { rtol: 0, atol: 0 });
  });
});
