// Mistake: all-zero weights; every hidden unit computes the same thing forever (symmetry).
import * as np from "np";
import type { NDArray } from "np";

export function initializeParameters(nX: number, nH: number, nY: number): { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray } {
  return { W1: np.zeros([nH, nX]), b1: np.zeros([nH, 1]), W2: np.zeros([nY, nH]), b2: np.zeros([nY, 1]) };
}
