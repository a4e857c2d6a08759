// np.random.normal(0, 0.01, shape) draws the same standard normals, already scaled.
import * as np from "np";
import type { NDArray } from "np";

export function initializeParameters(nX: number, nH: number, nY: number): { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray } {
  const W1 = np.random.normal(0, 0.01, [nH, nX]);
  const W2 = np.random.normal(0, 0.01, [nY, nH]);
  return { W1, b1: np.zeros([nH, 1]), W2, b2: np.zeros([nY, 1]) };
}
