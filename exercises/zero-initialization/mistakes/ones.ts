// Mistake: all ones; as symmetric as zeros, but not what was asked.
import * as np from "np";
import type { NDArray } from "np";

export function initializeParametersZeros(nX: number, nH: number, nY: number): { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray } {
  return { W1: np.ones([nH, nX]), b1: np.zeros([nH, 1]), W2: np.ones([nY, nH]), b2: np.zeros([nY, 1]) };
}
