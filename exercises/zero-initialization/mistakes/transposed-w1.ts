// Mistake: W1 as (nX, nH); W[l] has shape (n[l], n[l-1]).
import * as np from "np";
import type { NDArray } from "np";

export function initializeParametersZeros(nX: number, nH: number, nY: number): { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray } {
  return { W1: np.zeros([nX, nH]), b1: np.zeros([nH, 1]), W2: np.zeros([nY, nH]), b2: np.zeros([nY, 1]) };
}
