// Mistake: biases of shape (n,) instead of (n, 1); they would broadcast along the wrong axis.
import * as np from "np";
import type { NDArray } from "np";

export function initializeParametersZeros(nX: number, nH: number, nY: number): { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray } {
  return { W1: np.zeros([nH, nX]), b1: np.zeros(nH), W2: np.zeros([nY, nH]), b2: np.zeros(nY) };
}
