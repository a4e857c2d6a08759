// Draws W2 before W1, averages with np.mean instead of sum / m, and uses NDArray methods.
import * as np from "np";
import type { NDArray } from "np";

type Parameters = { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray };
type Cache = { Z1: NDArray; A1: NDArray; Z2: NDArray; A2: NDArray };

export function forwardPropagation(X: NDArray, p: Parameters): { A2: NDArray; cache: Cache } {
  const Z1 = p.W1.dot(X).add(p.b1);
  const A1 = np.tanh(Z1);
  const Z2 = p.W2.dot(A1).add(p.b2);
  const A2 = np.divide(1, np.exp(Z2.mul(-1)).add(1));
  return { A2, cache: { Z1, A1, Z2, A2 } };
}

export function computeCost(A2: NDArray, Y: NDArray): number {
  return -np.mean(Y.mul(np.log(A2)).add(np.subtract(1, Y).mul(np.log(np.subtract(1, A2)))));
}

export function backwardPropagation(p: Parameters, cache: Cache, X: NDArray, Y: NDArray) {
  const m = X.shape[1] ?? 1;
  const { A1, A2 } = cache;
  const dZ2 = A2.sub(Y);
  const dW2 = dZ2.dot(A1.T).div(m);
  const db2 = dZ2.mean({ axis: 1, keepdims: true });
  const dZ1 = p.W2.T.dot(dZ2).mul(np.subtract(1, A1.mul(A1)));
  const dW1 = dZ1.dot(X.T).div(m);
  const db1 = dZ1.mean({ axis: 1, keepdims: true });
  return { dW1, db1, dW2, db2 };
}

export function nnModel(X: NDArray, Y: NDArray, nH: number, numIterations = 10000): Parameters {
  const W2init = np.random.randn(Y.shape[0] ?? 1, nH).mul(0.01);
  const W1init = np.random.randn(nH, X.shape[0] ?? 1).mul(0.01);
  let p: Parameters = { W1: W1init, b1: np.zeros([nH, 1]), W2: W2init, b2: np.zeros([Y.shape[0] ?? 1, 1]) };
  const learningRate = 1.2;
  for (let i = 0; i < numIterations; i++) {
    const g = backwardPropagation(p, forwardPropagation(X, p).cache, X, Y);
    p = {
      W1: p.W1.sub(g.dW1.mul(learningRate)),
      b1: p.b1.sub(g.db1.mul(learningRate)),
      W2: p.W2.sub(g.dW2.mul(learningRate)),
      b2: p.b2.sub(g.db2.mul(learningRate)),
    };
  }
  return p;
}
