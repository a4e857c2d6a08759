// The same with NDArray methods and np.matmul.
import * as np from "np";
import type { NDArray } from "np";

export function collapseLinear(W1: NDArray, b1: NDArray, W2: NDArray, b2: NDArray): { W: NDArray; b: NDArray } {
  const W = np.matmul(W2, W1);
  const b = W2.dot(b1).add(b2);
  return { W, b };
}
