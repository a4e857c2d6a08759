import * as np from "np";
import type { NDArray } from "np";

interface Parameters {
  W1: NDArray;
  b1: NDArray;
  W2: NDArray;
  b2: NDArray;
}

interface Cache {
  Z1: NDArray;
  A1: NDArray;
  Z2: NDArray;
  A2: NDArray;
}

/** Forward propagation (tanh hidden layer, sigmoid output): A2 and the cache { Z1, A1, Z2, A2 }. */
export function forwardPropagation(X: NDArray, parameters: Parameters): { A2: NDArray; cache: Cache } {
  // TODO: Z1 = W1·X + b1, A1 = tanh(Z1), Z2 = W2·A1 + b2, A2 = σ(Z2).
  const m = X.shape[1] ?? 0;
  const Z1 = np.zeros([parameters.W1.shape[0] ?? 0, m]);
  const Z2 = np.zeros([parameters.W2.shape[0] ?? 0, m]);
  return { A2: Z2, cache: { Z1, A1: Z1, Z2, A2: Z2 } };
}

/** The cross-entropy cost J, averaged over the m examples. */
export function computeCost(A2: NDArray, Y: NDArray): number {
  // TODO: J = −(1/m) Σ (Y·log A2 + (1 − Y)·log(1 − A2)).
  void A2;
  void Y;
  return 0;
}

/** The gradients { dW1, db1, dW2, db2 } of J, from the cache of forwardPropagation. */
export function backwardPropagation(parameters: Parameters, cache: Cache, X: NDArray, Y: NDArray) {
  // TODO: dZ2 = A2 − Y, dW2, db2, then dZ1 = W2ᵀ·dZ2 ⊙ (1 − A1²), dW1, db1 (each with 1/m).
  void cache;
  void X;
  void Y;
  const { W1, b1, W2, b2 } = parameters;
  return { dW1: np.zeros(W1.shape), db1: np.zeros(b1.shape), dW2: np.zeros(W2.shape), db2: np.zeros(b2.shape) };
}

/**
 * Trains the one-hidden-layer network (tanh hidden layer with nH units, sigmoid output) on X (nX, m)
 * and Y (1, m) by gradient descent with learning rate 1.2, and returns the trained parameters.
 * Write every helper you need in this file: sigmoid, initialization, forward and backward
 * propagation, the parameter update.
 */
export function nnModel(X: NDArray, Y: NDArray, nH: number, numIterations = 10000): Parameters {
  const nX = X.shape[0] ?? 0;
  const nY = Y.shape[0] ?? 0;
  // TODO: initialize the parameters (randn * 0.01 weights, zero biases), then repeat numIterations times:
  //       forward propagation → backward propagation → update with learning rate 1.2.
  void numIterations;
  return { W1: np.zeros([nH, nX]), b1: np.zeros([nH, 1]), W2: np.zeros([nY, nH]), b2: np.zeros([nY, 1]) };
}
