// The reference one-hidden-layer network of the lecture notes (4주차: 신경망 네트워크와 경사 하강법):
// the answers the grader compares learner code against. Columns are examples: X is (nX, m),
// Y is (nY, m); W1 (nH, nX), b1 (nH, 1), W2 (nY, nH), b2 (nY, 1); the output is a sigmoid.
// Each step is a small forward with its local backward rule, written with np as the course
// notebook writes it. scripts/golden/nn_fixtures.py mirrors this file operation for operation
// (e.g. `(1/m) * x`, not `x / m`); change both together and re-run it.
import * as np from "../np/index";
import type { NDArray } from "../np/index";
import { DEFAULT_LEAKY_ALPHA, hiddenActivation, sigmoid, type HiddenActivation } from "./activations";

/** The network's parameters. A type (not an interface) so it is also a Record<string, NDArray>. */
export type NetworkParameters = { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray };

/** ∂J/∂ of each parameter, named as in the course (dW1 is ∂J/∂W1). */
export type NetworkGradients = { dW1: NDArray; db1: NDArray; dW2: NDArray; db2: NDArray };

/** What the forward pass keeps for the backward pass. */
export type ForwardCache = { Z1: NDArray; A1: NDArray; Z2: NDArray; A2: NDArray };

/** Which hidden activation, and leaky ReLU's slope for z < 0. */
export interface HiddenOptions {
  hidden?: HiddenActivation;
  alpha?: number;
}

/** The layer sizes for inputs X (nX, m) and labels Y (nY, m); the course fixes nH = 4. */
export function layerSizes(X: NDArray, Y: NDArray): { nX: number; nH: number; nY: number } {
  return { nX: dim(X, 0), nH: 4, nY: dim(Y, 0) };
}

/**
 * Small random weights and zero biases. The weights must differ or every hidden unit stays
 * the same unit forever (the notes' symmetry argument); they must be small or tanh and the
 * sigmoid start saturated. Draws from the global np.random in the order W1, W2, like the
 * course notebook, so `np.random.seed(s)` first reproduces numpy's parameters.
 */
export function initializeParameters(nX: number, nH: number, nY: number): NetworkParameters {
  const W1 = np.multiply(np.random.randn(nH, nX), 0.01);
  const b1 = np.zeros([nH, 1]);
  const W2 = np.multiply(np.random.randn(nY, nH), 0.01);
  const b2 = np.zeros([nY, 1]);
  return { W1, b1, W2, b2 };
}

/** Z1 = W1 X + b1, A1 = g1(Z1), Z2 = W2 A1 + b2, A2 = σ(Z2). */
export function forwardPropagation(
  X: NDArray,
  params: NetworkParameters,
  options: HiddenOptions = {},
): { A2: NDArray; cache: ForwardCache } {
  const g1 = hiddenActivation(options.hidden ?? "tanh", options.alpha ?? DEFAULT_LEAKY_ALPHA);
  const Z1 = np.add(np.dot(params.W1, X), params.b1);
  const A1 = g1.forward(Z1);
  const Z2 = np.add(np.dot(params.W2, A1), params.b2);
  const A2 = sigmoid(Z2);
  return { A2, cache: { Z1, A1, Z2, A2 } };
}

/**
 * Cross-entropy J = −(1/m) Σ [y log a + (1 − y) log(1 − a)], the course's formula. An A2 of
 * exactly 0 or 1 gives log 0 = −∞ and the cost is NaN or ∞, as in numpy.
 */
export function computeCost(A2: NDArray, Y: NDArray): number {
  const m = dim(Y, 1);
  const logprobs = np.add(np.multiply(np.log(A2), Y), np.multiply(np.log(np.subtract(1, A2)), np.subtract(1, Y)));
  return -np.sum(logprobs) / m;
}

/**
 * The backward pass, each line the local rule of one forward step:
 *   dZ2 = A2 − Y                      (σ with cross-entropy)
 *   dW2 = (1/m) dZ2 A1ᵀ               db2 = (1/m) Σ dZ2 over examples, keepdims
 *   dZ1 = W2ᵀ dZ2 ⊙ g1'(Z1)
 *   dW1 = (1/m) dZ1 Xᵀ                db1 = (1/m) Σ dZ1 over examples, keepdims
 * The lecture notes print three typos here: dW2 with A2ᵀ instead of A1ᵀ, `+ g'(z)` instead of
 * the elementwise product ⊙, and dZ2 where layer 1 needs dZ1 (in dZ1, dW1 and db1). They are
 * known misconceptions that the grader recognises in learner code, so keep this version exact;
 * gradient-check.test.ts shows that each typo fails the numerical gradient check.
 */
