// np.matmul, and the sigmoid through tanh: σ(z) = (1 + tanh(z / 2)) / 2.
import * as np from "np";
import type { NDArray } from "np";

export function forwardPropagation(
  X: NDArray,
  parameters: { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray },
): { A2: NDArray; cache: { Z1: NDArray; A1: NDArray; Z2: NDArray; A2: NDArray } } {
  const { W1, b1, W2, b2 } = parameters;
  const Z1 = np.matmul(W1, X).add(b1);
  const A1 = np.tanh(Z1);
  const Z2 = np.matmul(W2, A1).add(b2);
  const A2 = np.multiply(0.5, np.add(1, np.tanh(np.divide(Z2, 2))));
  return { A2, cache: { Z1, A1, Z2, A2 } };
}
