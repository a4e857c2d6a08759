// Reference solution: a[2] = W2(W1 x + b1) + b2 = (W2 W1) x + (W2 b1 + b2).
import * as np from "np";
import type { NDArray } from "np";

export function collapseLinear(W1: NDArray, b1: NDArray, W2: NDArray, b2: NDArray): { W: NDArray; b: NDArray } {
  return { W: np.dot(W2, W1), b: np.add(np.dot(W2, b1), b2) };
}
