// Mistake: tanh in the output layer; a binary classifier's output must be a probability in (0, 1).
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


export function forwardPropagation(X: NDArray, parameters: Parameters): { A2: NDArray; cache: Cache } {
  const { W1, b1, W2, b2 } = parameters;
  const Z1 = np.add(np.dot(W1, X), b1);
  const A1 = np.tanh(Z1);
  const Z2 = np.add(np.dot(W2, A1), b2);
  const A2 = np.tanh(Z2);
  return { A2, cache: { Z1, A1, Z2, A2 } };
}
