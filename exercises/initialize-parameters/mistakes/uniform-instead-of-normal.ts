// Mistake: np.random.rand draws uniformly from [0, 1), so every weight is positive.
import * as np from "np";
import type { NDArray } from "np";

export function initializeParameters(nX: number, nH: number, nY: number): { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray } {
  const W1 = np.multiply(np.random.rand(nH, nX), 0.01);
  const W2 = np.multiply(np.random.rand(nY, nH), 0.01);
  return { W1, b1: np.zeros([nH, 1]), W2, b2: np.zeros([nY, 1]) };
}
