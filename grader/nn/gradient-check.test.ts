// The numerical gradient check, and through it the reference backward pass: it passes for
// every hidden activation, and each of the lecture notes' three backprop typos fails it clearly.
import { describe, expect, it } from "vitest";
import * as np from "../np/index";
import type { NDArray } from "../np/index";
import { hiddenActivation, type HiddenActivation } from "./activations";
import {
  GRADIENT_CHECK_THRESHOLD,
  GradientCheckError,
  gradientCheck,
  gradientCheckVector,
  numericalGradient,
  relativeDifference,
} from "./gradient-check";
import {
  backwardPropagation,
  computeCost,
  forwardPropagation,
  type ForwardCache,
  type NetworkGradients,
  type NetworkParameters,
} from "./network";

/**
 * Eight examples and unit-scale parameters from a fixed RandomState. Unit scale keeps the
 * gradients O(0.1): the centred difference carries an absolute rounding error of about
 * 1e-16 / ε = 1e-9, so gradients near 1e-4 (the 0.01 initialisation) would show relative
 * differences near 1e-5 even for a correct backward pass. Labels are mixed for the same reason.
 */
function checkProblem(): { X: NDArray; Y: NDArray; params: NetworkParameters } {
  const rs = new np.random.RandomState(1);
  const X = rs.randn(2, 8);
  const Y = np.array([[0, 1, 0, 1, 1, 0, 1, 0]]);
  const params = { W1: rs.randn(4, 2), b1: rs.randn(4, 1), W2: rs.randn(1, 4), b2: rs.randn(1, 1) };
  return { X, Y, params };
}

type Backward = (params: NetworkParameters, cache: ForwardCache, X: NDArray, Y: NDArray) => NetworkGradients;

function check(backward: Backward, hidden: HiddenActivation = "tanh") {
  const { X, Y, params } = checkProblem();
  const { cache } = forwardPropagation(X, params, { hidden });
  const grads = backward(params, cache, X, Y);
  return gradientCheck((p: NetworkParameters) => computeCost(forwardPropagation(X, p, { hidden }).A2, Y), params, grads);
}

// The typos as a learner would type them. A gradient whose shape is wrong would only reach the
// parameters through broadcasting in the update (W2 - lr * dW2 with dW2 (1, 1) runs in numpy),
// so the typo'd gradients are broadcast to the parameter's shape, as that update would use them.
const m = (X: NDArray): number => X.shape[1]!;
const asUpdateSees = (grad: NDArray, param: NDArray): NDArray => np.broadcast_to(grad, param.shape);

/** Notes' typo 1: dW2 = (1/m) dZ2 A2ᵀ (A2 instead of A1). */
const typoA2Transpose: Backward = (params, cache, X, Y) => {
  const grads = backwardPropagation(params, cache, X, Y);
  const dZ2 = np.subtract(cache.A2, Y);
  return { ...grads, dW2: asUpdateSees(np.multiply(1 / m(X), np.dot(dZ2, cache.A2.T)), params.W2) };
};

/** Notes' typo 2: dZ1 = W2ᵀ dZ2 + g'(Z1) (a sum instead of the elementwise product). */
const typoPlusInsteadOfProduct: Backward = (params, cache, X, Y) => {
  const grads = backwardPropagation(params, cache, X, Y);
  const dZ2 = np.subtract(cache.A2, Y);
  const dZ1 = np.add(np.dot(params.W2.T, dZ2), hiddenActivation("tanh").derivative(cache.Z1, cache.A1));
  return {
    ...grads,
    dW1: np.multiply(1 / m(X), np.dot(dZ1, X.T)),
    db1: np.multiply(1 / m(X), np.sum(dZ1, { axis: 1, keepdims: true })),
  };
};