export function backwardPropagation(
  params: NetworkParameters,
  cache: ForwardCache,
  X: NDArray,
  Y: NDArray,
  options: HiddenOptions = {},
): NetworkGradients {
  const g1 = hiddenActivation(options.hidden ?? "tanh", options.alpha ?? DEFAULT_LEAKY_ALPHA);
  const m = dim(X, 1);
  const { Z1, A1, A2 } = cache;
  const dZ2 = np.subtract(A2, Y);
  const dW2 = np.multiply(1 / m, np.dot(dZ2, A1.T));
  const db2 = np.multiply(1 / m, np.sum(dZ2, { axis: 1, keepdims: true }));
  const dZ1 = np.multiply(np.dot(params.W2.T, dZ2), g1.derivative(Z1, A1));
  const dW1 = np.multiply(1 / m, np.dot(dZ1, X.T));
  const db1 = np.multiply(1 / m, np.sum(dZ1, { axis: 1, keepdims: true }));
  return { dW1, db1, dW2, db2 };
}

/** One step of gradient descent: θ ← θ − learningRate · dθ, for each parameter (new arrays). */
export function updateParameters(params: NetworkParameters, grads: NetworkGradients, learningRate = 1.2): NetworkParameters {
  return {
    W1: np.subtract(params.W1, np.multiply(learningRate, grads.dW1)),
    b1: np.subtract(params.b1, np.multiply(learningRate, grads.db1)),
    W2: np.subtract(params.W2, np.multiply(learningRate, grads.dW2)),
    b2: np.subtract(params.b2, np.multiply(learningRate, grads.db2)),
  };
}

/** Options of nnModel; the defaults are the course notebook's. */
export interface ModelOptions extends HiddenOptions {
  numIterations?: number;
  learningRate?: number;
  /** np.random.seed before initialising, as the notebook's nn_model does (3). */
  seed?: number;
  /** Called after each iteration's cost is computed, before the update (iteration counts from 0). */
  onIteration?: (iteration: number, cost: number) => void;
}

/**
 * The training loop: initialise, then numIterations × (forward, cost, backward, update).
 * costs[i] is the cost of iteration i, computed before that iteration's update.
 */
export function nnModel(
  X: NDArray,
  Y: NDArray,
  nH: number,
  options: ModelOptions = {},
): { parameters: NetworkParameters; costs: number[] } {
  const { numIterations = 10_000, learningRate = 1.2, seed = 3, onIteration } = options;
  const hidden: HiddenOptions = { hidden: options.hidden ?? "tanh", alpha: options.alpha ?? DEFAULT_LEAKY_ALPHA };
  np.random.seed(seed);
  const { nX, nY } = layerSizes(X, Y);
  let parameters = initializeParameters(nX, nH, nY);
  const costs: number[] = [];
  for (let i = 0; i < numIterations; i++) {
    const { A2, cache } = forwardPropagation(X, parameters, hidden);
    const cost = computeCost(A2, Y);
    costs.push(cost);
    onIteration?.(i, cost);
    const grads = backwardPropagation(parameters, cache, X, Y, hidden);
    parameters = updateParameters(parameters, grads, learningRate);
  }
  return { parameters, costs };
}

/** Class predictions (1, m): 1 where A2 > 0.5, else 0. */
export function predict(params: NetworkParameters, X: NDArray, options: HiddenOptions = {}): NDArray {
  const { A2 } = forwardPropagation(X, params, options);
  return np.where(np.greater(A2, 0.5), 1, 0);
}

/** The percentage of predictions equal to the labels. */
export function accuracy(predictions: NDArray, Y: NDArray): number {
  return np.mean(np.equal(predictions, Y)) * 100;
}

function dim(a: NDArray, axis: number): number {
  const d = a.shape[axis];
  if (d === undefined) throw new RangeError(`expected an array with at least ${axis + 1} dimensions, got shape (${a.shape.join(", ")})`);
  return d;
}
