// Mistake: b = W2·b1, the second layer's own bias b2 is lost.
import * as np from "np";
import type { NDArray } from "np";

export function collapseLinear(W1: NDArray, b1: NDArray, W2: NDArray, b2: NDArray): { W: NDArray; b: NDArray } {
  void b2;
  return { W: np.dot(W2, W1), b: np.dot(W2, b1) };
}