/** Notes' typo 3: dZ2 used in layer 1 (dW1 = (1/m) dZ2 Xᵀ, db1 = (1/m) Σ dZ2). */
const typoDZ2InLayer1: Backward = (params, cache, X, Y) => {
  const grads = backwardPropagation(params, cache, X, Y);
  const dZ2 = np.subtract(cache.A2, Y);
  return {
    ...grads,
    dW1: asUpdateSees(np.multiply(1 / m(X), np.dot(dZ2, X.T)), params.W1),
    db1: asUpdateSees(np.multiply(1 / m(X), np.sum(dZ2, { axis: 1, keepdims: true })), params.b1),
  };
};

describe("the reference backward pass passes the check", () => {
  for (const hidden of ["tanh", "relu", "leaky-relu"] as const) {
    it(`${hidden} hidden layer: difference < 2e-7 overall and per parameter`, () => {
      const { X, params } = checkProblem();
      // ReLU has no derivative at 0, and a centred difference whose ±ε step moves some Z1
      // entry across 0 averages the two slopes. One step moves a Z1 entry by at most
      // ε · max(1, |x|) < 1e-6, so a margin of 1e-3 around 0 means no kink is crossed.
      const { cache } = forwardPropagation(X, params, { hidden });
      expect(Math.min(...Array.from(cache.Z1.data, Math.abs))).toBeGreaterThan(1e-3);
      const result = check((p, c, x, y) => backwardPropagation(p, c, x, y, { hidden }), hidden);
      expect(result.difference).toBeLessThan(GRADIENT_CHECK_THRESHOLD);
      expect(Object.keys(result.perParameter)).toEqual(["dW1", "db1", "dW2", "db2"]);
      for (const entry of Object.values(result.perParameter)) expect(entry.difference).toBeLessThan(GRADIENT_CHECK_THRESHOLD);
    });
  }
});

describe("each typo of the lecture notes fails the check and is located", () => {
  it("dW2 with A2ᵀ: dW2 fails, the other gradients pass", () => {
    const result = check(typoA2Transpose);
    expect(result.difference).toBeGreaterThan(1e-2);
    expect(result.perParameter.dW2!.difference).toBeGreaterThan(1e-2);
    for (const name of ["dW1", "db1", "db2"]) expect(result.perParameter[name]!.difference).toBeLessThan(GRADIENT_CHECK_THRESHOLD);
  });

  it("+ instead of ⊙ in dZ1: dW1 and db1 fail, layer 2 passes", () => {
    const result = check(typoPlusInsteadOfProduct);
    expect(result.difference).toBeGreaterThan(1e-2);
    for (const name of ["dW1", "db1"]) expect(result.perParameter[name]!.difference).toBeGreaterThan(1e-2);
    for (const name of ["dW2", "db2"]) expect(result.perParameter[name]!.difference).toBeLessThan(GRADIENT_CHECK_THRESHOLD);
  });

  it("dZ2 in layer 1: dW1 and db1 fail, layer 2 passes", () => {
    const result = check(typoDZ2InLayer1);
    expect(result.difference).toBeGreaterThan(1e-2);
    for (const name of ["dW1", "db1"]) expect(result.perParameter[name]!.difference).toBeGreaterThan(1e-2);
    for (const name of ["dW2", "db2"]) expect(result.perParameter[name]!.difference).toBeLessThan(GRADIENT_CHECK_THRESHOLD);
  });

  it("refuses a gradient of the wrong shape instead of broadcasting it", () => {
    const { X, Y, params } = checkProblem();
    const { cache } = forwardPropagation(X, params);
    const dZ2 = np.subtract(cache.A2, Y);
    const grads = { ...backwardPropagation(params, cache, X, Y), dW2: np.multiply(1 / m(X), np.dot(dZ2, cache.A2.T)) };
    const costOf = (p: NetworkParameters): number => computeCost(forwardPropagation(X, p).A2, Y);
    expect(() => gradientCheck(costOf, params, grads)).toThrow(new GradientCheckError("dW2 has shape (1, 1) but W2 has shape (1, 4)"));
  });
});

