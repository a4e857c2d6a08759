// Mistake: the biases are left out: Z1 = W1·X and Z2 = W2·A1.
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
  // e^{-|z|} never overflows, so both branches are safe for any z.
  const e = np.exp(np.negative(np.abs(z)));
  return np.where(np.greater_equal(z, 0), np.divide(1, np.add(1, e)), np.divide(e, np.add(1, e)));
}

export function forwardPropagation(X: NDArray, parameters: Parameters): { A2: NDArray; cache: Cache } {
  const { W1, W2 } = parameters;
  const Z1 = np.dot(W1, X);
  const A1 = np.tanh(Z1);
  const Z2 = np.dot(W2, A1);
  const A2 = sigmoid(Z2);
  return { A2, cache: { Z1, A1, Z2, A2 } };
}
