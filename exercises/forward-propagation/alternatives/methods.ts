// NDArray methods, and the textbook sigmoid 1 / (1 + e^{-z}) (safe: e^{1000} = Infinity gives 0, not NaN).
import * as np from "np";
import type { NDArray } from "np";

export function forwardPropagation(
  X: NDArray,
  parameters: { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray },
): { A2: NDArray; cache: { Z1: NDArray; A1: NDArray; Z2: NDArray; A2: NDArray } } {
  const Z1 = parameters.W1.dot(X).add(parameters.b1);
  const A1 = np.tanh(Z1);
  const Z2 = parameters.W2.dot(A1).add(parameters.b2);
  const A2 = np.divide(1, np.exp(Z2.mul(-1)).add(1));
  return { A2, cache: { Z1, A1, Z2, A2 } };
}
