// Mistake: a(1 − a), the sigmoid's derivative, for the tanh hidden layer.
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

function sigmoid(z: NDArray): NDArray {
  const e = np.exp(np.negative(np.abs(z)));
  return np.where(np.greater_equal(z, 0), np.divide(1, np.add(1, e)), np.divide(e, np.add(1, e)));
}

function initializeParameters(nX: number, nH: number, nY: number): Parameters {
  return {
    W1: np.multiply(np.random.randn(nH, nX), 0.01),
    b1: np.zeros([nH, 1]),
    W2: np.multiply(np.random.randn(nY, nH), 0.01),
    b2: np.zeros([nY, 1]),
  };
}

export function forwardPropagation(X: NDArray, p: Parameters): { A2: NDArray; cache: Cache } {
  const Z1 = np.add(np.dot(p.W1, X), p.b1);
  const A1 = np.tanh(Z1);
  const Z2 = np.add(np.dot(p.W2, A1), p.b2);
  const A2 = sigmoid(Z2);
  return { A2, cache: { Z1, A1, Z2, A2 } };
}

export function computeCost(A2: NDArray, Y: NDArray): number {
  const m = Y.shape[1] ?? 1;
  const logprobs = np.add(np.multiply(Y, np.log(A2)), np.multiply(np.subtract(1, Y), np.log(np.subtract(1, A2))));
  return -np.sum(logprobs) / m;
}

export function backwardPropagation(p: Parameters, cache: Cache, X: NDArray, Y: NDArray) {
  const m = X.shape[1] ?? 1;
  const { A1, A2 } = cache;
  const dZ2 = np.subtract(A2, Y);
  const dW2 = np.divide(np.dot(dZ2, A1.T), m);
  const db2 = np.divide(np.sum(dZ2, { axis: 1, keepdims: true }), m);
  const dZ1 = np.multiply(np.dot(p.W2.T, dZ2), np.multiply(A1, np.subtract(1, A1)));
  const dW1 = np.divide(np.dot(dZ1, X.T), m);
  const db1 = np.divide(np.sum(dZ1, { axis: 1, keepdims: true }), m);
  return { dW1, db1, dW2, db2 };
}

function updateParameters(p: Parameters, g: ReturnType<typeof backwardPropagation>, learningRate = 1.2): Parameters {
  return {
    W1: np.subtract(p.W1, np.multiply(learningRate, g.dW1)),
    b1: np.subtract(p.b1, np.multiply(learningRate, g.db1)),
    W2: np.subtract(p.W2, np.multiply(learningRate, g.dW2)),
    b2: np.subtract(p.b2, np.multiply(learningRate, g.db2)),
  };
}

export function nnModel(X: NDArray, Y: NDArray, nH: number, numIterations = 10000): Parameters {
  const nX = X.shape[0] ?? 0;
  const nY = Y.shape[0] ?? 0;
  let parameters = initializeParameters(nX, nH, nY);
  for (let i = 0; i < numIterations; i++) {
    const { cache } = forwardPropagation(X, parameters);
    const grads = backwardPropagation(parameters, cache, X, Y);
    parameters = updateParameters(parameters, grads);
  }
  return parameters;
}
