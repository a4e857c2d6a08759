// Draws W2 before W1: any order of the draws is a valid random initialization.
import * as np from "np";
import type { NDArray } from "np";

export function initializeParameters(nX: number, nH: number, nY: number): { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray } {
  const W2 = np.random.randn(nY, nH).mul(0.01);
  const W1 = np.random.randn(nH, nX).mul(0.01);
  return { W1, b1: np.zeros([nH, 1]), W2, b2: np.zeros([nY, 1]) };
}
