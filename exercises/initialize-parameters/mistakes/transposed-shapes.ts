// Mistake: W1 drawn as (nX, nH) and W2 as (nH, nY); W[l] has shape (n[l], n[l-1]).
import * as np from "np";
import type { NDArray } from "np";

export function initializeParameters(nX: number, nH: number, nY: number): { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray } {
  const W1 = np.multiply(np.random.randn(nX, nH), 0.01);
  const W2 = np.multiply(np.random.randn(nH, nY), 0.01);
  return { W1, b1: np.zeros([nH, 1]), W2, b2: np.zeros([nY, 1]) };
}
