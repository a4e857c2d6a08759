import * as np from "np";
import type { NDArray } from "np";

/**
 * Random initialization of a one-hidden-layer network.
 * Returns W1 (nH, nX) and W2 (nY, nH) drawn with np.random.randn(...) * 0.01,
 * and zero biases b1 (nH, 1) and b2 (nY, 1).
 */
export function initializeParameters(nX: number, nH: number, nY: number): { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray } {
  // TODO: small random weights, zero biases. All-zero weights are what this exercise is about avoiding.
  return { W1: np.zeros([nH, nX]), b1: np.zeros([nH, 1]), W2: np.zeros([nY, nH]), b2: np.zeros([nY, 1]) };
}
