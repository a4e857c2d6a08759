// Mistake: randn without * 0.01; large weights push tanh and the sigmoid into their flat ends.
import * as np from "np";
import type { NDArray } from "np";

export function initializeParameters(nX: number, nH: number, nY: number): { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray } {
  return { W1: np.random.randn(nH, nX), b1: np.zeros([nH, 1]), W2: np.random.randn(nY, nH), b2: np.zeros([nY, 1]) };
}