describe("gradientCheck reports", () => {
  // J(A, b) = Σ A³ + 2 Σ b: ∂J/∂A = 3A², ∂J/∂b = 2.
  const params = { A: np.array([[1, -2, 0.5], [3, 0.25, -1]]), b: np.array([[4], [5]]) };
  const costOf = (p: typeof params): number => np.sum(np.power(p.A, 3)) + 2 * np.sum(p.b);
  const exact = { dA: np.multiply(3, np.power(params.A, 2)), db: np.full([2, 1], 2) };

  it("a difference near 0 for exact gradients, keyed by the gradient names", () => {
    const result = gradientCheck(costOf, params, exact);
    expect(result.difference).toBeLessThan(1e-8);
    expect(Object.keys(result.perParameter)).toEqual(["dA", "db"]);
  });

  it("the worst entry of a wrong gradient: its index, analytic and numerical values", () => {
    const wrong = np.array(exact.dA);
    wrong.data[4] = 7; // index [1, 1] of a (2, 3) array; the true value there is 3 · 0.25² = 0.1875
    const result = gradientCheck(costOf, params, { dA: wrong, db: exact.db });
    const entry = result.perParameter.dA!;
    expect(entry.worstIndex).toEqual([1, 1]);
    expect(entry.analytic).toBe(7);
    expect(entry.numerical).toBeCloseTo(0.1875, 6);
    // Only one entry is off by ≈ 6.81, so the difference is ≈ 6.81 / (‖g‖ + ‖g̃‖).
    const norm = (a: NDArray): number => Math.sqrt(np.sum(np.multiply(a, a)));
    expect(entry.difference).toBeCloseTo((7 - 0.1875) / (norm(wrong) + norm(exact.dA)), 6);
    expect(result.perParameter.db!.difference).toBeLessThan(1e-8);
  });

  it("names of parameters work as gradient names when no d-prefixed gradient exists", () => {
    const result = gradientCheck(costOf, params, { A: exact.dA, b: exact.db });
    expect(Object.keys(result.perParameter)).toEqual(["A", "b"]);
  });

  it("leaves the parameters it perturbs unchanged", () => {
    const before = params.A.toArray();
    gradientCheck(costOf, params, exact);
    expect(params.A.toArray()).toEqual(before);
  });

  it("errors for a missing gradient, a non-finite gradient and a non-finite cost", () => {
    expect(() => gradientCheck(costOf, params, { dA: exact.dA })).toThrow(GradientCheckError);
    const nan = np.array(exact.dA);
    nan.data[2] = NaN;
    expect(() => gradientCheck(costOf, params, { dA: nan, db: exact.db })).toThrow("dA[0, 2] is NaN, not a finite number");
    expect(() => gradientCheck(() => Infinity, params, exact)).toThrow(
      new GradientCheckError("the cost is Infinity when A[0, 0] is moved by ±epsilon"),
    );
  });
});

describe("the vector form", () => {
  it("numericalGradient approximates 3θ² for J = Σ θ³ within the centred difference's O(ε²)", () => {
    const theta = np.array([[0.3], [-1.2], [2]]);
    const g = numericalGradient((t) => np.sum(np.power(t, 3)), theta, 1e-5);
    g.data.forEach((v, i) => expect(Math.abs(v - 3 * theta.data[i]! ** 2)).toBeLessThan(1e-8));
  });

  it("gradientCheckVector passes the exact gradient and flags a wrong one", () => {
    // The course's 1-d example: J(θ) = θx with x = 2.
    const J = (t: NDArray): number => np.sum(np.multiply(t, 2));
    const theta = np.array([4]);
    expect(gradientCheckVector(J, theta, np.array([2])).difference).toBeLessThan(GRADIENT_CHECK_THRESHOLD);
    const wrong = gradientCheckVector(J, theta, np.array([3]));
    expect(wrong.difference).toBeCloseTo(1 / 5, 6);
    expect(wrong).toMatchObject({ worstIndex: [0], analytic: 3 });
  });

  it("relativeDifference is 0 for equal or all-zero gradients and 1 for opposite ones", () => {
    expect(relativeDifference([1, 2], [1, 2])).toBe(0);
    expect(relativeDifference([0, 0], [0, 0])).toBe(0);
    expect(relativeDifference([1, -2], [-1, 2])).toBe(1);
  });
});
